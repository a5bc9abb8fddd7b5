import { expose, transfer } from 'comlink';
import { decodeCollectionTable, decodeFile, type DecodeOptions, type DecodedTablePage, type FileFormat } from './decode';
import { tableBuffers } from './columnar/featureTable';
import { shareTable } from './columnar/shareTable';
import { withTriangles } from './columnar/polygonTriangles';
import { withDrawnColumns } from './columnar/drawnColumns';
import type { CollectionId } from '../layers/registry';
import { fetchBody } from './http';
import type { DataError } from './errors';
import type { Result } from './result';
import type { LoadProgress } from './source';

/** Progress is reported at most this often: one message per network chunk would flood the page. */
const PROGRESS_EVERY_MS = 100;

const loads = new Map<string, AbortController>();

/** The table (with its polygons' triangles and the columns the map draws) in shared memory where the page allows it (then nothing is transferred), else transferred. */
function withTransfer(decoded: Result<DecodedTablePage, DataError>) {
  if (!decoded.ok) return decoded;
  const table = shareTable(withDrawnColumns(withTriangles(decoded.value.table)));
  return transfer({ ...decoded, value: { ...decoded.value, table } }, tableBuffers(table));
}

/**
 * The decoding worker: fetching, JSON parsing, validation and encoding into columns, off the main
 * thread; the columns are transferred, not copied, and a file's bytes never reach the page.
 */
const api = {
  decode(id: CollectionId, body: ArrayBuffer, options?: DecodeOptions) {
    return withTransfer(decodeCollectionTable(id, body, options));
  },
  /** `key` names the load, for abort(key). */
  async fetchAndDecode(id: CollectionId, url: string, timeoutMs: number, key: string, onProgress?: (p: LoadProgress) => void, format?: FileFormat) {
    const controller = new AbortController();
    loads.set(key, controller);
    let last = 0;
    try {
      const body = await fetchBody(url, id, {
        timeoutMs,
        signal: controller.signal,
        onBytes: (p) => {
          const now = performance.now();
          if (now - last < PROGRESS_EVERY_MS && p.loaded !== p.total) return;
          last = now;
          void onProgress?.(p);
        },
      });
      return withTransfer(body.ok ? decodeFile(id, body.value, format) : body);
    } finally {
      loads.delete(key);
    }
  },
  abort(key: string) {
    loads.get(key)?.abort();
  },
};
export type DecodeWorkerApi = typeof api;
expose(api);
