import type { DomainLayerId } from '../../layers/registry';
import { categoryCoder, type LayerCounts } from './layerColumns';

/** Features of one town holding one value of each of the layer's filter attributes (in filter order), counted by the server. */
export interface ClassCount {
  town: string;
  values: readonly string[];
  count: number;
}

/**
 * One row per count the server sent, weighted by it. Timeless: assets have no time field, and a
 * case layer's counts are asked for one time range (what they stand for is that range's cases).
 */
export function countTableOf(layer: DomainLayerId, rows: readonly ClassCount[], townCodes: readonly string[]): LayerCounts {
  const coder = categoryCoder(layer, townCodes, rows.length);
  const weights = new Uint32Array(rows.length);
  rows.forEach((r, i) => {
    weights[i] = r.count;
    coder.code(i, r.values, r.town, r.count);
  });
  coder.finish();
  const { channels, townChannel, categories, totals } = coder;
  return { layer, length: rows.length, channels, townChannel, categories, minutes: new Float32Array(rows.length), timed: false, totals, weights };
}
