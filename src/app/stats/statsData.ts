import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { latestOnly } from '../../stats/worker/latestOnly';
import { createStatsClient, type StatsClient } from '../../stats/worker/statsClient';
import { selectFeatures, selectTable, useAppStore } from '../../state/store';
import { SERVED_COLLECTIONS } from '../../data/servedLayers';
import type { DomainLayerId } from '../../layers/registry';
import { nextTask } from './nextTask';
import { useServerApi } from './serverApi';

let client: StatsClient | null = null;

export type StatsLayer = 'lamps' | 'manholes' | 'patches' | 'railway';
export const STATS_LAYERS: readonly StatsLayer[] = ['lamps', 'manholes', 'patches', 'railway'];
/** The domain layer each statistics layer is of (for its name). */
export const LAYER_OF_STATS: Record<StatsLayer, DomainLayerId> = { lamps: 'streetLamps', manholes: 'manholes', patches: 'patches', railway: 'railway' };

/**
 * The data behind the figures. `version` grows whenever it changes (a layer indexed by the page's
 * stats worker, or a collection the server keeps refreshed there), and `changedAt` says when: the
 * figures' as-of time. `client` is the page's stats worker (null with source=server, where the
 * server answers every question, and until the towns load); `indexed` the layers it holds.
 */
export const useStatsData = create<{ client: StatsClient | null; version: number; changedAt: number; indexing: number; indexed: readonly StatsLayer[] }>(() => ({
  client: null,
  version: 0,
  changedAt: 0,
  indexing: 0,
  indexed: [],
}));

const changed = (s: { version: number }) => ({ version: s.version + 1, changedAt: Date.now() });

/** Layer loads still on their way to the page's stats worker (the wall waits for none; its soak test does). */
export const useStatsIndexing = () => useStatsData((s) => s.indexing > 0);

/**
 * One gate per layer: while a load runs, only the newest waiting one is kept, so data refreshed
 * faster than the worker can index it never queues up copies of whole collections.
 */
const loadGates = new Map<StatsLayer, (load: () => Promise<unknown>) => Promise<unknown>>();
function gateOf(layer: StatsLayer) {
  let gate = loadGates.get(layer);
  if (!gate) {
    gate = latestOnly((load: () => Promise<unknown>) => load());
    loadGates.set(layer, gate);
  }
  return gate;
}

/**
 * Mounted once (dashboard and wall): feeds the page's stats worker the towns, then each layer as
 * soon as its collections have loaded, and again when they (or the towns) reload. The worker
 * handles calls in the order they are made, and effects run in the order written, so a layer never
 * reaches it before its towns. With source=server the server answers every statistics question:
 * no worker is started, and a refresh of what the server keeps renews the data version.
 */
export function useStatsFeed(): void {
  const served = useServerApi((s) => s.ogcApiUrl !== null);
  const towns = useAppStore((s) => selectFeatures(s, 'towns'));
  const poles = useAppStore((s) => selectTable(s, 'lamps'));
  const faults = useAppStore((s) => selectTable(s, 'lamp-faults'));
  const covers = useAppStore((s) => selectTable(s, 'manholes'));
  const defects = useAppStore((s) => selectTable(s, 'manhole-defects'));
  const patches = useAppStore((s) => selectTable(s, 'patches'));
  const railways = useAppStore((s) => selectTable(s, 'railways'));
  const corridor = useAppStore((s) => selectTable(s, 'railway-corridor'));
  const issues = useAppStore((s) => selectTable(s, 'railway-issues'));

  useEffect(() => {
    if (towns.length === 0 || served) return;
    client ??= createStatsClient();
    const c = client;
    // Towns indexed are data too: readings then say which layers they still lack (all, until each is
    // indexed; for good when a layer cannot load), instead of waiting for ever.
    void c.loadTowns(towns.map((t) => ({ code: t.properties.code, geometry: t.geometry }))).then(() => useStatsData.setState((s) => ({ ...changed(s), client: c, indexed: [] })));
  }, [towns, served]);
  const hasTowns = towns.length > 0 && !served;
  useLayerLoad('lamps', hasTowns && poles.length > 0 && faults.length > 0, (c) => c.loadLamps(poles, faults), [towns, poles, faults]);
  useLayerLoad('manholes', hasTowns && covers.length > 0 && defects.length > 0, (c) => c.loadManholes(covers, defects), [towns, covers, defects]);
  useLayerLoad('patches', hasTowns && patches.length > 0, (c) => c.loadPatches(patches), [towns, patches]);
  useLayerLoad(
    'railway',
    hasTowns && railways.length > 0 && corridor.length > 0 && issues.length > 0,
    (c) => c.loadRailway(railways, corridor, issues),
    [towns, railways, corridor, issues],
  );
  useServedRefreshes();
}

/**
 * A live refresh of a layer the server keeps (source=server) renews its case collection's state:
 * the server's figures may have changed, so readers ask again, as they do when the worker reloads a layer.
 */
function useServedRefreshes(): void {
  const refreshedAt = useAppStore((s) => SERVED_COLLECTIONS.map((id) => { const c = s.collections[id]; return c?.status === 'served' ? c.loadedAt : 0; }).join());
  const first = useRef<string | null>(null);
  useEffect(() => {
    if (!refreshedAt.split(',').every((t) => t !== '0')) return;
    // The first complete load is not a refresh: nothing has been asked with older figures yet.
    if (first.current === null) first.current = refreshedAt;
    else useStatsData.setState(changed);
  }, [refreshedAt]);
}

function useLayerLoad(layer: StatsLayer, ready: boolean, load: (c: StatsClient) => Promise<unknown>, deps: unknown[]) {
  useEffect(() => {
    if (!ready || !client) return;
    let current = true;
    const c = client;
    useStatsData.setState((s) => ({ indexing: s.indexing + 1 }));
    // Copying a layer's tables to the worker (a structured clone: the map keeps the buffers) takes a
    // tenth of a second per million features. It runs in a task of its own, not in the one that
    // applied the data and rendered it; a newer load made meanwhile replaces it.
    void gateOf(layer)(() => nextTask().then(() => (current ? load(c) : null)))
      .then((done) => {
        // null: a newer load of this layer replaced this one before it started.
        if (done !== null && current) useStatsData.setState((s) => ({ ...changed(s), indexed: s.indexed.includes(layer) ? s.indexed : [...s.indexed, layer] }));
      })
      .finally(() => useStatsData.setState((s) => ({ indexing: s.indexing - 1 })));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` is a new closure each render; the collections in `deps` are what it reads
  }, [ready, ...deps]);
}
