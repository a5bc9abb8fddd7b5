import type { Result } from '../../data/result';
import type { StatsClient } from '../../stats/worker/statsClient';
import { pageAsker, serverAsker, type StatsAsker, type StatsFailure, type StatsFigures, type StatsKind, type StatsQuestions } from './statistics';
import { useServerApi } from './serverApi';
import { useStatsData } from './statsData';

type Answer = Promise<Result<StatsFigures<StatsKind>, StatsFailure> | null>;

/**
 * The server's answers by data version and question, asked once however many panels want them (the
 * table, the bars and the wall's ranking ask the same question). A failure is not kept: asking
 * again asks the server again.
 */
const served = new Map<string, Answer>();
const serverAskers = new Map<string, StatsAsker>();
export function sharedServerAsker(ogcApiUrl: string, version: number): StatsAsker {
  let ask = serverAskers.get(ogcApiUrl);
  if (!ask) serverAskers.set(ogcApiUrl, (ask = serverAsker(ogcApiUrl)));
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
 * The page's questions on their way to its stats worker, by data version and question: a panel
 * asking what is already being answered (the headline figures asked early, below) waits for that
 * answer instead of asking the worker again.
 */
const inFlight = new Map<string, Answer>();

/**
 * A panel's own page asker (its own latest-only queues) that first joins the same question in
 * flight. A joined question superseded by its asker's next one (answered null) is asked again here,
 * if it is still this panel's newest question of its kind: asked again later, it would push the
 * panel's current question out of its queue, and the panel would wait for an answer forever.
 */
export function sharedPageAsker(client: StatsClient): StatsAsker {
  const own = pageAsker(client, () => useStatsData.getState());
  const newest = new Map<StatsKind, number>();
  let asks = 0;
  return (kind, args) => {
    const key = `${useStatsData.getState().version} ${kind} ${JSON.stringify(args)}`;
    const ask = ++asks;
    newest.set(kind, ask);
    const joined = inFlight.get(key);
    if (joined) return joined.then((r) => r ?? (newest.get(kind) === ask ? own(kind, args) : null)) as ReturnType<typeof own<typeof kind>>;
    const answer = own(kind, args);
    inFlight.set(key, answer);
    void answer.finally(() => {
      if (inFlight.get(key) === answer) inFlight.delete(key);
    });
    return answer;
  };
}

const early = new Map<StatsKind, { client: StatsClient; ask: StatsAsker }>();

/**
 * Asks a question before any panel renders for it: called as the filters change, so that the stats
 * worker (or the server) computes the headline figures while React renders the page, and their
 * panel finds the answer under way. Nothing is asked before there is data to ask about.
 */
export function askEarly<K extends StatsKind>(kind: K, args: StatsQuestions[K]): void {
  const ogcApiUrl = useServerApi.getState().ogcApiUrl;
  const { client, version } = useStatsData.getState();
  if (ogcApiUrl) {
    void sharedServerAsker(ogcApiUrl, version)(kind, args);
    return;
  }
  if (!client || version === 0) return;
  let asker = early.get(kind);
  if (asker?.client !== client) early.set(kind, (asker = { client, ask: sharedPageAsker(client) }));
  void asker.ask(kind, args);
}
