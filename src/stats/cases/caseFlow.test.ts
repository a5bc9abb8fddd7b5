import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildTownIndex, OUTSIDE } from '../towns/townIndex';
import { buildCaseTable, LIFECYCLE_FIELDS } from './caseTable';
import { caseFlow, type CaseFlow } from './caseFlow';

const H = 3600_000;
const T0 = Date.parse('2024-03-01T00:00:00+08:00');
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const towns = buildTownIndex([
  { code: '370114001', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } },
  { code: '370114002', geometry: { type: 'Polygon', coordinates: [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]] } },
]);

function fault(id: string, x: number, reportedH: number, handledH: number | null, closedH: number | null, deadlineH: number, cause = 'cable', lamps = 1): Feature<Point, Record<string, unknown>> {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [x, 0.5] },
    properties: {
      reportedAt: iso(T0 + reportedH * H),
      handledAt: iso(handledH === null ? null : T0 + handledH * H),
      closedAt: iso(closedH === null ? null : T0 + closedH * H),
      deadline: iso(T0 + deadlineH * H),
      cause,
      lampsAffected: lamps,
    },
  };
}

describe('caseFlow (golden)', () => {
  const table = buildCaseTable(
    [
      fault('a', 0.5, -5, -4, -3, 19), // before the window, closed before it: counts nowhere
      fault('b', 0.5, -2, 3, 4, 22), // reported before, closed inside: done, not reported
      fault('c', 0.5, 1, 2, 3, 25), // inside, closed inside after 2 h
      fault('h', 0.5, 3, 9, 9.5, 4), // inside, handled 5 h after its deadline: overdue
      fault('d', 0.5, 2, 30, 31, 26, 'lightSource', 2), // inside; late, but its deadline is after the window: not yet overdue
      fault('e', 1.5, 5, null, null, 8, 'cable', 3), // town 2, still open and past its deadline
      fault('f', 5, 6, 7, 9, 30), // outside the district
      fault('g', 0.5, 12, 13, 14, 36), // after the window: never read
    ],
    towns,
    { ...LIFECYCLE_FIELDS, category: 'cause', amount: 'lampsAffected' },
    ['lightSource', 'cable'],
  );
  const result = caseFlow(table, towns.codes.length, { from: T0, to: T0 + 10 * H });
  const town1 = result.bySlot[1];

  it('counts reported, done, backlog and overdue by town', () => {
    expect(town1).toMatchObject<Partial<CaseFlow>>({ reported: 3, done: 3, doneOfReported: 2, doneRate: 2 / 3, backlog: 1, overdue: 1, openAmountAtEnd: 2 });
    expect(result.bySlot[2]).toMatchObject<Partial<CaseFlow>>({ reported: 1, done: 0, doneRate: 0, backlog: 1, overdue: 1, openAmountAtEnd: 3, medianMinutes: null });
  });

  it('counts cases outside every town in their own slot, never dropping them', () => {
    expect(result.bySlot[OUTSIDE + 1]).toMatchObject<Partial<CaseFlow>>({ reported: 1, done: 1 });
    expect(result.district.reported).toBe(5);
  });

  it('gives exact median and 90th-percentile times to close (nearest rank)', () => {
    // town 1 closed c (2 h after report), h (6.5 h) and b (6 h): median is rank 2 of 3, p90 rank 3.
    expect(town1.medianMinutes).toBe(360);
    expect(town1.p90Minutes).toBe(390);
    expect(result.district.medianMinutes).toBe(180); // 2 h, 3 h (outside), 6 h, 6.5 h: rank 2 of 4

  });

  it('measures repair time from handling when asked', () => {
    const repair = caseFlow(table, 2, { from: T0, to: T0 + 10 * H, doneStage: 'handled' });
    expect(repair.bySlot[1]).toMatchObject<Partial<CaseFlow>>({ done: 3, medianMinutes: 300, p90Minutes: 360 });
  });

  it('filters by category and town', () => {
    expect(caseFlow(table, 2, { from: T0, to: T0 + 10 * H, categories: new Set([0]) }).district.reported).toBe(1);
    expect(caseFlow(table, 2, { from: T0, to: T0 + 10 * H, categories: new Set([1]) }).district.reported).toBe(4);
    expect(caseFlow(table, 2, { from: T0, to: T0 + 10 * H, towns: new Set([1]) }).district.reported).toBe(1);
    expect(caseFlow(table, 2, { from: T0, to: T0 + 10 * H, towns: new Set([OUTSIDE]) }).district.reported).toBe(1);
  });
});

describe('caseFlow cross-checked on the bundled lamp faults', () => {
  const read = <T>(f: string) => JSON.parse(readFileSync(`public/data/${f}`, 'utf8')) as T;
  const townFc = read<FeatureCollection<Polygon | MultiPolygon, { code: string }>>('towns.geojson');
  const faults = read<FeatureCollection<Point, Record<string, string | number | null>>>('lamp-faults.geojson').features;
  const index = buildTownIndex(townFc.features.map((f) => ({ code: f.properties.code, geometry: f.geometry })));
  const table = buildCaseTable(faults, index, { ...LIFECYCLE_FIELDS, category: 'cause', amount: 'lampsAffected' }, ['lightSource', 'cable', 'controller', 'power', 'pole', 'vandalism']);

  /** The obvious way: filter the features of one town and sort the durations. */
  function naive(townCode: string, from: number, to: number) {
    const t = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : NaN);
    const mine = faults.filter((f) => f.properties.townCode === townCode);
    const inWindow = mine.filter((f) => t(f.properties.reportedAt) >= from && t(f.properties.reportedAt) < to);
    const closedIn = mine.filter((f) => t(f.properties.closedAt) >= from && t(f.properties.closedAt) < to && t(f.properties.reportedAt) < to);
    const minutes = closedIn.map((f) => Math.round((t(f.properties.closedAt) - t(f.properties.reportedAt)) / 60_000)).sort((a, b) => a - b);
    return {
      reported: inWindow.length,
      done: closedIn.length,
      backlog: mine.filter((f) => t(f.properties.reportedAt) < to && !(t(f.properties.closedAt) < to)).length,
      medianMinutes: minutes.length ? minutes[Math.ceil(0.5 * minutes.length) - 1] : null,
    };
  }

  it.each([
    ['2021', '2021-01-01', '2022-01-01'],
    ['March 2024', '2024-03-01', '2024-04-01'],
    ['one day', '2025-07-15', '2025-07-16'],
    ['the last week', '2026-10-25', '2026-11-01'],
  ])('agrees with a plain filter-and-sort for %s in every town', (_label, a, b) => {
    const from = Date.parse(`${a}T00:00:00+08:00`);
    const to = Date.parse(`${b}T00:00:00+08:00`);
    const result = caseFlow(table, index.codes.length, { from, to });
    index.codes.forEach((code, t) => {
      const { reported, done, backlog, medianMinutes } = result.bySlot[t + 1];
      expect({ reported, done, backlog, medianMinutes }, code).toEqual(naive(code, from, to));
    });
  });
});

describe('caseFlow from month snapshots agrees with visiting every case', () => {
  const read = <T>(f: string) => JSON.parse(readFileSync(`public/data/${f}`, 'utf8')) as T;
  const townFc = read<FeatureCollection<Polygon | MultiPolygon, { code: string }>>('towns.geojson');
  const faults = read<FeatureCollection<Point, Record<string, string | number | null>>>('lamp-faults.geojson').features;
  const index = buildTownIndex(townFc.features.map((f) => ({ code: f.properties.code, geometry: f.geometry })));
  const table = buildCaseTable(faults, index, { ...LIFECYCLE_FIELDS, category: 'cause', amount: 'lampsAffected' }, ['lightSource', 'cable', 'controller', 'power', 'pole', 'vandalism']);
  const first = table.reported[0] - 40 * 24 * H;
  const span = table.reported[table.size - 1] + 80 * 24 * H - first;
  // A small deterministic generator, so a failure can be replayed.
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const monthStarts = Array.from({ length: 72 }, (_, m) => Date.UTC(2021, m, 1) - 8 * H);
  const instant = () => (random() < 0.3 ? monthStarts[Math.floor(random() * monthStarts.length)] : Math.round(first + random() * span));

  it.each(Array.from({ length: 40 }, (_, i) => i))('for random window %i, with and without a town filter', () => {
    const [a, b] = [instant(), instant()].sort((x, y) => x - y);
    const towns = random() < 0.5 ? null : new Set([Math.floor(random() * index.codes.length), OUTSIDE]);
    for (const doneStage of ['closed', 'handled'] as const) {
      const query = { from: a, to: b + 1, towns, doneStage };
      expect(caseFlow(table, index.codes.length, query)).toEqual(caseFlow(table, index.codes.length, { ...query, strategy: 'scan' }));
    }
  });
});
