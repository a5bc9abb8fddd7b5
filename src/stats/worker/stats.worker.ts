import { expose } from 'comlink';
import { nextTask } from '../../app/stats/nextTask';
import { createStatsApi } from './statsApi';
import { withTableLoaders, type StatsWorkerApi } from './tableLoaders';
import { inSteps, jobQueue, type JobKind } from './jobQueue';

const api = withTableLoaders(createStatsApi());
const enqueue = jobQueue((run) => void nextTask().then(run));

/** How each call is queued: the headline figures first; loads are barriers; the long questions in steps. */
const KIND: Partial<Record<keyof StatsWorkerApi, JobKind>> = {
  kpis: 'urgent',
  loadTowns: 'barrier',
  loadLampTables: 'barrier',
  loadManholeTables: 'barrier',
  loadPatchTable: 'barrier',
  loadRailwayTables: 'barrier',
};

type Call = (...args: unknown[]) => unknown;
const queued = Object.fromEntries(
  Object.entries(api).map(([name, call]) => [name, (...args: unknown[]) => enqueue(KIND[name as keyof StatsWorkerApi] ?? 'normal', () => (call as Call)(...args))]),
) as unknown as StatsWorkerApi;

/** The statistics worker: towns and cases are indexed here once, and every query runs here, one at a time (jobQueue). */
expose({
  ...queued,
  kpiSpark: (...args: Parameters<StatsWorkerApi['kpiSpark']>) => enqueue('normal', (pause) => inSteps(api.kpiSparkInSteps(...args), pause)),
  hotspots: (...args: Parameters<StatsWorkerApi['hotspots']>) => enqueue('normal', (pause) => inSteps(api.hotspotsInSteps(...args), pause)),
});
