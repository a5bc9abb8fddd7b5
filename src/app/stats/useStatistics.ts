import { useEffect, useMemo, useState } from 'react';
import type { Result } from '../../data/result';
import { pageAsker, serverAsker, type StatsAsker, type StatsFailure, type StatsFigures, type StatsKind, type StatsQuestions } from './statistics';
import { nextFailure, readingOf, type Answered, type Failed, type StatsReading } from './statsReading';
import { useServerApi } from './serverApi';
import { useStatsData } from './statsData';

/**
 * The server's answers by data version and question, asked once however many panels want them (the
 * table, the bars and the wall's ranking ask the same question). A failure is not kept: asking
 * again asks the server again.
 */
const served = new Map<string, Promise<Result<StatsFigures<StatsKind>, StatsFailure> | null>>();
const askers = new Map<string, StatsAsker>();
function sharedServerAsker(ogcApiUrl: string, version: number): StatsAsker {
  let ask = askers.get(ogcApiUrl);
  if (!ask) askers.set(ogcApiUrl, (ask = serverAsker(ogcApiUrl)));
  const server = ask;
  return (kind, args) => {
    const key = `${ogcApiUrl} ${version} ${kind} ${JSON.stringify(args)}`;
    let answer = served.get(key);
    if (!answer) {
      answer = server(kind, args);
      served.set(key, answer);
      if (served.size > 16) served.delete(served.keys().next().value!);
      void answer.then((r) => {
        if (!r?.ok) served.delete(key);
      });
    }
    return answer as ReturnType<typeof server<typeof kind>>;
  };
}

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
    () => (ogcApiUrl ? sharedServerAsker(ogcApiUrl, serverVersion) : client ? pageAsker(client, () => useStatsData.getState()) : null),
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
      if (result.ok) {
        setGood({ key, identity: id, asked, figures: result.value });
        setFailed(null);
      } else setFailed((previous) => nextFailure(previous, key, result.error, Date.now()));
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
