import type { Label } from '../layers/common/labels';
import type { CollectionId } from '../layers/registry';
import type { DataError } from './errors';
import type { FeatureQuery } from './query';
import type { Result } from './result';
import type { LoadedTable } from './decode';

export interface CollectionSummary {
  id: CollectionId;
  title: Label;
  /** Number of features, where the source knows it before loading. */
  count: number | null;
}

export interface LoadProgress {
  loaded: number;
  total: number | null;
  unit: 'bytes' | 'features';
}

export interface LoadOptions extends FeatureQuery {
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
  /** A server's own query parameters that narrow the features (the caller still filters: a static source ignores them). */
  parameters?: Record<string, string>;
}

/** Where features come from: bundled static files or an OGC API - Features server. */
export interface DataSource {
  readonly kind: 'static' | 'ogc-api';
  listCollections(signal?: AbortSignal): Promise<Result<CollectionSummary[], DataError>>;
  getCollection(id: CollectionId, options?: LoadOptions): Promise<Result<LoadedTable, DataError>>;
  /**
   * A collection the page holds, brought up to date where the source can tell what changed since
   * it was read (its `version`): null when nothing did. Sources without it are read whole again.
   */
  getChanges?(id: CollectionId, shown: ShownCollection, options?: LoadOptions): Promise<Result<LoadedTable | null, DataError>>;
}

/** A collection as the page holds it, and the source's marker of the data it was read from. */
export type ShownCollection = LoadedTable;
