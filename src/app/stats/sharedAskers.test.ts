import { afterEach, describe, expect, it } from 'vitest';
import type { StatsClient } from '../../stats/worker/statsClient';
import { latestOnly } from '../../stats/worker/latestOnly';
import { sharedPageAsker } from './sharedAskers';
import { useStatsData } from './statsData';

/** A stats client whose worker answers only when the test says, each question with its own range. */
function manualClient() {
  const pending: { from: number; answer: () => void }[] = [];
  const client = {
    latest: () =>
      latestOnly(([question]: [{ from: number }]) => new Promise((resolve) => pending.push({ from: question.from, answer: () => resolve({ towns: [], from: question.from }) }))),
  } as unknown as StatsClient;
  const answer = async (from: number) => {
    const at = pending.findIndex((p) => p.from === from);
    if (at < 0) throw new Error(`nothing asked for ${from}`);
    pending.splice(at, 1)[0].answer();
    // Let the answers and the questions they set off run.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { client, answer };
}

const question = (from: number) => [{ from, to: from + 1, classes: {} }] as never;
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

afterEach(() => useStatsData.setState({ version: 0 }));

describe('sharedPageAsker', () => {
  it('lets a second panel join the same question in flight instead of asking the worker again', async () => {
    const { client, answer } = manualClient();
    const [table, bars] = [sharedPageAsker(client), sharedPageAsker(client)];
    useStatsData.setState({ version: 1 });
    const a = table('kpis', question(1));
    const b = bars('kpis', question(1));
    await answer(1);
    expect(await a).toMatchObject({ ok: true });
    expect(await b).toEqual(await a);
  });

  it('never lets a panel’s old joined question, asked again, push out the question it asks now', async () => {
    const { client, answer } = manualClient();
    const [x, y] = [sharedPageAsker(client), sharedPageAsker(client)];
    // Data version 3: x asks, y joins x. Version 4: the same again (x's first question is now superseded).
    useStatsData.setState({ version: 3 });
    void x('series', question(3));
    let yAt3: unknown = 'unsettled';
    void y('series', question(3)).then((r) => (yAt3 = r));
    useStatsData.setState({ version: 4 });
    void x('series', question(4));
    void y('series', question(4));
    // Version 5: y asks first this time, and x joins y.
    useStatsData.setState({ version: 5 });
    const yAt5 = y('series', question(5));
    const xAt5 = x('series', question(5));
    // x's question of version 3 comes back superseded: y's join of it is over, and must not be asked again in y's queue.
    await answer(3);
    await settle();
    expect(yAt3).toBeNull();
    await answer(4);
    await answer(5);
    expect(await yAt5).toMatchObject({ ok: true, value: { value: { from: 5 } } });
    expect(await xAt5).toMatchObject({ ok: true, value: { value: { from: 5 } } });
  });
});
