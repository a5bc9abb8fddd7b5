import { servedCasesOf, servedFeature } from '../../data/servedLookups';
import type { TypedFeature } from '../../data/validate';
import { DOMAIN_LAYERS, type CollectionId } from '../../layers/registry';
import { selectLayerColumns } from '../../map/columns/columnsCache';
import { selectTable, useAppStore, type FeatureRef } from '../../state/store';
import { featureAt } from '../../data/columnar/readTable';
import { useMemo } from 'react';
import { useServerApi } from '../stats/serverApi';
import { useKeyedAnswer } from '../useKeyedAnswer';
import { casesOfAsset } from './casesOfAsset';

/** Cases listed for an asset at most (the panel shows the latest few and counts them all). */
const MAX_ASSET_CASES = 1000;

const useServed = (collection: CollectionId | null) => useAppStore((s) => (collection ? s.collections[collection]?.status === 'served' : false));

/**
 * The selected feature: from its loaded collection, or asked of the server by id when the server
 * keeps the collection (source=server). undefined while it is on its way or when there is none.
 */
export function useSelectedFeature(selected: FeatureRef | null): TypedFeature<CollectionId> | undefined {
  const collection = selected ? DOMAIN_LAYERS[selected.layer].features : null;
  const table = useAppStore((s) => (collection ? selectTable(s, collection) : null));
  const index = useAppStore((s) => (selected ? (selectLayerColumns(s, selected.layer)?.indexOf(selected.id) ?? -1) : -1));
  // Rebuilt from the columns for the one feature shown.
  const held = useMemo(() => (table && index >= 0 && index < table.length ? featureAt<CollectionId>(table, index) : undefined), [table, index]);
  const ogcApiUrl = useServerApi((s) => s.ogcApiUrl);
  const served = useServed(collection);
  const fetched = useKeyedAnswer(served && ogcApiUrl && selected && collection ? `${collection}/${selected.id}` : null, (signal) =>
    servedFeature(ogcApiUrl!, collection!, selected!.id, signal).then((res) => (res.ok ? res.value : null)),
  );
  return held ?? fetched ?? undefined;
}

/**
 * The cases filed against the selected asset (null for a layer whose features are its cases):
 * from the loaded cases, or asked of the server when it keeps them. undefined while on their way,
 * 'failed' when the server could not say.
 */
export function useAssetCases(selected: FeatureRef | null): Record<string, unknown>[] | null | undefined | 'failed' {
  const layer = selected ? DOMAIN_LAYERS[selected.layer] : null;
  const collection = layer && layer.cases !== layer.features ? layer.cases : null;
  const cases = useAppStore((s) => (collection ? selectTable(s, collection) : null));
  const ogcApiUrl = useServerApi((s) => s.ogcApiUrl);
  const served = useServed(collection);
  const fetched = useKeyedAnswer(served && ogcApiUrl && selected && collection ? `${collection}?asset=${selected.id}` : null, (signal) =>
    servedCasesOf(ogcApiUrl!, collection!, selected!.id, MAX_ASSET_CASES, signal).then((res) => (res.ok ? res.value.map((f) => f.properties as Record<string, unknown>) : ('failed' as const))),
  );
  if (!selected || !collection || !cases) return null;
  if (served) return fetched;
  return casesOfAsset(cases, selected.id).map((i) => featureAt(cases, i).properties as Record<string, unknown>);
}
