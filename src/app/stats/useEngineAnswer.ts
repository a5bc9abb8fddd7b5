import { useEffect, useMemo, useState } from 'react';
import type { QueryArgs, QueryMethod, QueryResult } from '../../stats/worker/statsClient';
import { useStatsEngine } from './useStatsEngine';

/**
 * The stats worker's answer to one reader's question, asked again whenever the question (compared
 * by value) or the loaded data changes; while a newer question is on its way the last answer stays.
 * `args` null asks nothing. The answer comes with the question it answers (`asked`), which may
 * briefly be an older one than `args`.
 */
export function useEngineAnswer<M extends QueryMethod>(method: M, args: QueryArgs<M> | null): { answer: NonNullable<QueryResult<M>>; asked: QueryArgs<M> } | null {
  const { client, version } = useStatsEngine();
  const ask = useMemo(() => client?.latest(method), [client, method]);
  const [answer, setAnswer] = useState<{ answer: NonNullable<QueryResult<M>>; asked: QueryArgs<M> } | null>(null);
  const key = args === null ? null : JSON.stringify(args);

  useEffect(() => {
    if (version === 0 || !ask || key === null) return;
    let current = true;
    const asked = JSON.parse(key) as QueryArgs<M>;
    void ask(asked).then((result) => {
      if (current && result !== null && result !== undefined) setAnswer({ answer: result as NonNullable<QueryResult<M>>, asked });
    });
    return () => {
      current = false;
    };
  }, [ask, version, key]);

  return answer;
}
