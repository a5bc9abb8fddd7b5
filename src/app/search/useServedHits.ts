import { useEffect, useState } from 'react';
import { SERVED_LAYERS } from '../../data/servedAssets';
import { servedIdsStartingWith } from '../../data/servedLookups';
import { DOMAIN_LAYERS } from '../../layers/registry';
import { useAppStore } from '../../state/store';
import { useStatsServer } from '../stats/statsServer';
import type { SearchHit } from './searchIndex';

/** What the server's `prefix` parameter accepts (server/mapserver/collections.map). */
const ID_PREFIX = /^[A-Za-z0-9_.:+-]+$/;
/** Typing pauses this long before the server is asked. */
const PAUSE_MS = 200;

/**
 * Features of the layers the server keeps (source=server) whose id starts with the query, asked
 * of the server: the page holds none of them. Each hit carries where it is, for the map to frame.
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
      void Promise.all(layers.map((layer) => servedIdsStartingWith(ogcApiUrl, DOMAIN_LAYERS[layer].features, prefix, limit, controller.signal).then((res) => ({ layer, res })))).then((answers) => {
        if (controller.signal.aborted) return;
        const found = answers.flatMap(({ layer, res }) =>
          res.ok ? res.value.map((f): SearchHit => ({ kind: 'feature', layer, id: String(f.id), at: f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : undefined })) : [],
        );
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
