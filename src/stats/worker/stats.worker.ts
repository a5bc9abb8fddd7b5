import { expose } from 'comlink';
import { createStatsApi } from './statsApi';

/** The statistics worker: towns and cases are indexed here once, and every query runs here. */
expose(createStatsApi());
