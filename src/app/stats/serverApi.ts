import { create } from 'zustand';
import type { AppConfig } from '../../config';
import { fetchJson } from '../../data/http';

/** The server stack's OGC API (source=server), or null when the page holds all its data itself. */
export const useServerApi = create<{ ogcApiUrl: string | null }>(() => ({ ogcApiUrl: null }));

/** Called once at start (main.tsx): points statistics, search, details and exports at the server when the source is the server stack. */
export function configureServerApi(config: Pick<AppConfig, 'source' | 'serverUrl'>): void {
  useServerApi.setState({ ogcApiUrl: config.source === 'server' ? `${config.serverUrl}/ogcapi` : null });
}

let collectionsIn: () => void = () => {};
const collectionsLoaded = new Promise<void>((resolve) => (collectionsIn = resolve));

/**
 * Called once the page's first load of its collections has ended. Statistics questions wait for
 * it: on a busy server (100× data, a six-year range) they take minutes of its time, and the
 * boundaries and layers the map needs must not wait behind them until they time out.
 */
export function markCollectionsLoaded(): void {
  collectionsIn();
}

/** A statistics document from the server; rejects with what went wrong (status, time-out, network, bad JSON). */
export async function readStatsJson(url: string): Promise<unknown> {
  await collectionsLoaded;
  const res = await fetchJson(url, 'statistics', { timeoutMs: 120_000 });
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}
