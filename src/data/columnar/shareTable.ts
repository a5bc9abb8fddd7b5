import { replaceTableArrays, type FeatureTable } from './featureTable';

const ALIGN = 8;
const aligned = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

/**
 * The table's arrays copied into one buffer from `allocate`, each at an 8-byte boundary: with a
 * SharedArrayBuffer, the page, the map and the statistics worker then read the same memory, and
 * posting the table to a worker copies none of it.
 */
export function packTable(table: FeatureTable, allocate: (bytes: number) => ArrayBufferLike): FeatureTable {
  let bytes = 0;
  replaceTableArrays(table, (a) => {
    bytes += aligned(a.byteLength);
    return a;
  });
  const buffer = allocate(bytes);
  let at = 0;
  return replaceTableArrays(table, (a) => {
    const Kind = a.constructor as new (buffer: ArrayBufferLike, byteOffset: number, length: number) => typeof a;
    const copy = new Kind(buffer, at, a.length);
    copy.set(a as never);
    at += aligned(a.byteLength);
    return copy;
  });
}

/** Whether this thread may share memory with other threads (the page is cross-origin isolated). */
export const canShareMemory = () => globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';

/**
 * The table in shared memory where the page is cross-origin isolated (COOP and COEP headers), so
 * that the statistics worker reads the page's columns instead of a copy of them; as it is elsewhere.
 * Done in the worker that built the table, off the main thread.
 */
export function shareTable(table: FeatureTable): FeatureTable {
  return canShareMemory() ? packTable(table, (bytes) => new SharedArrayBuffer(bytes)) : table;
}
