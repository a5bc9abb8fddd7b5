import { wrap } from 'comlink';
import { latestOnly } from './latestOnly';
import type { StatsApi, StatsRange } from './statsApi';

/**
 * The page's handle on the stats worker. Each reader takes its own latest-only query (latestQuery()),
 * so a reader's stale range resolves to null without cancelling another reader's.
 */
export function createStatsClient() {
  const worker = new Worker(new URL('./stats.worker.ts', import.meta.url), { type: 'module', name: 'stats' });
  const api = wrap<StatsApi>(worker);
  return {
    loadTowns: (...args: Parameters<StatsApi['loadTowns']>) => api.loadTowns(...args),
    loadLamps: (...args: Parameters<StatsApi['loadLamps']>) => api.loadLamps(...args),
    loadManholes: (...args: Parameters<StatsApi['loadManholes']>) => api.loadManholes(...args),
    loadPatches: (...args: Parameters<StatsApi['loadPatches']>) => api.loadPatches(...args),
    loadRailway: (...args: Parameters<StatsApi['loadRailway']>) => api.loadRailway(...args),
    latestQuery: () => latestOnly((range: StatsRange) => api.query(range)),
    dispose: () => worker.terminate(),
  };
}

export type StatsClient = ReturnType<typeof createStatsClient>;
