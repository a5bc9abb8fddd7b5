import type { TypedFeature } from '../../data/validate';
import type { ImportOutcome } from '../../import/checkRecords';
import { reassignTownCodes } from '../../import/regions';
import { DOMAIN_LAYER_IDS, DOMAIN_LAYERS, type CollectionId } from '../../layers/registry';
import { buildTownIndex } from '../../stats/towns/townIndex';
import { selectFeatures, useAppStore, type CollectionState } from '../../state/store';

export type ImportMode = 'replace' | 'append';

const LAYER_COLLECTIONS: readonly CollectionId[] = [...new Set(DOMAIN_LAYER_IDS.flatMap((l) => [DOMAIN_LAYERS[l].features, DOMAIN_LAYERS[l].cases]))];

/**
 * Puts a checked import on screen in one store update. New regions replace the towns and every
 * loaded feature is placed in them again, so the map's town filter, the statistics, the charts
 * and the exports all read the new regions; the town filter is cleared, as its town is gone.
 */
export function applyImport(outcome: ImportOutcome, mode: ImportMode, fileName: string): void {
  const state = useAppStore.getState();
  const loadedAt = Date.now();
  const loaded = (features: TypedFeature<CollectionId>[]): CollectionState => ({ status: 'loaded', features, rejected: [], loadedAt, importedFrom: fileName });
  if (outcome.target === 'regions') {
    const towns = outcome.features as TypedFeature<'towns'>[];
    const index = buildTownIndex(towns.map((t) => ({ code: t.properties.code, geometry: t.geometry })));
    const collections = { ...state.collections, towns: loaded(towns) };
    for (const id of LAYER_COLLECTIONS) {
      const c = collections[id];
      if (c?.status === 'loaded') collections[id] = { ...c, features: reassignTownCodes(c.features, index) };
    }
    useAppStore.setState({ collections, importedRegions: index, filters: { ...state.filters, town: null }, selected: null });
    return;
  }
  const id = outcome.target;
  let features = outcome.features as TypedFeature<CollectionId>[];
  if (state.importedRegions) features = reassignTownCodes(features, state.importedRegions);
  if (mode === 'append') features = [...selectFeatures(state, id), ...features];
  state.setCollection(id, loaded(features));
  if (state.selected && DOMAIN_LAYERS[state.selected.layer].features === id) state.select(null);
}

/** Places freshly loaded features in the imported regions, if there are any (a live refresh after an import). */
export function placeInImportedRegions<F extends TypedFeature<CollectionId>>(features: F[]): F[] {
  const index = useAppStore.getState().importedRegions;
  return index ? reassignTownCodes(features, index) : features;
}
