import { useEffect, useState } from 'react';
import { servedFeature } from '../../data/servedLookups';
import type { TypedFeature } from '../../data/validate';
import { DOMAIN_LAYERS, type CollectionId } from '../../layers/registry';
import { selectLayerColumns } from '../../map/columns/columnsCache';
import { selectFeatures, useAppStore, type FeatureRef } from '../../state/store';
import { useStatsServer } from '../stats/statsServer';

/**
 * The selected feature: from its loaded collection, or asked of the server by id when the server
 * keeps the collection (source=server). undefined while it is on its way or when there is none.
 */
export function useSelectedFeature(selected: FeatureRef | null): TypedFeature<CollectionId> | undefined {
  const collection = selected ? DOMAIN_LAYERS[selected.layer].features : null;
  const held = useAppStore((s) => {
    if (!selected || !collection) return undefined;
    const index = selectLayerColumns(s, selected.layer)?.indexOf(selected.id) ?? -1;
    return index >= 0 ? selectFeatures(s, collection)[index] : undefined;
  });
  const served = useAppStore((s) => (collection ? s.collections[collection]?.status === 'served' : false));
  const ogcApiUrl = useStatsServer((s) => s.ogcApiUrl);
  const [fetched, setFetched] = useState<{ key: string; feature: TypedFeature<CollectionId> | null } | null>(null);
  const key = selected && collection ? `${collection}/${selected.id}` : null;

  useEffect(() => {
    if (!served || !ogcApiUrl || !selected || !collection || !key) return;
    const controller = new AbortController();
    void servedFeature(ogcApiUrl, collection, selected.id, controller.signal).then((res) => {
      if (!controller.signal.aborted) setFetched({ key, feature: res.ok ? res.value : null });
    });
    return () => controller.abort();
  }, [served, ogcApiUrl, selected, collection, key]);

  if (held) return held;
  return served && fetched?.key === key ? (fetched.feature ?? undefined) : undefined;
}
