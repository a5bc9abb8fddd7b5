import { setupWorker } from 'msw/browser';
import type { FeatureCollection } from 'geojson';
import { COLLECTION_IDS } from '../src/layers/registry';
import { CachedFeatureStore } from './featureStore';
import { startLiveFeed } from './liveFeed';
import { createOgcApiHandlers } from './ogcApiHandlers';

/** Dev API mode: the mock server reads the bundled files and serves them as OGC API - Features, with new cases arriving. */
export async function startMockApi(dataUrl: string, apiUrl: string, liveFeedMs: number): Promise<void> {
  const store = new CachedFeatureStore(COLLECTION_IDS, async (id) => {
    const response = await fetch(`${dataUrl}/${id}.geojson`);
    return ((await response.json()) as FeatureCollection).features;
  });
  const worker = setupWorker(...createOgcApiHandlers(store, apiUrl));
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  if (liveFeedMs > 0) startLiveFeed(store, liveFeedMs);
}
