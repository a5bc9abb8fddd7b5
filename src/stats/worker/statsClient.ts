import { wrap } from 'comlink';
import { latestOnly } from './latestOnly';
import type { StatsApi } from './statsApi';

export type QueryMethod = 'query' | 'series' | 'kpis' | 'hotspots';
export type QueryArgs<M extends QueryMethod> = Parameters<StatsApi[M]>;
export type QueryResult<M extends QueryMethod> = ReturnType<StatsApi[M]>;
/** Questions answered elsewhere with the engine's signatures: undefined when that one cannot be, null when it failed. */
export type ServerMethods = { [M in QueryMethod]?: (...args: QueryArgs<M>) => Promise<QueryResult<M> | null> | undefined };

/**
 * The page's handle on the stats worker. Each reader takes its own latest-only query (latest()),
 * so a reader's stale request resolves to null without cancelling another reader's. With the
 * server's answers (source=server), the questions they answer go to the server, and to the
 * worker only when the server cannot answer one or fails.
 */
export function createStatsClient(server: ServerMethods = {}) {
  const worker = new Worker(new URL('./stats.worker.ts', import.meta.url), { type: 'module', name: 'stats' });
  const api = wrap<StatsApi>(worker);
  return {
    loadTowns: (...args: Parameters<StatsApi['loadTowns']>) => api.loadTowns(...args),
    loadLamps: (...args: Parameters<StatsApi['loadLamps']>) => api.loadLamps(...args),
    loadManholes: (...args: Parameters<StatsApi['loadManholes']>) => api.loadManholes(...args),
    loadPatches: (...args: Parameters<StatsApi['loadPatches']>) => api.loadPatches(...args),
    loadRailway: (...args: Parameters<StatsApi['loadRailway']>) => api.loadRailway(...args),
    latest: <M extends QueryMethod>(method: M) =>
      latestOnly(async (args: QueryArgs<M>): Promise<QueryResult<M>> => {
        const fromServer = (server[method] as ((...a: QueryArgs<M>) => Promise<QueryResult<M> | null> | undefined) | undefined)?.(...args);
        const served = fromServer && (await fromServer.catch(() => null));
        return served ?? (api[method] as unknown as (...a: QueryArgs<M>) => Promise<QueryResult<M>>)(...args);
      }),
    dispose: () => worker.terminate(),
  };
}

export type StatsClient = ReturnType<typeof createStatsClient>;
