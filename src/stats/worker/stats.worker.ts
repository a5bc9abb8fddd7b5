import { expose } from 'comlink';
import { createStatsApi } from './statsApi';
import { withTableLoaders } from './tableLoaders';

/** The statistics worker: towns and cases are indexed here once, and every query runs here. */
expose(withTableLoaders(createStatsApi()));
