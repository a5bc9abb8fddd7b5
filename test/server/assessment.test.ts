import { shippedAssessmentConfig } from '../support/assessmentConfig';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCst } from '../../src/layers/common/time';
import type { AssessmentAnswer, AssessmentRow } from '../../src/stats/assessment/assessment';
import type { Period } from '../../src/stats/assessment/periods';
import type { OpenCase } from '../../src/stats/assessment/report';
import { serverAnswers } from '../../src/stats/serverAnswers';
import { assessmentDetailUrls, parseAssessmentDetail } from '../../src/stats/serverAssessmentDetail';
import type { StatsApi } from '../../src/stats/worker/statsApi';
import { loadEngineFromBuild } from '../support/engine';
import { getJson, ogcApi } from './support';

const config = shippedAssessmentConfig();

/** A row as compared: every count, rate and duration and the score, of the three periods, and the rank. */
const plain = (r: AssessmentRow) => ({ code: r.code, rank: r.rank, flagged: r.flagged, now: [r.counts, r.rates, r.score], before: [r.previous.counts, r.previous.rates], yearBefore: [r.lastYear.counts, r.lastYear.rates] });
const rounded = (value: unknown) => JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e9) / 1e9 : v)));

function expectSame(got: AssessmentAnswer, want: AssessmentAnswer) {
  expect(rounded(plain(got.district))).toEqual(rounded(plain(want.district)));
  // The server lists the towns with a case in one of the periods; every town has one in these.
  expect(got.towns.map((t) => t.code)).toEqual(want.towns.map((t) => t.code));
  expect(rounded(got.towns.map(plain))).toEqual(rounded(want.towns.map(plain)));
  expect(rounded(got.units.map(plain))).toEqual(rounded(want.units.map(plain)));
  expect([got.unitsByDefault, got.unitsUnknown]).toEqual([want.unitsByDefault, want.unitsUnknown]);
}

describe('the assessment in SQL equals the browser engine on the same data', () => {
  let engine: StatsApi;
  beforeAll(() => {
    engine = loadEngineFromBuild('public/data');
  });

  const periods: [string, Period][] = [
    ['the last whole month of the data (October 2026), with its month before and a year before', { from: parseCst(2026, 10, 1), to: parseCst(2026, 11, 1) }],
    ['a summer month (July 2025)', { from: parseCst(2025, 7, 1), to: parseCst(2025, 8, 1) }],
    ['a quarter (2024 Q1), against the quarter before', { from: parseCst(2024, 1, 1), to: parseCst(2024, 4, 1) }],
    ['ten days across a month’s end, against the ten before', { from: parseCst(2025, 10, 25), to: parseCst(2025, 11, 4) }],
    ['the first month of the data, with nothing a year before', { from: parseCst(2021, 1, 1), to: parseCst(2021, 2, 1) }],
  ];

  it.each(periods)('%s', async (_name, period) => {
    const want = engine.assessment({ period, config })!;
    const got = await serverAnswers(ogcApi(), getJson).assessment({ period, config });
    expect(got).not.toBeNull();
    expect(want.district.counts.registered).toBeGreaterThan(0);
    expectSame(got!, want);
  });

  it.each(periods.slice(0, 3))('its detail (trends, worst categories, open cases) for %s', async (_name, period) => {
    const want = engine.assessmentDetail({ period, config })!;
    const got = (await serverAnswers(ogcApi(), getJson).assessmentDetail({ period, config }))!;
    expect(got).not.toBeNull();
    expectSame(got.answer, want.answer);
    expect(got.months).toEqual(want.months);
    const groups = ['district', ...want.answer.towns.map((t) => `town:${t.code}`), ...want.answer.units.map((u) => `unit:${u.code}`)] as const;
    for (const g of groups) expect(rounded(got.trend[g as keyof typeof got.trend]), g).toEqual(rounded(want.trend[g as keyof typeof want.trend]));
    expect(rounded(got.worstCategories)).toEqual(rounded(want.worstCategories));
    expect(got.openCounts).toEqual(want.openCounts);
    const listed = (cases: OpenCase[]) => cases.map((c) => [c.id, c.overdue]);
    // MapServer writes 7 decimals (about a centimetre).
    const apart = (a: OpenCase[], b: OpenCase[]) => Math.max(0, ...a.map((c, k) => Math.max(Math.abs(c.x - b[k].x), Math.abs(c.y - b[k].y))));
    expect(Object.keys(got.openCases).sort()).toEqual(Object.keys(want.openCases).sort());
    for (const g of Object.keys(want.openCases) as (keyof typeof want.openCases)[]) {
      expect(listed(got.openCases[g]), g).toEqual(listed(want.openCases[g]));
      expect(apart(got.openCases[g], want.openCases[g]), g).toBeLessThan(1e-6);
    }
    expect(Object.values(want.openCases).flat().length).toBeGreaterThan(0);

    // No group has 400 open cases here: asked for 3, the server stops each list where the engine's order does.
    const urls = assessmentDetailUrls(ogcApi(), period, config);
    const shortened = parseAssessmentDetail(await getJson(urls.counts), await getJson(urls.detail.replace('shown=400', 'shown=3')), period, config)!;
    expect(Object.values(want.openCounts).some((c) => c.open > 3)).toBe(true);
    for (const g of Object.keys(want.openCases) as (keyof typeof want.openCases)[]) expect(listed(shortened.openCases[g]), g).toEqual(listed(want.openCases[g].slice(0, 3)));
  });

  it('gives every ranked town a place and flags the last three, as the engine does', async () => {
    const period = { from: parseCst(2026, 10, 1), to: parseCst(2026, 11, 1) };
    const got = (await serverAnswers(ogcApi(), getJson).assessment({ period, config }))!;
    const ranked = got.towns.filter((t) => t.rank !== null);
    expect(ranked.length).toBeGreaterThan(10);
    expect(got.towns.filter((t) => t.flagged)).toHaveLength(3);
  });
});
