import { z } from 'zod';
import { COLLECTIONS, type CollectionId } from '../layers/registry';

/**
 * Servers that publish table rows (MapServer's OGC API among them) cannot write JSON null or
 * arrays: an empty stage time arrives as "" and a town's seat as the text "[117.53,36.72]".
 * These are put back, by the collection's own schema, before validation: "" becomes null where
 * the field may be null, and JSON array text becomes the array where the field is one.
 */
interface FlatFields {
  nullable: Set<string>;
  /** Fields a feature may leave out (the assessment's, which older files lack): "" leaves them out, as the file does. */
  optional: Set<string>;
  arrays: Set<string>;
}

const cache = new Map<CollectionId, FlatFields>();

function flatFieldsOf(id: CollectionId): FlatFields {
  let fields = cache.get(id);
  if (fields) return fields;
  const shape = (COLLECTIONS[id].properties as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
  fields = { nullable: new Set(), optional: new Set(), arrays: new Set() };
  for (const [key, schema] of Object.entries(shape)) {
    if (schema.safeParse(undefined).success && !schema.safeParse('').success) fields.optional.add(key);
    else if (schema.safeParse(null).success && !schema.safeParse('').success) fields.nullable.add(key);
    // Under optional and nullable (a case's failed checks, which older files lack).
    let def = (schema as { def?: { type?: string; innerType?: unknown } }).def;
    while ((def?.type === 'optional' || def?.type === 'nullable') && def.innerType) def = (def.innerType as { def?: typeof def }).def;
    if (def?.type === 'tuple' || def?.type === 'array') fields.arrays.add(key);
  }
  cache.set(id, fields);
  return fields;
}

/** A feature's properties with the flattened values restored; other values are left as they are. */
export function restoreFlatProperties(id: CollectionId, properties: unknown): unknown {
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return properties;
  const { nullable, optional, arrays } = flatFieldsOf(id);
  // An optional field written empty (or an empty list: no failed check) is left out, as the file leaves it out.
  const given = properties as Record<string, unknown>;
  const empty = (key: string) => given[key] === '' || (Array.isArray(given[key]) && given[key].length === 0);
  const out: Record<string, unknown> = [...optional].some(empty) ? Object.fromEntries(Object.entries(given).filter(([key]) => !(optional.has(key) && empty(key)))) : { ...given };
  for (const key of nullable) if (out[key] === '') out[key] = null;
  for (const key of arrays) {
    const value = out[key];
    if (typeof value === 'string' && value.startsWith('[')) {
      try {
        out[key] = JSON.parse(value) as unknown;
      } catch {
        // Left as text: validation then names the field.
      }
    }
  }
  return out;
}
