import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import type { FeatureCollection } from 'geojson';
import { COLLECTION_IDS, type CollectionId } from '../src/layers/registry';
import { CachedFeatureStore } from './featureStore';
import { createOgcApiHandlers } from './ogcApiHandlers';

/** The mock API in Node (Vitest): serves the generated files from a folder on disk. */
export function createFileStore(dataDir: string, ids: readonly CollectionId[] = COLLECTION_IDS): CachedFeatureStore {
  return new CachedFeatureStore(ids, async (id) => (JSON.parse(readFileSync(`${dataDir}/${id}.geojson`, 'utf8')) as FeatureCollection).features);
}

export function createMockApiServer(store: CachedFeatureStore, baseUrl: string) {
  return setupServer(...createOgcApiHandlers(store, baseUrl));
}
