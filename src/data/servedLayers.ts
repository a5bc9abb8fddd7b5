import { DOMAIN_LAYERS, timeFieldOf, type CollectionId, type DomainLayerId } from '../layers/registry';
import type { Filters } from '../state/filters';
import { classesParameter } from '../stats/serverTownStats';

/**
 * The large layers the server stack keeps to itself (source=server): the map draws them from its
 * vector tiles, and the page holds only counts. Two kinds:
 * - assets with cases filed against them (poles, covers): their counts per town and class are timeless;
 * - cases that are the features (patches, railway issues): their counts follow the time range.
 */
export const SERVED_ASSET_LAYERS = ['streetLamps', 'manholes'] as const satisfies readonly DomainLayerId[];
export const SERVED_CASE_LAYERS = ['patches', 'railway'] as const satisfies readonly DomainLayerId[];
export type ServedAssetLayerId = (typeof SERVED_ASSET_LAYERS)[number];
export type ServedCaseLayerId = (typeof SERVED_CASE_LAYERS)[number];
export type ServedLayerId = ServedAssetLayerId | ServedCaseLayerId;
export const SERVED_LAYERS: readonly ServedLayerId[] = [...SERVED_ASSET_LAYERS, ...SERVED_CASE_LAYERS];

export const isServedLayer = (layer: DomainLayerId): layer is ServedLayerId => (SERVED_LAYERS as readonly DomainLayerId[]).includes(layer);
export const isServedAssetLayer = (layer: DomainLayerId): layer is ServedAssetLayerId => (SERVED_ASSET_LAYERS as readonly DomainLayerId[]).includes(layer);
export const isServedCaseLayer = (layer: DomainLayerId): layer is ServedCaseLayerId => (SERVED_CASE_LAYERS as readonly DomainLayerId[]).includes(layer);

/** Their features and their cases, each once: the page reads none of them whole. */
export const SERVED_COLLECTIONS: readonly CollectionId[] = [...new Set(SERVED_LAYERS.flatMap((l) => [DOMAIN_LAYERS[l].features, DOMAIN_LAYERS[l].cases]))];

/** The collections a served layer is searched in: its features, and its cases where they are others. */
export const servedCollectionsOf = (layer: ServedLayerId): readonly CollectionId[] => [...new Set([DOMAIN_LAYERS[layer].features, DOMAIN_LAYERS[layer].cases])];

/**
 * What a read of a served layer's features is narrowed by on the server (an export's read): the
 * town, the classes (the same attributes as the map's filters) and, for a case layer, the time range.
 */
export function servedReadParameters(layer: ServedLayerId, filters: Filters): Record<string, string> {
  const classes = classesParameter({ [layer]: filters.classes[layer] });
  const { from, to } = filters.time;
  return {
    ...(filters.town ? { town: filters.town } : {}),
    ...(classes ? { classes } : {}),
    ...(timeFieldOf(DOMAIN_LAYERS[layer].features) ? { from: new Date(from).toISOString(), to: new Date(to).toISOString() } : {}),
  };
}
