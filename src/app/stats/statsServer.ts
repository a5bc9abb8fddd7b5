import { create } from 'zustand';
import type { AppConfig } from '../../config';
import { fetchJson } from '../../data/http';
import { serverAnswers } from '../../stats/serverAnswers';
import type { ServerMethods } from '../../stats/worker/statsClient';

/** Where statistics come from: the server's OGC API (source=server), or null for the engine in the page. */
export const useStatsServer = create<{ ogcApiUrl: string | null }>(() => ({ ogcApiUrl: null }));

/** Called once at start (main.tsx): points the statistics at the server when the source is the server stack. */
export function configureStatsServer(config: Pick<AppConfig, 'source' | 'serverUrl'>): void {
  useStatsServer.setState({ ogcApiUrl: config.source === 'server' ? `${config.serverUrl}/ogcapi` : null });
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

/** A statistics document from the server; null for any failure (the engine answers then). */
export async function getStatsJson(url: string): Promise<unknown> {
  await collectionsLoaded;
  const res = await fetchJson(url, 'statistics', { timeoutMs: 120_000 });
  return res.ok ? res.value : null;
}

/** The engine questions the server answers (none when the source is not the server). */
export function configuredServerAnswers(): ServerMethods {
  const { ogcApiUrl } = useStatsServer.getState();
  return ogcApiUrl ? serverAnswers(ogcApiUrl, getStatsJson) : {};
}
