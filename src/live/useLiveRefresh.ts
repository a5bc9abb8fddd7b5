import { useEffect } from 'react';
import { placeInImportedRegions } from '../app/import/applyImport';
import type { AppConfig } from '../config';
import { readCollectionVersions, refreshWhenChanged } from '../data/collectionVersions';
import { keepDrawnGeometry } from '../data/columnar/keepGeometry';
import { createDataSource } from '../data/createSource';
import { refreshServed, refreshServedCases } from '../data/servedAssets';
import { isServedAssetLayer, isServedCaseLayer, type ServedAssetLayerId, type ServedCaseLayerId } from '../data/servedLayers';
import { DOMAIN_LAYER_IDS, DOMAIN_LAYERS, type DomainLayerId } from '../layers/registry';
import { selectTable, useAppStore, type CollectionState } from '../state/store';
import { setSourceHealth } from './healthStore';
import { refreshCollection } from './refreshCollection';
import { startRefreshLoop } from './refreshLoop';

export interface LiveRefreshOptions {
  intervalMs: number;
  timeoutMs?: number;
  retryMaxMs: number;
}

type Settled = Extract<CollectionState, { status: 'loaded' | 'error' | 'served' }>;
const settled = (c: CollectionState | undefined): c is Settled => c?.status === 'loaded' || c?.status === 'error' || c?.status === 'served';

/**
 * Keeps each domain layer's cases current: one refresh loop per layer, each with its own health,
 * started once the layer's first load has settled (loaded, or failed: then it starts by retrying).
 * Assets (poles, covers) are read once; cases are what change.
 */
export function useLiveRefresh(config: AppConfig, options: LiveRefreshOptions | null): void {
  const intervalMs = options?.intervalMs;
  const timeoutMs = options?.timeoutMs;
  const retryMaxMs = options?.retryMaxMs;
  useEffect(() => {
    if (intervalMs === undefined || retryMaxMs === undefined) return;
    const source = createDataSource(config, timeoutMs);
    // With the server stack, the layers it keeps are refreshed by their counts, not read again.
    const ogcApiUrl = `${config.serverUrl}/ogcapi`;
    const stops = new Map<DomainLayerId, () => void>();
    const startLoop = (layer: DomainLayerId, first: Settled) => {
      const id = DOMAIN_LAYERS[layer].cases;
      const servedAssets = config.source === 'server' && isServedAssetLayer(layer) ? layer : null;
      const servedCases = config.source === 'server' && isServedCaseLayer(layer) ? layer : null;
      const stop = startRefreshLoop({
        intervalMs,
        retry: { initialMs: Math.min(5_000, intervalMs), maxMs: Math.max(retryMaxMs, intervalMs) },
        loadedAt: first.status === 'error' ? null : first.loadedAt,
        initialFailure: first.status === 'error' ? first.error.message : null,
        onHealth: (health) => setSourceHealth(layer, health),
        refresh: (signal) => {
          const shown = useAppStore.getState().collections[id];
          if (servedAssets) return refreshServedLayer(ogcApiUrl, servedAssets, signal);
          if (servedCases) return refreshServedCaseLayer(ogcApiUrl, servedCases, signal);
          // The user's own file is on screen: the source's version must not replace it.
          if (shown?.status === 'loaded' && shown.importedFrom) return Promise.resolve(null);
          const reread = async (version?: string) => {
            const failure = await refreshCollection(
              source,
              id,
              shown?.status === 'loaded' ? { count: shown.table.length, fingerprint: shown.fingerprint, held: shown } : { count: 0 },
              (fresh) =>
                useAppStore.getState().setCollection(id, {
                  status: 'loaded',
                  ...fresh,
                  table: placeInImportedRegions(keepDrawnGeometry(selectTable(useAppStore.getState(), id), fresh.table)),
                  loadedAt: Date.now(),
                  version: version ?? fresh.version,
                }),
              signal,
            );
            // Read again and found the same: what is shown is current as of this marker.
            const now = useAppStore.getState().collections[id];
            if (failure === null && version !== undefined && now?.status === 'loaded' && now.version !== version) useAppStore.getState().setCollection(id, { ...now, version });
            return failure;
          };
          // The server stack marks changes: a collection it has not changed is not read again
          // (at 100x that was 238,000 patches every 30 s).
          if (config.source !== 'server') return reread();
          return refreshWhenChanged(id, shown?.status === 'loaded' ? shown.version : undefined, () => readCollectionVersions(ogcApiUrl, signal), reread);
        },
      });
      stops.set(layer, stop);
    };
    const startSettled = () => {
      const { collections } = useAppStore.getState();
      for (const layer of DOMAIN_LAYER_IDS) {
        const first = collections[DOMAIN_LAYERS[layer].cases];
        if (!stops.has(layer) && settled(first)) startLoop(layer, first);
      }
    };
    startSettled();
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (s.collections !== prev.collections && stops.size < DOMAIN_LAYER_IDS.length) startSettled();
    });
    return () => {
      unsubscribe();
      for (const stop of stops.values()) stop();
    };
  }, [config, intervalMs, timeoutMs, retryMaxMs]);
}

function refreshServedLayer(ogcApiUrl: string, layer: ServedAssetLayerId, signal: AbortSignal): Promise<string | null> {
  const { collections, setCollection } = useAppStore.getState();
  const assets = collections[DOMAIN_LAYERS[layer].features];
  const cases = collections[DOMAIN_LAYERS[layer].cases];
  const servedVersion = (c: CollectionState | undefined) => (c?.status === 'served' ? c.version : undefined);
  const shown = {
    counts: assets?.status === 'served' ? assets.counts : undefined,
    cases: cases?.status === 'served' ? cases.count : 0,
    versions: [servedVersion(assets), servedVersion(cases)] as const,
  };
  return refreshServed(ogcApiUrl, layer, shown, setCollection, signal);
}

function refreshServedCaseLayer(ogcApiUrl: string, layer: ServedCaseLayerId, signal: AbortSignal): Promise<string | null> {
  const { collections, filters, setCollection } = useAppStore.getState();
  const shown = collections[DOMAIN_LAYERS[layer].features];
  const served = shown?.status === 'served' ? shown : null;
  return refreshServedCases(ogcApiUrl, layer, { cases: served?.count ?? 0, version: served?.version }, filters.time, setCollection, signal);
}
