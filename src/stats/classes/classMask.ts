/** Per attribute, the values kept; an attribute left out keeps every value (the store's ClassFilter). */
export type ClassSelection = Readonly<Partial<Record<string, readonly string[]>>>;

/** Features' class attributes as codes (index into the attribute's values; 255 for a value not listed). */
export interface AttributeTable {
  size: number;
  fields: Readonly<Record<string, { values: readonly string[]; codes: Uint8Array }>>;
}

export function attributeTable(properties: readonly Record<string, unknown>[], fields: Readonly<Record<string, readonly string[]>>): AttributeTable {
  const out: Record<string, { values: readonly string[]; codes: Uint8Array }> = {};
  for (const [field, values] of Object.entries(fields)) {
    const index = new Map(values.map((v, i) => [v, i]));
    out[field] = { values, codes: Uint8Array.from(properties, (p) => index.get(String(p[field])) ?? 255) };
  }
  return { size: properties.length, fields: out };
}

/** 1 for each feature every restricted attribute keeps; null when nothing is restricted (all kept). */
export function classMask(table: AttributeTable, selection: ClassSelection | undefined): Uint8Array | null {
  const restricted = Object.entries(selection ?? {}).filter(([field, kept]) => kept && table.fields[field]);
  if (restricted.length === 0) return null;
  const mask = new Uint8Array(table.size).fill(1);
  for (const [field, kept] of restricted) {
    const { values, codes } = table.fields[field];
    const keep = new Uint8Array(256);
    values.forEach((v, i) => (keep[i] = kept!.includes(v) ? 1 : 0));
    for (let i = 0; i < mask.length; i++) if (keep[codes[i]] === 0) mask[i] = 0;
  }
  return mask;
}

/** The cases filed against kept assets: caseAsset[i] is the asset row of case i (-1 for an unknown asset, never kept). */
export function casesOfAssets(caseAsset: Int32Array, assetMask: Uint8Array): Uint8Array {
  return Uint8Array.from(caseAsset, (a) => (a >= 0 ? assetMask[a] : 0));
}

/** Both masks at once; null stands for "all kept". */
export function andMasks(a: Uint8Array | null, b: Uint8Array | null): Uint8Array | null {
  if (!a) return b;
  if (!b) return a;
  return a.map((v, i) => v & b[i]);
}

/** Sum of `weight` per slot over the kept rows (all rows when mask is null). */
export function slotTotals(slot: Int16Array, weight: ArrayLike<number> | null, mask: Uint8Array | null, slots: number): Float64Array {
  const out = new Float64Array(slots);
  for (let i = 0; i < slot.length; i++) if (!mask || mask[i] === 1) out[slot[i]] += weight ? weight[i] : 1;
  return out;
}
