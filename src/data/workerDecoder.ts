import { transfer, wrap, type Remote } from 'comlink';
import type { DecodeWorkerApi } from './decode.worker';
import type { DecodeOptions, Decoder } from './decode';
import type { CollectionId } from '../layers/registry';

/**
 * A Decoder backed by a small pool of Web Workers; each body is transferred, not copied, to the
 * worker with the fewest bytes still queued, so a large file does not hold up the small ones.
 */
export function createWorkerDecoder(size = Math.min(4, Math.max(2, (navigator.hardwareConcurrency || 2) - 1))): Decoder {
  const pool = Array.from({ length: size }, (_, i) => ({
    api: wrap<DecodeWorkerApi>(new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: `decode-${i}` })) as Remote<DecodeWorkerApi>,
    queuedBytes: 0,
  }));
  return (async (id: CollectionId, body: ArrayBuffer, options?: DecodeOptions) => {
    const worker = pool.reduce((a, b) => (b.queuedBytes < a.queuedBytes ? b : a));
    const bytes = body.byteLength;
    worker.queuedBytes += bytes;
    try {
      return await worker.api.decode(id, transfer(body, [body]), options);
    } finally {
      worker.queuedBytes -= bytes;
    }
  }) satisfies Decoder;
}
