import type { AssetCount } from '../../data/servedAssets';
import type { DomainLayerId } from '../../layers/registry';
import { categoryCoder, type LayerCounts } from './layerColumns';

/** One row per count the server sent, weighted by its assets (timeless: the assets have no time field). */
export function countTableOf(layer: DomainLayerId, rows: readonly AssetCount[], townCodes: readonly string[]): LayerCounts {
  const coder = categoryCoder(layer, townCodes, rows.length);
  const weights = new Uint32Array(rows.length);
  rows.forEach((r, i) => {
    weights[i] = r.assets;
    coder.code(i, r.values, r.town, r.assets);
  });
  coder.finish();
  const { channels, townChannel, categories, totals } = coder;
  return { layer, length: rows.length, channels, townChannel, categories, minutes: new Float32Array(rows.length), timed: false, totals, weights };
}
