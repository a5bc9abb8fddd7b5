import type { Feature } from 'geojson';
import type { CollectionId } from '../src/layers/registry';

/** What the mock API serves from: the features of each collection, loaded however the host can. */
export interface FeatureStore {
  ids(): readonly CollectionId[];
  features(id: CollectionId): Promise<Feature[]>;
}

/** A store over a loader, caching each collection once and accepting appended features (the live feed). */
export class CachedFeatureStore implements FeatureStore {
  private readonly cache = new Map<CollectionId, Promise<Feature[]>>();

  constructor(
    private readonly collectionIds: readonly CollectionId[],
    private readonly load: (id: CollectionId) => Promise<Feature[]>,
  ) {}

  ids(): readonly CollectionId[] {
    return this.collectionIds;
  }

  features(id: CollectionId): Promise<Feature[]> {
    let pending = this.cache.get(id);
    if (!pending) {
      pending = this.load(id);
      this.cache.set(id, pending);
    }
    return pending;
  }

  async append(id: CollectionId, feature: Feature): Promise<void> {
    (await this.features(id)).push(feature);
  }
}
