import { expose, transfer } from 'comlink';
import { decodeCollectionTable, decodeFile, type DecodeOptions, type FileFormat, type LoadedTable } from './decode';
import { writeInChangeFiles } from './changes';
import { tableBuffers } from './columnar/featureTable';
import { shareTable } from './columnar/shareTable';
import { withTriangles } from './columnar/polygonTriangles';
import { withDrawnColumns } from './columnar/drawnColumns';
import type { CollectionId } from '../layers/registry';
import { fetchBody } from './http';
import type { DataError } from './errors';
import { ok, type Result } from './result';
import type { LoadProgress } from './source';

/** Progress is reported at most this often: one message per network chunk would flood the page. */
const PROGRESS_EVERY_MS = 100;

const loads = new Map<string, AbortController>();

/** How a whole file is read: `key` names the load (for abort). */
export interface WholeRead {
  timeoutMs: number;
  key: string;
  format?: FileFormat;
  changes?: readonly string[];
  cache?: RequestCache;
}

/** The table (with its polygons' triangles and the columns the map draws) in shared memory where the page allows it (then nothing is transferred), else transferred. */
function withTransfer<T extends LoadedTable>(decoded: Result<T, DataError>) {
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
  /** `key` names the load, for abort(key); `changes` are the change files published since the file (absolute addresses). */
  async fetchAndDecode(id: CollectionId, url: string, { timeoutMs, key, format, changes = [], cache }: WholeRead, onProgress?: (p: LoadProgress) => void) {
    const controller = new AbortController();
    loads.set(key, controller);
    let last = 0;
    try {
      const body = await fetchBody(url, id, {
        timeoutMs,
        cache,
        signal: controller.signal,
        onBytes: (p) => {
          const now = performance.now();
          if (now - last < PROGRESS_EVERY_MS && p.loaded !== p.total) return;
          last = now;
          void onProgress?.(p);
        },
      });
      return withTransfer(await writeInChangeFiles(id, body.ok ? decodeFile(id, body.value, format) : body, changes, { timeoutMs, signal: controller.signal }));
    } finally {
      loads.delete(key);
    }
  },
  /**
   * The collection the page holds (in shared memory where the page allows it, else a copy) with the
   * change files written in: only they are fetched; the map's columns are built again for the whole.
   */
  async applyChanges(id: CollectionId, loaded: LoadedTable, changes: readonly string[], { timeoutMs, key }: { timeoutMs: number; key: string }) {
    const controller = new AbortController();
    loads.set(key, controller);
    try {
      return withTransfer(await writeInChangeFiles(id, ok(loaded), changes, { timeoutMs, signal: controller.signal }));
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
