import type { LayerCounts } from './layerColumns';
import type { LayerFilterMasks } from './filterMasks';

export interface VisibleCounts {
  /** Features passing every filter (rows, or their weights). */
  visible: number;
  /** Per channel, per category: features of that category passing every filter. */
  byCategory: Uint32Array[];
  /** 1 for each row passing every filter, in collection order. */
  mask: Uint8Array;
}

/** Whether the masks keep every row of a timeless layer (every class it holds, every town). */
function keepsEveryRow(columns: LayerCounts, masks: LayerFilterMasks): boolean {
  return !columns.timed && columns.totals.every((total, c) => total.every((n, code) => n === 0 || masks.lookup[c][code] === 1));
}

/**
 * The CPU twin of the GPU filter: what is drawn, counted per class for the legends. Where the
 * filters keep a timeless layer whole, as at load, the counts are its totals, without a pass over
 * its rows (the legends' first count of 472,000 covers at 10× was a task of 135 ms).
 */
export function visibleCounts(columns: LayerCounts, masks: LayerFilterMasks): VisibleCounts {
  if (!keepsEveryRow(columns, masks)) return countRows(columns, masks);
  const byCategory = columns.totals.map((total) => total.slice());
  return { visible: byCategory[0].reduce((sum, n) => sum + n, 0), byCategory, mask: new Uint8Array(columns.length).fill(1) };
}

/** The counts row by row. */
export function countRows(columns: LayerCounts, masks: LayerFilterMasks): VisibleCounts {
  const { length, channels, categories, minutes, totals, weights } = columns;
  const byCategory = totals.map((t) => new Uint32Array(t.length));
  const mask = new Uint8Array(length);
  const [from, to] = masks.minutes;
  let visible = 0;
  const timed = columns.timed;
  for (let i = 0; i < length; i++) {
    if (timed && !(minutes[i] >= from && minutes[i] <= to)) continue;
    const row = i * channels;
    let pass = true;
    for (let c = 0; c < channels && pass; c++) pass = masks.lookup[c][categories[row + c]] === 1;
    if (!pass) continue;
    mask[i] = 1;
    const weight = weights ? weights[i] : 1;
    visible += weight;
    for (let c = 0; c < channels; c++) byCategory[c][categories[row + c]] += weight;
  }
  return { visible, byCategory, mask };
}

const lastCounts = new WeakMap<LayerCounts, { key: string; counts: VisibleCounts }>();

/**
 * The counts for these masks, the same object for every reader of the layer until its masks change:
 * a new time range does not recount a timeless layer (a million poles and covers at 10×), and the
 * legends and the trend chart share one count.
 */
export function sharedVisibleCounts(columns: LayerCounts, masks: LayerFilterMasks): VisibleCounts {
  const key = JSON.stringify([masks.categories, masks.minutes]);
  const last = lastCounts.get(columns);
  if (last?.key === key) return last.counts;
  const counts = visibleCounts(columns, masks);
  lastCounts.set(columns, { key, counts });
  return counts;
}

/** Per town slot (the layer's town channel), the features passing every filter (rows, or their weights). */
export function visibleByTown(columns: LayerCounts, counts: VisibleCounts): Uint32Array {
  const { length, channels, townChannel, categories, weights, totals } = columns;
  const byTown = new Uint32Array(totals[townChannel].length);
  for (let i = 0; i < length; i++) if (counts.mask[i] === 1) byTown[categories[i * channels + townChannel]] += weights ? weights[i] : 1;
  return byTown;
}
