import type { LayerColumns } from './layerColumns';

/** Some rows of a layer's columns, drawn as their own deck.gl layer; `sourceRow` maps back to the layer. */
export interface ColumnSubset extends LayerColumns {
  /** Row in the full layer of each subset row, ascending. */
  sourceRow: Uint32Array;
  /** The subset row of a row of the full layer, -1 when it is not in the subset. */
  rowOfSource(row: number): number;
}

/** The rows of `columns` for which `keep(row)` holds, with their own positions, style, categories and minutes. */
export function subsetColumns(columns: LayerColumns, keep: (row: number) => boolean): ColumnSubset {
  const rows: number[] = [];
  for (let i = 0; i < columns.length; i++) if (keep(i)) rows.push(i);
  const sourceRow = Uint32Array.from(rows);
  const n = sourceRow.length;
  const { channels } = columns;
  const offsets = new Float32Array(n * 3);
  const categories = new Uint8Array(n * channels);
  const minutes = new Float32Array(n);
  const style = { fill: new Uint8Array(n * 4), line: new Uint8Array(n * 4), radius: new Float32Array(n) };
  for (let i = 0; i < n; i++) {
    const r = sourceRow[i];
    offsets.set(columns.offsets.subarray(r * 3, r * 3 + 3), i * 3);
    categories.set(columns.categories.subarray(r * channels, (r + 1) * channels), i * channels);
    minutes[i] = columns.minutes[r];
    style.fill.set(columns.style.fill.subarray(r * 4, r * 4 + 4), i * 4);
    style.line.set(columns.style.line.subarray(r * 4, r * 4 + 4), i * 4);
    style.radius[i] = columns.style.radius[r];
  }
  const rowOfSource = (row: number) => {
    const i = lowerBound(sourceRow, row);
    return i < n && sourceRow[i] === row ? i : -1;
  };
  return {
    ...columns,
    length: n,
    offsets,
    style,
    // The whole layer's polygons are not the subset's (the subsets drawn are of points).
    polygons: undefined,
    categories,
    minutes,
    sourceRow,
    rowOfSource,
    idAt: (i) => columns.idAt(sourceRow[i]),
    indexOf: (id) => {
      const row = columns.indexOf(id);
      const i = row === undefined ? -1 : rowOfSource(row);
      return i >= 0 ? i : undefined;
    },
  };
}

function lowerBound(sorted: Uint32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
