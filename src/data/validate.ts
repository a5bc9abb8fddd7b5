import { z } from 'zod';
import { geometrySchemas } from '../layers/common/geometry';
import { COLLECTIONS, type CollectionFeature, type CollectionId } from '../layers/registry';
import { dataError, type DataError, type FeatureIssue } from './errors';
import { err, ok, type Result } from './result';

export type TypedFeature<C extends CollectionId> = CollectionFeature<C>;

export interface ValidatedFeatures<C extends CollectionId> {
  features: TypedFeature<C>[];
  /** Features refused at the boundary, each with the reason; never dropped silently. */
  rejected: FeatureIssue[];
}

const featureSchemas = new Map<CollectionId, z.ZodType>();

function featureSchema(id: CollectionId): z.ZodType {
  let schema = featureSchemas.get(id);
  if (!schema) {
    const def = COLLECTIONS[id];
    schema = z.object({
      type: z.literal('Feature'),
      id: z.union([z.string(), z.number()]).optional(),
      geometry: geometrySchemas[def.geometry],
      properties: def.properties,
    });
    featureSchemas.set(id, schema);
  }
  return schema;
}

function featureIdOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const f = raw as { id?: unknown; properties?: { id?: unknown } };
  const id = f.id ?? f.properties?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/** Checks a parsed payload against a collection's schema: the whole payload first, then each feature. */
export function validateFeatureCollection<C extends CollectionId>(id: C, payload: unknown): Result<ValidatedFeatures<C>, DataError> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return err(dataError('payload', id, `${id}: expected a GeoJSON FeatureCollection, got ${Array.isArray(payload) ? 'an array' : typeof payload}`));
  }
  const fc = payload as { type?: unknown; features?: unknown };
  if (fc.type !== 'FeatureCollection') {
    return err(dataError('payload', id, `${id}: expected "type": "FeatureCollection", got ${JSON.stringify(fc.type ?? null)}`));
  }
  if (!Array.isArray(fc.features)) {
    return err(dataError('payload', id, `${id}: "features" is missing or not an array`));
  }
  const schema = featureSchema(id);
  const features: TypedFeature<C>[] = [];
  const rejected: FeatureIssue[] = [];
  fc.features.forEach((raw: unknown, index: number) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) {
      features.push(parsed.data as TypedFeature<C>);
      return;
    }
    const issue = parsed.error.issues[0];
    rejected.push({
      collection: id,
      index,
      featureId: featureIdOf(raw),
      field: issue.path.length ? issue.path.join('.') : '(feature)',
      message: issue.message,
    });
  });
  return ok({ features, rejected });
}
