import { useEffect, useMemo, useState } from 'react';
import { parseTownStats, townStatsUrl, type TownRowSet } from '../../stats/serverTownStats';
import { townRows } from '../../stats/townMetrics';
import type { StatsAnswer, StatsRange } from '../../stats/worker/statsApi';
import { useEngineAnswer } from './useEngineAnswer';
import { getStatsJson, useStatsServer } from './statsServer';
import { useStatsEngine } from './useStatsEngine';

/**
 * The server's rows for an address and data version, asked once however many panels want them
 * (the table, the bars and the wall's ranking ask the same question). A few recent ones are kept.
 */
const asked = new Map<string, Promise<TownRowSet | null>>();
function serverRows(url: string, version: number): Promise<TownRowSet | null> {
  const key = `${version} ${url}`;
  let rows = asked.get(key);
  if (!rows) {
    rows = getStatsJson(url).then(parseTownStats);
    asked.set(key, rows);
    if (asked.size > 8) asked.delete(asked.keys().next().value!);
  }
  return rows;
}

export type TownRowsRange = Pick<StatsRange, 'from' | 'to' | 'classes'>;

/**
 * Every town's figures for a range and class filters: from the server's SQL statistics when the
 * source is the server stack, else from the engine in the page (its answer comes too).
 */
export function useTownRows(range: TownRowsRange | null): { rows: TownRowSet; answer: StatsAnswer | null; fromServer: boolean } | null {
  const ogcApiUrl = useStatsServer((s) => s.ogcApiUrl);
  const url = ogcApiUrl && range ? townStatsUrl(ogcApiUrl, range) : null;
  const answer = useEngineAnswer('query', range && !url ? [range] : null)?.answer ?? null;
  // The engine's version grows when data reloads (a live refresh): the server's figures may have changed too.
  const { version } = useStatsEngine();
  const [served, setServed] = useState<{ url: string; rows: TownRowSet } | null>(null);

  useEffect(() => {
    if (!url) return;
    let current = true;
    void serverRows(url, version).then((rows) => {
      if (current && rows) setServed({ url, rows });
    });
    return () => {
      current = false;
    };
  }, [url, version]);

  const engineRows = useMemo(() => (answer ? townRows(answer) : null), [answer]);
  if (url) return served?.url === url ? { rows: served.rows, answer, fromServer: true } : null;
  return engineRows ? { rows: engineRows, answer, fromServer: false } : null;
}
