import { useEffect, useState } from 'react';
import { SERVED_LAYERS, type ServedLayerId } from '../../data/servedAssets';
import { servedIdsStartingWith } from '../../data/servedLookups';
import type { TypedFeature } from '../../data/validate';
import { DOMAIN_LAYERS, type CollectionId } from '../../layers/registry';
import { useAppStore } from '../../state/store';
import { useStatsServer } from '../stats/statsServer';
import type { SearchHit } from './searchIndex';

/** What the server's `prefix` parameter accepts (server/mapserver/collections.map). */
const ID_PREFIX = /^[A-Za-z0-9_.:+-]+$/;
/** Typing pauses this long before the server is asked. */
const PAUSE_MS = 200;

/** A served asset, or a case filed against one (the hit opens its asset). */
function hitOf(layer: ServedLayerId, f: TypedFeature<CollectionId>): SearchHit {
  const at = f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : undefined;
  const assetId = (f.properties as { assetId?: string }).assetId;
  return assetId ? { kind: 'feature', layer, id: assetId, caseId: String(f.id), at } : { kind: 'feature', layer, id: String(f.id), at };
}
const keyOf = (hit: SearchHit) => (hit.kind === 'feature' ? (hit.caseId ?? hit.id) : hit.name);

/**
 * Features of the layers the server keeps (source=server) whose id starts with the query, asked
 * of the server, and cases whose id does (a hit on its asset): the page holds none of them. Each hit
 * carries where it is, for the map to frame.
 */
export function useServedHits(query: string, limit: number): SearchHit[] {
  const ogcApiUrl = useStatsServer((s) => s.ogcApiUrl);
  const served = useAppStore((s) => SERVED_LAYERS.filter((l) => s.collections[DOMAIN_LAYERS[l].features]?.status === 'served').join());
  const [hits, setHits] = useState<{ query: string; hits: SearchHit[] }>({ query: '', hits: [] });
  const prefix = query.trim().toUpperCase();

  useEffect(() => {
    if (!ogcApiUrl || !served || !ID_PREFIX.test(prefix)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const layers = SERVED_LAYERS.filter((l) => served.split(',').includes(l));
      const ask = (layer: ServedLayerId, collection: CollectionId) =>
        servedIdsStartingWith(ogcApiUrl, collection, prefix, limit, controller.signal).then((res) => (res.ok ? res.value.map((f) => hitOf(layer, f)) : []));
      void Promise.all(layers.flatMap((layer) => [ask(layer, DOMAIN_LAYERS[layer].features), ask(layer, DOMAIN_LAYERS[layer].cases)])).then((answers) => {
        if (controller.signal.aborted) return;
        const found = answers.flat().sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
        setHits({ query: prefix, hits: found.slice(0, limit) });
      });
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [ogcApiUrl, served, prefix, limit]);

  return hits.query === prefix && ID_PREFIX.test(prefix) ? hits.hits : [];
}
