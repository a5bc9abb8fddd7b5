import { proxy, transfer, wrap, type Remote } from 'comlink';
import { dataError } from './errors';
import type { FetchOptions } from './http';
import type { LoadProgress } from './source';
import { err } from './result';
import type { DecodeWorkerApi } from './decode.worker';
import type { DecodeOptions, Decoder, FileFormat, LoadedTable } from './decode';
import { withoutDrawing } from './columnar/drawnColumns';
import type { CollectionId } from '../layers/registry';

/** What an unfetched file weighs in the pool's choice of worker. */
const WHOLE_FILE = 2 ** 24;

/**
 * A Decoder backed by a small pool of Web Workers; each body is transferred, not copied, to the
 * worker with the fewest bytes still queued, so a large file does not hold up the small ones.
 * Whole files are fetched by the worker itself.
 */
export function createWorkerDecoder(size = Math.min(4, Math.max(2, (navigator.hardwareConcurrency || 2) - 1))): Decoder {
  const pool = Array.from({ length: size }, (_, i) => ({
    api: wrap<DecodeWorkerApi>(new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: `decode-${i}` })) as Remote<DecodeWorkerApi>,
    queuedBytes: 0,
  }));
  const leastBusy = () => pool.reduce((a, b) => (b.queuedBytes < a.queuedBytes ? b : a));
  let loads = 0;
  return {
    async decode(id: CollectionId, body: ArrayBuffer, options?: DecodeOptions) {
      const worker = leastBusy();
      const bytes = body.byteLength;
      worker.queuedBytes += bytes;
      try {
        return await worker.api.decode(id, transfer(body, [body]), options);
      } finally {
        worker.queuedBytes -= bytes;
      }
    },
    async fetchAndDecode(id: CollectionId, url: string, { signal, timeoutMs, onBytes, cache }: FetchOptions, format?: FileFormat, changes: readonly string[] = []) {
      const worker = leastBusy();
      // The size is not known before the answer: each whole-file load counts as one large body.
      worker.queuedBytes += WHOLE_FILE;
      const key = `load-${++loads}`;
      const abort = () => void worker.api.abort(key);
      signal?.addEventListener('abort', abort);
      // Progress comes through its own message port: a report can arrive after the result, and must not undo it.
      let settled = false;
      const progress = onBytes && proxy((p: LoadProgress) => void (settled || onBytes(p)));
      try {
        if (signal?.aborted) return err(dataError('aborted', id, `${id}: loading was cancelled`));
        return await worker.api.fetchAndDecode(id, absolute(url), { timeoutMs, key, format, cache, changes: changes.map(absolute) }, progress);
      } finally {
        settled = true;
        signal?.removeEventListener('abort', abort);
        worker.queuedBytes -= WHOLE_FILE;
      }
    },
    async applyChanges(id: CollectionId, loaded: LoadedTable, changes: readonly string[], { signal, timeoutMs }: FetchOptions) {
      const worker = leastBusy();
      const key = `load-${++loads}`;
      const abort = () => void worker.api.abort(key);
      signal?.addEventListener('abort', abort);
      try {
        if (signal?.aborted) return err(dataError('aborted', id, `${id}: loading was cancelled`));
        // Shared where the page is cross-origin isolated (nothing copied), else cloned: what only the map draws stays here.
        const sent: LoadedTable = { table: withoutDrawing(loaded.table), rejected: loaded.rejected };
        return await worker.api.applyChanges(id, sent, changes.map(absolute), { timeoutMs, key });
      } finally {
        signal?.removeEventListener('abort', abort);
      }
    },
  } satisfies Decoder;
}

/** A worker resolves relative addresses against its own script: the page's address is the base. */
const absolute = (url: string) => new URL(url, location.href).href;
