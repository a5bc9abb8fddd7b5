import type { Feature } from 'geojson';
import type { z } from 'zod';
import type { GeometryOfKind } from './common/geometry';
import { baseCollections } from './base';
import type { DomainLayerDefinition } from './common/definition';
import { manholeCollections, manholesLayer } from './manholes';
import { patchCollections, patchesLayer } from './patches';
import { railwayCollections, railwayLayer } from './railway';
import { streetLampCollections, streetLampsLayer } from './streetLamps';

/** Every collection the app knows, by the id used in file names and API paths. */
export const COLLECTIONS = {
  ...baseCollections,
  ...streetLampCollections,
  ...manholeCollections,
  ...patchCollections,
  ...railwayCollections,
};
export type CollectionId = keyof typeof COLLECTIONS;
export const COLLECTION_IDS = Object.keys(COLLECTIONS) as CollectionId[];

export type CollectionProperties<C extends CollectionId> = z.infer<(typeof COLLECTIONS)[C]['properties']>;
export type CollectionGeometry<C extends CollectionId> = GeometryOfKind[(typeof COLLECTIONS)[C]['geometry']];
/** A validated feature of a collection: its geometry kind and properties are known. */
export type CollectionFeature<C extends CollectionId> = Feature<CollectionGeometry<C>, CollectionProperties<C>> & { id: string | number };

export type DomainLayerId = 'streetLamps' | 'manholes' | 'patches' | 'railway';

/** The four domain layers; the Record type makes the compiler insist each one is covered. */
export const DOMAIN_LAYERS: Record<DomainLayerId, DomainLayerDefinition<CollectionId>> = {
  streetLamps: streetLampsLayer,
  manholes: manholesLayer,
  patches: patchesLayer,
  railway: railwayLayer,
};
export const DOMAIN_LAYER_IDS = Object.keys(DOMAIN_LAYERS) as DomainLayerId[];

/** The property that places a collection's features in time, or undefined for timeless collections. */
export function timeFieldOf(id: CollectionId): string | undefined {
  const def = COLLECTIONS[id];
  return 'timeField' in def ? def.timeField : undefined;
}

export function isCollectionId(value: string): value is CollectionId {
  return Object.prototype.hasOwnProperty.call(COLLECTIONS, value);
}
