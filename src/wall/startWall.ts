import { startPage } from '../app/startPage';
import { WallApp } from './WallApp';

/** Starts the wall. */
export const start = (): Promise<void> => startPage(WallApp);
