import { COLLECTIONS, isCollectionId, type CollectionId } from '../layers/registry';
import { dataError } from './errors';
import { fetchJson } from './http';
import { matchesQuery } from './query';
import { err, ok } from './result';
import type { CollectionSummary, DataSource, LoadOptions } from './source';
import { validateFeatureCollection } from './validate';

export interface StaticSourceOptions {
  /** Folder holding manifest.json and one {collection}.geojson per collection, e.g. `/data`. */
  baseUrl: string;
  timeoutMs?: number;
}

interface Manifest {
  collections: { id: string; file: string; count: number }[];
}

/** The default source: the bundled GeoJSON files, works offline on any static host. */
export function createStaticSource({ baseUrl, timeoutMs = 120_000 }: StaticSourceOptions): DataSource {
  const root = baseUrl.replace(/\/$/, '');
  return {
    kind: 'static',
    async listCollections(signal) {
      const manifest = await fetchJson(`${root}/manifest.json`, 'manifest', { signal, timeoutMs });
      if (!manifest.ok) return manifest;
      const list = (manifest.value as Partial<Manifest>).collections;
      if (!Array.isArray(list)) return err(dataError('payload', 'manifest', 'manifest: "collections" is missing or not an array'));
      return ok(
        list
          .filter((c): c is Manifest['collections'][number] & { id: CollectionId } => typeof c?.id === 'string' && isCollectionId(c.id))
          .map((c): CollectionSummary => ({ id: c.id, title: COLLECTIONS[c.id].title, count: typeof c.count === 'number' ? c.count : null })),
      );
    },
    async getCollection<C extends CollectionId>(id: C, options: LoadOptions = {}) {
      const payload = await fetchJson(`${root}/${id}.geojson`, id, { signal: options.signal, timeoutMs, onBytes: options.onProgress });
      if (!payload.ok) return payload;
      const validated = validateFeatureCollection(id, payload.value);
      if (!validated.ok || (!options.bbox && !options.datetime)) return validated;
      const timeField = 'timeField' in COLLECTIONS[id] ? (COLLECTIONS[id] as { timeField: string }).timeField : undefined;
      return ok({ ...validated.value, features: validated.value.features.filter((f) => matchesQuery(f, options, timeField)) });
    },
  };
}
