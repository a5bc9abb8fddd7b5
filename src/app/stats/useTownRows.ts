import { useEffect, useMemo, useState } from 'react';
import { create } from 'zustand';
import type { AppConfig } from '../../config';
import { parseTownStats, townStatsUrl, type TownRowSet } from '../../stats/serverTownStats';
import { townRows } from '../../stats/townMetrics';
import type { StatsAnswer, StatsRange } from '../../stats/worker/statsApi';
import { useEngineAnswer } from './useEngineAnswer';
import { useStatsEngine } from './useStatsEngine';

/** Where town statistics come from: the server's OGC API (source=server), or null for the engine in the page. */
const useStatsServer = create<{ ogcApiUrl: string | null }>(() => ({ ogcApiUrl: null }));

/** Called once at start (main.tsx): points the town statistics at the server when the source is the server stack. */
export function configureStatsServer(config: Pick<AppConfig, 'source' | 'serverUrl'>): void {
  useStatsServer.setState({ ogcApiUrl: config.source === 'server' ? `${config.serverUrl}/ogcapi` : null });
}

export type TownRowsRange = Pick<StatsRange, 'from' | 'to' | 'classes'>;

/**
 * Every town's figures for a range and class filters: from the server's SQL statistics when the
 * source is the server stack, else from the engine in the page. `answer` is the engine's (the
 * exports read its details); in server mode the rows are the server's and `fromServer` says so.
 */
export function useTownRows(range: TownRowsRange | null): { rows: TownRowSet; answer: StatsAnswer | null; fromServer: boolean } | null {
  const ogcApiUrl = useStatsServer((s) => s.ogcApiUrl);
  const answer = useEngineAnswer('query', range ? [range] : null)?.answer ?? null;
  const { version } = useStatsEngine();
  const [served, setServed] = useState<{ key: string; rows: TownRowSet } | null>(null);
  const url = ogcApiUrl && range ? townStatsUrl(ogcApiUrl, range) : null;

  useEffect(() => {
    if (!url) return;
    const controller = new AbortController();
    void fetch(url, { signal: controller.signal })
      .then((res) => (res.ok ? res.json() : null))
      .then((payload: unknown) => {
        const rows = parseTownStats(payload);
        if (rows) setServed({ key: url, rows });
      })
      .catch(() => undefined);
    return () => controller.abort();
    // The engine's version: data reloaded (a live refresh), so the server's figures may have changed too.
  }, [url, version]);

  const engineRows = useMemo(() => (answer ? townRows(answer) : null), [answer]);
  if (url) return served?.key === url ? { rows: served.rows, answer, fromServer: true } : null;
  return engineRows ? { rows: engineRows, answer, fromServer: false } : null;
}
