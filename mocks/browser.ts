import { setupWorker } from 'msw/browser';
import type { Feature, FeatureCollection } from 'geojson';
import { COLLECTION_IDS, type CollectionId } from '../src/layers/registry';
import { CachedFeatureStore } from './featureStore';
import { FaultSwitch, type ApiFault } from './faults';
import { startLiveFeed } from './liveFeed';
import { createOgcApiHandlers } from './ogcApiHandlers';

/** The mock server's controls, on the page in mock-API builds only (dev, and the wall's fault tests). */
export interface MockApiControls {
  setFault(fault: ApiFault | null, options?: { collections?: string[]; slowMs?: number }): void;
  stopFeed(): void;
  /** Adds a feature to a collection, as if the server had just received it. */
  append(collection: CollectionId, feature: Feature): Promise<void>;
}

declare global {
  interface Window {
    __mockApi?: MockApiControls;
  }
}

/** Dev API mode: the mock server reads the bundled files and serves them as OGC API - Features, with new cases arriving. */
export async function startMockApi(dataUrl: string, apiUrl: string, liveFeedMs: number): Promise<void> {
  const store = new CachedFeatureStore(COLLECTION_IDS, async (id) => {
    const response = await fetch(`${dataUrl}/${id}.geojson`);
    return ((await response.json()) as FeatureCollection).features;
  });
  const faults = new FaultSwitch();
  const worker = setupWorker(...createOgcApiHandlers(store, apiUrl, faults));
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  const stopFeed = liveFeedMs > 0 ? startLiveFeed(store, liveFeedMs) : () => {};
  window.__mockApi = {
    setFault: (fault, options) => faults.set(fault, options),
    stopFeed,
    append: (collection, feature) => store.append(collection, feature),
  };
}
