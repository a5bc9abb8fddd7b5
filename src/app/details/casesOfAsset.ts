import type { FeatureTable } from '../../data/columnar/featureTable';
import { textAt } from '../../data/columnar/readTable';

const cache = new WeakMap<FeatureTable, Map<string, number[]>>();

/** Rows of the cases filed against each asset, built once per loaded case table. */
export function casesOfAsset(cases: FeatureTable, assetId: string): number[] {
  let index = cache.get(cases);
  if (!index) {
    index = new Map();
    for (let i = 0; i < cases.length; i++) {
      const id = textAt(cases, 'assetId', i);
      if (id === null) continue;
      const list = index.get(id);
      if (list) list.push(i);
      else index.set(id, [i]);
    }
    cache.set(cases, index);
  }
  return index.get(assetId) ?? [];
}
