import { readConfig } from '../config';
import { startLoadingEarly } from './loadData';

/** Reads the configuration as startPage will, and starts loading the data for it. */
export function startEarly(): void {
  startLoadingEarly(readConfig(import.meta.env as Record<string, string | undefined>, window.location.search));
}
