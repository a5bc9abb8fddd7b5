import { wrap } from 'comlink';
import type { FeatureTable } from '../../data/columnar/featureTable';
import { withoutDrawing } from '../../data/columnar/drawnColumns';
import { latestOnly } from './latestOnly';
import type { StatsApi } from './statsApi';
import type { StatsWorkerApi } from './tableLoaders';

export type QueryMethod = 'query' | 'series' | 'kpis' | 'kpiSpark' | 'hotspots' | 'warnings' | 'assessmentDetail';
export type QueryArgs<M extends QueryMethod> = Parameters<StatsApi[M]>;
export type QueryResult<M extends QueryMethod> = ReturnType<StatsApi[M]>;

/**
 * The page's handle on the stats worker, which computes the statistics from the collections the
 * page holds. Each reader takes its own latest-only query (latest()), so a reader's superseded
 * request resolves to null without cancelling another reader's.
 */
export function createStatsClient() {
  const worker = new Worker(new URL('./stats.worker.ts', import.meta.url), { type: 'module', name: 'stats' });
  const api = wrap<StatsWorkerApi>(worker);
  return {
    loadTowns: (...args: Parameters<StatsApi['loadTowns']>) => api.loadTowns(...args),
    // The tables without what only the map draws.
    loadLamps: (poles: FeatureTable, faults: FeatureTable) => api.loadLampTables(withoutDrawing(poles), faults),
    loadManholes: (covers: FeatureTable, defects: FeatureTable) => api.loadManholeTables(withoutDrawing(covers), defects),
    loadPatches: (patches: FeatureTable) => api.loadPatchTable(withoutDrawing(patches)),
    loadRailway: (railways: FeatureTable, corridor: FeatureTable, issues: FeatureTable) => api.loadRailwayTables(railways, corridor, withoutDrawing(issues)),
    latest: <M extends QueryMethod>(method: M) => latestOnly((args: QueryArgs<M>) => (api[method] as unknown as (...a: QueryArgs<M>) => Promise<QueryResult<M>>)(...args)),
    dispose: () => worker.terminate(),
  };
}

export type StatsClient = ReturnType<typeof createStatsClient>;
