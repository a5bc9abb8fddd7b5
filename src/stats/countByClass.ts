/** How many features fall in each class of an enumeration; values outside it are counted under null. */
export function countByClass<V extends string>(features: readonly { properties: Record<string, unknown> }[], field: string, values: readonly V[]): Map<V | null, number> {
  const counts = new Map<V | null, number>(values.map((v) => [v, 0]));
  counts.set(null, 0);
  for (const f of features) {
    const v = f.properties[field] as V;
    counts.set(counts.has(v) ? v : null, (counts.get(counts.has(v) ? v : null) ?? 0) + 1);
  }
  return counts;
}
