import { bbox } from '@turf/bbox';
import type { Geometry } from 'geojson';
import { useShallow } from 'zustand/react/shallow';
import { SERVED_LAYERS, servedCollectionsOf, type ServedLayerId } from '../../data/servedLayers';
import { servedIdsStartingWith } from '../../data/servedLookups';
import type { TypedFeature } from '../../data/validate';
import { DOMAIN_LAYERS, type CollectionId } from '../../layers/registry';
import { useAppStore } from '../../state/store';
import { useServerApi } from '../stats/serverApi';
import { useKeyedAnswer } from '../useKeyedAnswer';
import type { SearchHit } from './searchIndex';

/** What the server's `prefix` parameter accepts (server/mapserver/collections.map). */
const ID_PREFIX = /^[A-Za-z0-9_.:+-]+$/;
/** Typing pauses this long before the server is asked. */
const PAUSE_MS = 200;
const NO_HITS: SearchHit[] = [];

/** Where the map frames a hit: a point itself, a patch's middle. */
function anchorOf(geometry: Geometry | null): [number, number] | undefined {
  if (!geometry) return undefined;
  if (geometry.type === 'Point') return geometry.coordinates as [number, number];
  const [w, s, e, n] = bbox(geometry);
  return Number.isFinite(w) ? [(w + e) / 2, (s + n) / 2] : undefined;
}

/** A served feature (an asset, a patch, a railway issue), or a case filed against an asset (the hit opens its asset). */
function hitOf(layer: ServedLayerId, f: TypedFeature<CollectionId>): SearchHit {
  const at = anchorOf(f.geometry);
  const assetId = (f.properties as { assetId?: string }).assetId;
  return assetId ? { kind: 'feature', layer, id: assetId, caseId: String(f.id), at } : { kind: 'feature', layer, id: String(f.id), at };
}
const keyOf = (hit: SearchHit) => (hit.kind === 'feature' ? (hit.caseId ?? hit.id) : hit.name);

/** Resolves after `ms`, or never when the question is dropped first. */
const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => clearTimeout(timer));
  });

/**
 * Features of the layers the server keeps (source=server) whose id starts with the query, asked
 * of the server, and cases whose id does (a hit on its asset): the page holds none of them. Each hit
 * carries where it is, for the map to frame.
 */
export function useServedHits(query: string, limit: number): SearchHit[] {
  const ogcApiUrl = useServerApi((s) => s.ogcApiUrl);
  const layers = useAppStore(useShallow((s) => SERVED_LAYERS.filter((l) => s.collections[DOMAIN_LAYERS[l].features]?.status === 'served')));
  const prefix = query.trim().toUpperCase();
  const asked = ogcApiUrl && layers.length > 0 && ID_PREFIX.test(prefix) ? `${layers.join()} ${limit} ${prefix}` : null;
  const hits = useKeyedAnswer(asked, async (signal) => {
    await pause(PAUSE_MS, signal);
    const ask = (layer: ServedLayerId, collection: CollectionId) =>
      servedIdsStartingWith(ogcApiUrl!, collection, prefix, limit, signal).then((res) => (res.ok ? res.value.map((f) => hitOf(layer, f)) : []));
    const answers = await Promise.all(layers.flatMap((layer) => servedCollectionsOf(layer).map((collection) => ask(layer, collection))));
    return answers
      .flat()
      .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1))
      .slice(0, limit);
  });
  return hits ?? NO_HITS;
}
