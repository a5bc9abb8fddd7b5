import type { Feature, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { latestOnly } from '../../stats/worker/latestOnly';
import { createStatsClient, type StatsClient } from '../../stats/worker/statsClient';
import { selectFeatures, useAppStore } from '../../state/store';
import { SERVED_COLLECTIONS } from '../../data/servedAssets';
import { configuredServerAnswers } from './statsServer';

let client: StatsClient | null = null;

type CasePoints = Feature<Point, Record<string, unknown>>[];

/** The stats worker and how many loads it has finished: readers query again when it grows. */
const useEngineStore = create<{ client: StatsClient | null; version: number; loading: number }>(() => ({ client: null, version: 0, loading: 0 }));

/** Layer loads still on their way to the worker (a wall waits for none; tests may). */
export const useEngineLoading = () => useEngineStore((s) => s.loading > 0);

type LayerKey = 'lamps' | 'manholes' | 'patches' | 'railway';
/**
 * One gate per layer: while a load runs, only the newest waiting one is kept, so data refreshed
 * faster than the worker can index it never queues up copies of whole collections.
 */
const loadGates = new Map<LayerKey, (load: () => Promise<unknown>) => Promise<unknown>>();
function gateOf(layer: LayerKey) {
  let gate = loadGates.get(layer);
  if (!gate) {
    gate = latestOnly((load: () => Promise<unknown>) => load());
    loadGates.set(layer, gate);
  }
  return gate;
}

/** For readers: the stats worker (null until the towns load) and its load count. */
export function useStatsEngine(): { client: StatsClient | null; version: number } {
  const client = useEngineStore((s) => s.client);
  const version = useEngineStore((s) => s.version);
  return { client, version };
}

/**
 * Mounted once (App): feeds the stats worker the towns, then each layer as soon as its collections
 * have loaded, and again when they (or the towns) reload. The worker handles calls in the order
 * they are made, and effects run in the order written, so a layer never reaches it before its towns.
 */
export function useStatsLoading(): void {
  const towns = useAppStore((s) => selectFeatures(s, 'towns'));
  const poles = useAppStore((s) => selectFeatures(s, 'lamps'));
  const faults = useAppStore((s) => selectFeatures(s, 'lamp-faults'));
  const covers = useAppStore((s) => selectFeatures(s, 'manholes'));
  const defects = useAppStore((s) => selectFeatures(s, 'manhole-defects'));
  const patches = useAppStore((s) => selectFeatures(s, 'patches'));
  const railways = useAppStore((s) => selectFeatures(s, 'railways'));
  const corridor = useAppStore((s) => selectFeatures(s, 'railway-corridor'));
  const issues = useAppStore((s) => selectFeatures(s, 'railway-issues'));

  useEffect(() => {
    if (towns.length === 0) return;
    client ??= createStatsClient(configuredServerAnswers());
    const c = client;
    void c.loadTowns(towns.map((t) => ({ code: t.properties.code, geometry: t.geometry }))).then(() => useEngineStore.setState({ client: c }));
  }, [towns]);
  const hasTowns = towns.length > 0;
  useLayerLoad('lamps', hasTowns && poles.length > 0 && faults.length > 0, (c) => c.loadLamps(poles, faults as CasePoints), [towns, poles, faults]);
  useLayerLoad('manholes', hasTowns && covers.length > 0 && defects.length > 0, (c) => c.loadManholes(covers, defects as CasePoints), [towns, covers, defects]);
  useLayerLoad('patches', hasTowns && patches.length > 0, (c) => c.loadPatches(patches), [towns, patches]);
  useLayerLoad(
    'railway',
    hasTowns && railways.length > 0 && corridor.length > 0 && issues.length > 0,
    (c) => c.loadRailway(railways as Feature<LineString | MultiLineString>[], corridor as Feature<Polygon | MultiPolygon>[], issues as CasePoints),
    [towns, railways, corridor, issues],
  );
  useServedRefreshes();
}

/**
 * A live refresh of a layer the server keeps (source=server) renews its case collection's state:
 * its statistics are the server's, so readers ask again, as they do when the engine reloads a layer.
 */
function useServedRefreshes(): void {
  const refreshedAt = useAppStore((s) => SERVED_COLLECTIONS.map((id) => { const c = s.collections[id]; return c?.status === 'served' ? c.loadedAt : 0; }).join());
  const first = useRef<string | null>(null);
  useEffect(() => {
    if (!refreshedAt.split(',').every((t) => t !== '0')) return;
    // The first complete load is not a refresh: nothing has been asked with older figures yet.
    if (first.current === null) first.current = refreshedAt;
    else useEngineStore.setState((s) => ({ version: s.version + 1 }));
  }, [refreshedAt]);
}

function useLayerLoad(layer: LayerKey, ready: boolean, load: (c: StatsClient) => Promise<unknown>, deps: unknown[]) {
  useEffect(() => {
    if (!ready || !client) return;
    let current = true;
    const c = client;
    useEngineStore.setState((s) => ({ loading: s.loading + 1 }));
    void gateOf(layer)(() => load(c))
      .then((done) => {
        // null: a newer load of this layer replaced this one before it started.
        if (done !== null && current) useEngineStore.setState((s) => ({ version: s.version + 1 }));
      })
      .finally(() => useEngineStore.setState((s) => ({ loading: s.loading - 1 })));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` is a new closure each render; the collections in `deps` are what it reads
  }, [ready, ...deps]);
}
