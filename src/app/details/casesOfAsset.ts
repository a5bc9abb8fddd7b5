const cache = new WeakMap<readonly unknown[], Map<string, number[]>>();

interface WithAsset {
  properties: { assetId?: string };
}

/** Indices of the cases filed against each asset, built once per loaded case collection. */
export function casesOfAsset(cases: readonly WithAsset[], assetId: string): number[] {
  let index = cache.get(cases);
  if (!index) {
    index = new Map();
    cases.forEach((c, i) => {
      const id = c.properties.assetId;
      if (id === undefined) return;
      const list = index!.get(id);
      if (list) list.push(i);
      else index!.set(id, [i]);
    });
    cache.set(cases, index);
  }
  return index.get(assetId) ?? [];
}
