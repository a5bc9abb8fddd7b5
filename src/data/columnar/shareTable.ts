import type { Column, FeatureTable, GeometryColumn } from './featureTable';

type Typed = Uint8Array | Uint32Array | Float64Array;
type Replace = <T extends Typed>(a: T) => T;

function replaceInColumn(c: Column, replace: Replace): Column {
  const missing = c.missing && replace(c.missing);
  switch (c.kind) {
    case 'string':
    case 'json':
      return { ...c, missing, codes: replace(c.codes) };
    case 'numbered':
      return { ...c, missing, prefixCodes: replace(c.prefixCodes), numbers: replace(c.numbers), widths: replace(c.widths) };
    case 'number':
    case 'time':
      return { ...c, missing, values: replace(c.values) };
    case 'boolean':
      return { ...c, missing, values: replace(c.values) };
  }
}

function replaceInGeometry(g: GeometryColumn, replace: Replace): GeometryColumn {
  const { offsets } = g;
  return {
    ...g,
    types: replace(g.types),
    coordinates: replace(g.coordinates),
    offsets: offsets && { parts: replace(offsets.parts), rings: replace(offsets.rings), positions: replace(offsets.positions) },
  };
}

/** The same table with each of its typed arrays replaced (dictionaries and every other field kept). */
function replaceArrays(table: FeatureTable, replace: Replace): FeatureTable {
  const properties: Record<string, Column> = Object.create(null) as Record<string, Column>;
  for (const [key, column] of Object.entries(table.properties)) properties[key] = replaceInColumn(column, replace);
  return { ...table, ids: table.ids && replaceInColumn(table.ids, replace), geometry: replaceInGeometry(table.geometry, replace), properties };
}

const ALIGN = 8;
const aligned = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

/**
 * The table's arrays copied into one buffer from `allocate`, each at an 8-byte boundary: with a
 * SharedArrayBuffer, the page, the map and the statistics worker then read the same memory, and
 * posting the table to a worker copies none of it.
 */
export function packTable(table: FeatureTable, allocate: (bytes: number) => ArrayBufferLike): FeatureTable {
  let bytes = 0;
  replaceArrays(table, (a) => {
    bytes += aligned(a.byteLength);
    return a;
  });
  const buffer = allocate(bytes);
  let at = 0;
  return replaceArrays(table, (a) => {
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
