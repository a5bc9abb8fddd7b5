import { useEffect, useRef, useState } from 'react';
import { readCaseCounts, sameRange } from '../data/servedCases';
import { SERVED_CASE_LAYERS } from '../data/servedLayers';
import { DOMAIN_LAYERS } from '../layers/registry';
import { useAppStore, type AppState } from '../state/store';
import { useServerApi } from './stats/serverApi';

const RETRY_MS = [5_000, 15_000, 60_000];

/** The served case layers whose counts of the time range shown are not in (their state's loadedAt, joined). */
function missingRanges(s: AppState): string {
  return SERVED_CASE_LAYERS.flatMap((layer) => {
    const c = s.collections[DOMAIN_LAYERS[layer].features];
    return c?.status === 'served' && !sameRange(c.rangeCounts?.range, s.filters.time) ? [`${layer}@${c.loadedAt}`] : [];
  }).join();
}

/**
 * With source=server: the counts of the time range shown of each case layer the server keeps
 * (patches, railway issues), asked whenever the range changes, one question for both layers. A
 * newer range cancels the question; an answer is kept only for the reading it was asked against
 * (a live refresh meanwhile brings its own). A failure is recorded for the legends and asked again.
 */
export function useServedCaseRanges(): void {
  const ogcApiUrl = useServerApi((s) => s.ogcApiUrl);
  const missing = useAppStore(missingRanges);
  const time = useAppStore((s) => s.filters.time);
  const [retryTick, setRetryTick] = useState(0);
  // Failures in a row for this range: the wait before asking again grows with them.
  const failures = useRef({ time, count: 0 });
  useEffect(() => {
    if (!ogcApiUrl || missing === '') return;
    if (failures.current.time !== time) failures.current = { time, count: 0 };
    const controller = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    const askedAt = new Map(missing.split(',').map((m) => m.split('@') as [string, string]));
    void readCaseCounts(ogcApiUrl, time, controller.signal).then((res) => {
      if (controller.signal.aborted) return;
      const { collections, setCollection } = useAppStore.getState();
      for (const layer of SERVED_CASE_LAYERS) {
        const id = DOMAIN_LAYERS[layer].features;
        const c = collections[id];
        if (c?.status !== 'served' || String(c.loadedAt) !== askedAt.get(layer)) continue;
        if (res.ok) setCollection(id, { ...c, rangeCounts: { range: time, rows: res.value[layer] }, rangeCountsFailed: undefined });
        else setCollection(id, { ...c, rangeCountsFailed: { range: time, message: res.error.message } });
      }
      if (!res.ok) retry = setTimeout(() => setRetryTick((n) => n + 1), RETRY_MS[Math.min(failures.current.count++, RETRY_MS.length - 1)]);
    });
    return () => {
      controller.abort();
      clearTimeout(retry);
    };
  }, [ogcApiUrl, missing, time, retryTick]);
}
