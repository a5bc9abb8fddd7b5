import { concatTables } from '../../data/columnar/concatTables';
import { shareTable } from '../../data/columnar/shareTable';
import type { FeatureTable } from '../../data/columnar/featureTable';
import { featuresOf } from '../../data/columnar/readTable';
import type { CheckedImport } from '../../import/checkRecords';
import { reassignTownCodes } from '../../import/regions';
import { DOMAIN_LAYER_IDS, DOMAIN_LAYERS, type CollectionId } from '../../layers/registry';
import { buildTownIndex } from '../../stats/towns/townIndex';
import { selectTable, useAppStore, type CollectionState } from '../../state/store';

export type ImportMode = 'replace' | 'append';

const LAYER_COLLECTIONS: readonly CollectionId[] = [...new Set(DOMAIN_LAYER_IDS.flatMap((l) => [DOMAIN_LAYERS[l].features, DOMAIN_LAYERS[l].cases]))];

/**
 * Puts a checked import on screen in one store update. New regions replace the towns and every
 * loaded feature is placed in them again, so the map's town filter, the statistics, the charts
 * and the exports all read the new regions; the town filter is cleared, as its town is gone.
 */
export function applyImport(outcome: CheckedImport, mode: ImportMode, fileName: string): void {
  const state = useAppStore.getState();
  const loadedAt = Date.now();
  const loaded = (table: FeatureTable): CollectionState => ({ status: 'loaded', table, rejected: [], loadedAt, importedFrom: fileName });
  if (outcome.target === 'regions') {
    const towns = featuresOf<'towns'>(outcome.table);
    const index = buildTownIndex(towns.map((t) => ({ code: t.properties.code, geometry: t.geometry })));
    const collections = { ...state.collections, towns: loaded(outcome.table) };
    for (const id of LAYER_COLLECTIONS) {
      const c = collections[id];
      if (c?.status === 'loaded') collections[id] = { ...c, table: reassignTownCodes(c.table, index) };
    }
    useAppStore.setState({ collections, importedRegions: index, filters: { ...state.filters, town: null }, selected: null });
    return;
  }
  const id = outcome.target;
  let table: FeatureTable = { ...outcome.table, collection: id };
  if (state.importedRegions) table = reassignTownCodes(table, state.importedRegions);
  if (mode === 'append') table = shareTable(concatTables(selectTable(state, id), table));
  state.setCollection(id, loaded(table));
  if (state.selected && DOMAIN_LAYERS[state.selected.layer].features === id) state.select(null);
}

/** Places freshly loaded features in the imported regions, if there are any (a live refresh after an import). */
export function placeInImportedRegions(table: FeatureTable): FeatureTable {
  const index = useAppStore.getState().importedRegions;
  return index ? reassignTownCodes(table, index) : table;
}
