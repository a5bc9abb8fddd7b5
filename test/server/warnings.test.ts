import { beforeAll, describe, expect, it } from 'vitest';
import { parseCst } from '../../src/layers/common/time';
import { serverAnswers } from '../../src/stats/serverAnswers';
import type { WarningsAnswer, WarningsQuery } from '../../src/stats/warnings/warnings';
import type { StatsApi, StatsRange } from '../../src/stats/worker/statsApi';
import { loadEngineFromBuild } from '../support/engine';
import { getJson, ogcApi } from './support';

type Query = WarningsQuery & Pick<StatsRange, 'classes'>;
const fromServer = (query: Query) => serverAnswers(ogcApi(), getJson).warnings(query);

/** Equal to the last digits the two sides can differ in: exp and log of two libraries. */
const close = (a: number, b: number, relative: number) => Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b), 1e-300);

function expectSameWarnings(got: WarningsAnswer, want: WarningsAnswer) {
  expect(got.cells.map(({ p: _p, expected: _e, ...c }) => c)).toEqual(want.cells.map(({ p: _p, expected: _e, ...c }) => c));
  got.cells.forEach((c, i) => {
    expect(close(c.p, want.cells[i].p, 1e-9), `${c.cell} p`).toBe(true);
    expect(close(c.expected, want.cells[i].expected, 1e-12), `${c.cell} expected`).toBe(true);
  });
  expect(got.dueSoonCounts).toEqual(want.dueSoonCounts);
  expect(got.dueSoonByTown).toEqual(want.dueSoonByTown);
  expect(got.dueSoonByUnit).toEqual(want.dueSoonByUnit);
  expect(got.dueSoon.map(({ position: _p, hoursLeft, ...c }) => ({ ...c, hoursLeft: Math.round(hoursLeft * 1e6) }))).toEqual(
    want.dueSoon.map(({ position: _p, hoursLeft, ...c }) => ({ ...c, hoursLeft: Math.round(hoursLeft * 1e6) })),
  );
  expect(got.repeatCount).toBe(want.repeatCount);
  expect(got.repeatByTown).toEqual(want.repeatByTown);
  expect(got.repeats.map(({ position: _p, ...r }) => r)).toEqual(want.repeats.map(({ position: _p, ...r }) => r));
  const key = (a: WarningsAnswer['anomalies'][number]) => `${a.layer}:${a.window}:${a.town}:${a.category}`;
  expect(got.anomalies.map(key).sort()).toEqual(want.anomalies.map(key).sort());
  for (const w of want.anomalies) {
    const g = got.anomalies.find((a) => key(a) === key(w))!;
    expect({ ...g, expected: 0, p: 0, seasonal: 0 }, key(w)).toEqual({ ...w, expected: 0, p: 0, seasonal: 0 });
    expect(close(g.expected, w.expected, 1e-12), `${key(w)} expected ${g.expected} vs ${w.expected}`).toBe(true);
    expect(close(g.seasonal, w.seasonal, 1e-12), `${key(w)} seasonal`).toBe(true);
    expect(close(g.p, w.p, 1e-9), `${key(w)} p ${g.p} vs ${w.p}`).toBe(true);
  }
  // The forecast: every figure of every layer, the bands' integers exactly.
  expect(got.forecast.map((f) => f.layer)).toEqual(want.forecast.map((f) => f.layer));
  want.forecast.forEach((w, i) => {
    const g = got.forecast[i];
    expect([g.total.low, g.total.high], `${w.layer} band`).toEqual([w.total.low, w.total.high]);
    expect(g.backlogNow, `${w.layer} backlog now`).toBe(w.backlogNow);
    for (const [name, a, b] of [
      ['trend', [g.trend], [w.trend]],
      ['expected', [g.total.expected], [w.total.expected]],
      ['daily', g.daily, w.daily],
      ['expected daily', g.expectedDaily, w.expectedDaily],
      ['backlog', g.backlog, w.backlog],
    ] as const) {
      expect(a.length, `${w.layer} ${name}`).toBe(b.length);
      a.forEach((v, k) => expect(close(v, b[k], 1e-12), `${w.layer} ${name}[${k}] ${v} vs ${b[k]}`).toBe(true));
    }
  });
}

describe('the early warnings in SQL equal the browser engine on the same data', () => {
  let engine: StatsApi;
  beforeAll(() => {
    engine = loadEngineFromBuild('public/data');
  });

  const moments: [string, Query][] = [
    ['at the end of the data: the planted storm and covers, every list whole', { now: parseCst(2026, 11, 1), hours: 24, limit: 1000 }],
    ['on a summer afternoon of 2025, 48 hours ahead, the soonest five', { now: parseCst(2025, 7, 15, 15, 0), hours: 48, limit: 5 }],
    ['on a winter morning of 2024, 36 hours ahead', { now: parseCst(2024, 1, 10, 8, 30), hours: 36, limit: 1000 }],
    ['on an autumn day of 2025 that had a count above its baseline', { now: parseCst(2025, 11, 9, 0, 0), hours: 24, limit: 1000 }],
    ['at the end of the data in one town', { now: parseCst(2026, 11, 1), hours: 24, limit: 1000, towns: ['370114006'] }],
    [
      'at the end of the data under class filters on every layer',
      { now: parseCst(2026, 11, 1), hours: 72, limit: 1000, classes: { streetLamps: { status: ['normal', 'faulty'] }, manholes: { kind: ['sewage', 'rain'] }, railway: { status: ['dispatched'] }, patches: { status: ['pending'] } } },
    ],
  ];

  it.each(moments)('%s', async (_name, query) => {
    const want = engine.warnings(query)!;
    const got = await fromServer(query);
    expect(got).not.toBeNull();
    expectSameWarnings(got!, want);
  });

  it('the moments above are not empty: cases due, assets failing again and anomalies are all compared', () => {
    const [end, summer, , autumn] = moments.map(([, q]) => engine.warnings(q)!);
    expect(end.anomalies.length).toBeGreaterThanOrEqual(5);
    expect(end.repeats.length).toBeGreaterThanOrEqual(20);
    expect(summer.dueSoonCounts.watch + summer.dueSoonCounts.high + summer.dueSoonCounts.critical).toBeGreaterThan(5);
    expect(autumn.anomalies.length).toBeGreaterThan(0);
    // The forecasts are not all quiet: a trend other than 1, and days of reports.
    expect(end.forecast.some((f) => f.trend !== 1)).toBe(true);
    expect(end.forecast.every((f) => f.backlog.length === 7)).toBe(true);
    expect(end.forecast.find((f) => f.layer === 'lamps')!.daily.some((d) => d > 0)).toBe(true);
    // The planted batch of sinking covers is a cluster in one cell.
    expect(end.cells.map((c) => c.layer)).toContain('manholes');
  });
});
