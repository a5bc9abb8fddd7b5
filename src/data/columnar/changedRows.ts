import type { Column, FeatureTable, GeometryColumn } from './featureTable';

/** Rows [startRow, endRow) of a table, as deck.gl's `_dataDiff` takes them. */
export interface RowRange {
  startRow: number;
  endRow: number;
}

/** Past this many ranges, redrawing everything is cheaper than patching each one. */
export const MAX_RANGES = 256;

/**
 * Marks in `changed` the first n rows whose value differs between two columns (dictionary codes
 * compared through their text); false when the columns cannot be compared row for row.
 */
function markColumn(a: Column, b: Column, n: number, changed: Uint8Array): boolean {
  if (a.kind !== b.kind) return false;
  const [am, bm] = [a.missing, b.missing];
  if (am || bm) for (let i = 0; i < n; i++) if ((am?.[i] ?? 0) !== (bm?.[i] ?? 0)) changed[i] = 1;
  // A value under a null or absent mark is not compared: the marks differ or both say "no value".
  const present = (i: number) => (am?.[i] ?? 0) === 0;
  switch (a.kind) {
    case 'number':
    case 'boolean':
    case 'time': {
      const other = b as typeof a;
      if (a.kind === 'time' && ((other as typeof a).offsetMinutes !== a.offsetMinutes || (other as typeof a).millis !== a.millis)) return false;
      const [av, bv] = [a.values, other.values];
      for (let i = 0; i < n; i++) if (av[i] !== bv[i] && !(av[i] !== av[i] && bv[i] !== bv[i]) && present(i)) changed[i] = 1;
      return true;
    }
    case 'string':
    case 'json': {
      const other = b as typeof a;
      const codeIn = codeMap(a.dictionary, other.dictionary);
      for (let i = 0; i < n; i++) if (codeIn[a.codes[i]] !== other.codes[i] && present(i)) changed[i] = 1;
      return true;
    }
    case 'numbered': {
      const other = b as typeof a;
      const prefixIn = codeMap(a.prefixes, other.prefixes);
      for (let i = 0; i < n; i++) {
        if ((prefixIn[a.prefixCodes[i]] !== other.prefixCodes[i] || a.numbers[i] !== other.numbers[i] || a.widths[i] !== other.widths[i]) && present(i)) changed[i] = 1;
      }
      return true;
    }
  }
}

/** For each entry of `from`, its code in `to` (-1 where `to` lacks it). */
function codeMap(from: readonly string[], to: readonly string[]): Int32Array {
  const index = new Map(to.map((v, i) => [v, i]));
  return Int32Array.from(from, (v) => index.get(v) ?? -1);
}

/** Marks the first n features whose geometry differs: type, layout or any coordinate. */
function markGeometry(a: GeometryColumn, b: GeometryColumn, n: number, changed: Uint8Array): boolean {
  if (a.dimensions !== b.dimensions || (a.offsets === null) !== (b.offsets === null)) return false;
  const d = a.dimensions;
  const [ac, bc] = [a.coordinates, b.coordinates];
  const differ = (x: number, y: number) => x !== y && !(x !== x && y !== y);
  for (let i = 0; i < n; i++) if (a.types[i] !== b.types[i]) changed[i] = 1;
  if (!a.offsets || !b.offsets) {
    for (let k = 0; k < n * d; k++) if (differ(ac[k], bc[k])) changed[Math.floor(k / d)] = 1;
    return true;
  }
  const ao = a.offsets;
  const bo = b.offsets;
  for (let i = 0; i < n; i++) {
    if (changed[i]) continue;
    const parts = ao.parts[i + 1] - ao.parts[i];
    if (bo.parts[i + 1] - bo.parts[i] !== parts) {
      changed[i] = 1;
      continue;
    }
    rows: for (let p = 0; p < parts; p++) {
      const [pa, pb] = [ao.parts[i] + p, bo.parts[i] + p];
      const rings = ao.rings[pa + 1] - ao.rings[pa];
      if (bo.rings[pb + 1] - bo.rings[pb] !== rings) {
        changed[i] = 1;
        break;
      }
      for (let r = 0; r < rings; r++) {
        const [ra, rb] = [ao.rings[pa] + r, bo.rings[pb] + r];
        const from = ao.positions[ra] * d;
        const length = (ao.positions[ra + 1] - ao.positions[ra]) * d;
        const bFrom = bo.positions[rb] * d;
        if ((bo.positions[rb + 1] - bo.positions[rb]) * d !== length) {
          changed[i] = 1;
          break rows;
        }
        for (let k = 0; k < length; k++) {
          if (differ(ac[from + k], bc[bFrom + k])) {
            changed[i] = 1;
            break rows;
          }
        }
      }
    }
  }
  return true;
}

/**
 * The rows of `next` that differ from `previous`, as ranges: rows changed in place, then the rows
 * appended after `previous` ended. Null when the two do not line up row for row (rows removed or
 * reordered, columns added, dropped or of another kind): then everything is to be redrawn.
 * A live refresh mostly moves a few cases on a stage and reports a few new ones; the map then
 * rebuilds those rows only.
 */
export function changedRows(previous: FeatureTable, next: FeatureTable, maxRanges = MAX_RANGES): RowRange[] | null {
  if (previous.collection !== next.collection || next.length < previous.length) return null;
  const keys = Object.keys(previous.properties);
  if (keys.length !== Object.keys(next.properties).length || !keys.every((k) => Object.hasOwn(next.properties, k))) return null;
  if ((previous.ids === null) !== (next.ids === null)) return null;
  const n = previous.length;
  // A row whose id moved is not the same feature: the rows no longer line up.
  const idColumn = previous.ids ? [previous.ids, next.ids!] : Object.hasOwn(previous.properties, 'id') ? [previous.properties.id, next.properties.id] : null;
  if (idColumn) {
    const moved = new Uint8Array(n);
    if (!markColumn(idColumn[0], idColumn[1], n, moved) || moved.includes(1)) return null;
  }
  const changed = new Uint8Array(n);
  for (const key of keys) if (!markColumn(previous.properties[key], next.properties[key], n, changed)) return null;
  if (!markGeometry(previous.geometry, next.geometry, n, changed)) return null;
  const ranges: RowRange[] = [];
  for (let i = changed.indexOf(1); i >= 0; i = changed.indexOf(1, i + 1)) {
    const last = ranges[ranges.length - 1];
    if (last && last.endRow === i) last.endRow = i + 1;
    else if (ranges.push({ startRow: i, endRow: i + 1 }) > maxRanges) return null;
  }
  if (next.length > previous.length) {
    const last = ranges[ranges.length - 1];
    if (last && last.endRow === previous.length) last.endRow = next.length;
    else ranges.push({ startRow: previous.length, endRow: next.length });
  }
  return ranges.length > maxRanges ? null : ranges;
}
