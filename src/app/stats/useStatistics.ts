import { startTransition, useEffect, useMemo, useState } from 'react';
import type { StatsKind, StatsQuestions } from './statistics';
import { sharedPageAsker, sharedServerAsker } from './sharedAskers';
import { nextFailure, readingOf, type Answered, type Failed, type StatsReading } from './statsReading';
import { useServerApi } from './serverApi';
import { useStatsData } from './statsData';

const URGENT: ReadonlySet<StatsKind> = new Set(['kpis']);
const run = (f: () => void) => f();

/**
 * The one way every panel, the wall and the exports read statistics: the answer to `args` (null:
 * none), from the server's SQL with source=server, else from the page's stats worker, asked again
 * whenever the question (compared by value) or the data behind it changes. A failed question is
 * asked again with back-off; meanwhile the panel's last figures are kept, marked stale, when they
 * answer the same `identity` (default: the same question), else it reads unavailable.
 */
export function useStatistics<K extends StatsKind>(kind: K, args: StatsQuestions[K] | null, identity?: string): StatsReading<K> {
  const ogcApiUrl = useServerApi((s) => s.ogcApiUrl);
  const client = useStatsData((s) => s.client);
  const version = useStatsData((s) => s.version);
  // A page asker keeps its latest-only queues across versions; a server one shares answers per version.
  const serverVersion = ogcApiUrl ? version : 0;
  const ask = useMemo(
    () => (ogcApiUrl ? sharedServerAsker(ogcApiUrl, serverVersion) : client ? sharedPageAsker(client) : null),
    [ogcApiUrl, client, serverVersion],
  );
  const key = args === null ? null : JSON.stringify(args);
  const id = identity ?? key;
  const [good, setGood] = useState<Answered<K> | null>(null);
  const [failed, setFailed] = useState<Failed | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    // The page's worker answers once it has indexed a layer; the server at once.
    if (!ask || key === null || id === null || (!ogcApiUrl && version === 0)) return;
    let current = true;
    const asked = JSON.parse(key) as StatsQuestions[K];
    void ask(kind, asked).then((result) => {
      if (!current || result === null) return;
      // Only the headline figures are shown the moment they come: any other panel's render is
      // interruptible, so that a chart drawing its answer never holds theirs back.
      (URGENT.has(kind) ? run : startTransition)(() => {
        if (result.ok) {
          setGood({ key, identity: id, asked, figures: result.value });
          setFailed(null);
        } else setFailed((previous) => nextFailure(previous, key, result.error, Date.now()));
      });
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `id` names the same question as `key`; `attempt` asks again
  }, [ask, kind, key, version, attempt]);

  // The retry of the question that failed (a new question or new data asks anyway).
  useEffect(() => {
    if (!failed || failed.key !== key) return;
    const timer = setTimeout(() => setAttempt((a) => a + 1), Math.max(0, failed.retryAt - Date.now()));
    return () => clearTimeout(timer);
  }, [failed, key]);

  return useMemo(() => readingOf(key, id, good, failed), [key, id, good, failed]);
}
