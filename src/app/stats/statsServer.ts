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

/** A statistics document from the server; null for any failure (the engine answers then). */
export async function getStatsJson(url: string): Promise<unknown> {
  const res = await fetchJson(url, 'statistics', { timeoutMs: 60_000 });
  return res.ok ? res.value : null;
}

/** The engine questions the server answers (none when the source is not the server). */
export function configuredServerAnswers(): ServerMethods {
  const { ogcApiUrl } = useStatsServer.getState();
  return ogcApiUrl ? serverAnswers(ogcApiUrl, getStatsJson) : {};
}
