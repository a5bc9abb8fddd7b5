import { App } from './App';
import { startPage } from './startPage';

/** Starts the dashboard. */
export const start = (): Promise<void> => startPage(App);
