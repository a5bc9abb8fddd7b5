import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { defectTable } from '../../layers/manholes/stats';
import { railwayIssueTable } from '../../layers/railway/stats';
import { lampFaultTable } from '../../layers/streetLamps/stats';
import { buildTownIndex } from '../towns/townIndex';
import { closedKept, forecastCases, openAt, seasonalNaive } from './forecast';
import { backtestForecasts } from './forecastBacktest';
import { caseAt, tableOf } from './testCases';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-02T00:00:00+08:00');
const keepAll = () => true;

describe('the 7-day forecast (golden)', () => {
  // Eight weeks of one case every Monday and three every Tuesday, each closed a day later; and
  // two still open now, reported last Saturday and Sunday.
  const cases = Array.from({ length: 8 }, (_, w) => [
    caseAt(`mon${w}`, NOW - (w + 1) * 7 * DAY + 3_600_000, NOW - (w + 1) * 7 * DAY + DAY, NOW),
    ...[0, 1, 2].map((k) => caseAt(`tue${w}-${k}`, NOW - (w + 1) * 7 * DAY + DAY + 3_600_000, NOW - (w + 1) * 7 * DAY + 2 * DAY, NOW)),
  ]).flat();
  cases.push(caseAt('open1', NOW - 2 * DAY, null, NOW), caseAt('open2', NOW - DAY, null, NOW));
  const table = tableOf(cases);

  it('forecasts each day as the median of the same weekday in the last eight weeks, times the trend', () => {
    const f = forecastCases(table, NOW, keepAll, 1.5);
    // Saturday and Sunday had one case in eight weeks: the median is 0, the mean an eighth.
    expect(f.daily).toEqual([1.5, 4.5, 0, 0, 0, 0, 0]);
    expect(f.expectedDaily).toEqual([1.5, 4.5, 0, 0, 0, 0.1875, 0.1875]);
    expect(f.total.expected).toBe(6.375);
    expect(f.total.low).toBeLessThanOrEqual(6);
    expect(f.total.high).toBeGreaterThanOrEqual(7);
  });

  it('carries the backlog: open now, plus the expected reports, less the closures of that weekday', () => {
    expect(openAt(table, NOW, keepAll)).toBe(2);
    expect(closedKept(table, NOW - 7 * DAY + DAY, NOW - 7 * DAY + 2 * DAY, keepAll)).toBe(1);
    const f = forecastCases(table, NOW, keepAll, 1);
    // Monday: 2 + 1 reported − 0 closed (Monday's cases close on Tuesday); Tuesday: + 3 − 1; Wednesday: − 3.
    expect(f.backlog.slice(0, 3)).toEqual([3, 5, 2]);
  });

  it('the seasonal-naive forecast repeats last week', () => {
    expect(seasonalNaive(table, NOW, keepAll)).toEqual([1, 3, 0, 0, 0, 1, 1]);
  });
});

describe('the forecast backtest on the bundled data', () => {
  const read = <T>(f: string) => JSON.parse(readFileSync(`public/data/${f}`, 'utf8')) as T;
  const towns = read<FeatureCollection>('towns.geojson').features.map((f) => ({ code: String(f.properties!.code), geometry: f.geometry as never }));
  const index = buildTownIndex(towns);
  const points = (name: string) => read<FeatureCollection<Point>>(`${name}.geojson`).features as Feature<Point, Record<string, unknown>>[];
  const series = [
    { layer: 'lamps', table: lampFaultTable(points('lamp-faults'), index) },
    { layer: 'manholes', table: defectTable(points('manhole-defects'), index) },
    { layer: 'railway', table: railwayIssueTable(points('railway-issues'), index) },
  ];
  // The first of each month from 2025-04 to 2026-09: held out, each forecast from what came before it.
  const origins = Array.from({ length: 18 }, (_, m) => Date.parse(`${2025 + Math.floor((m + 3) / 12)}-${String(((m + 3) % 12) + 1).padStart(2, '0')}-01T00:00:00+08:00`));

  it('is reproducible, and beats the seasonal-naive forecast (mean absolute scaled error)', () => {
    const first = backtestForecasts(series, towns.length, origins);
    const again = backtestForecasts(series, towns.length, origins);
    expect(again).toEqual(first);
    expect(first.scored).toBeGreaterThan(500);
    expect(first.model.mean).toBeLessThan(first.naive.mean);
    expect(first.model.median).toBeLessThan(first.naive.median);
  });
});
