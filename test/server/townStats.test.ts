import { beforeAll, describe, expect, it } from 'vitest';
import { parseCst } from '../../src/layers/common/time';
import type { StatsApi, StatsRange } from '../../src/stats/worker/statsApi';
import { townRows, type TownMetricId, type TownRow } from '../../src/stats/townMetrics';
import { loadEngineFromBuild } from '../support/engine';
import { parseTownStats, townStatsUrl } from '../../src/stats/serverTownStats';
import { getJson, ogcApi } from './support';
import { expectEqualRow } from './townRowsEqual';

/** The server's rows by code (towns, 'outside', 'district'), read as the app reads them. */
async function serverRows(from: number, to: number, towns?: string[], classes?: StatsRange['classes']): Promise<Map<string, TownRow>> {
  const rows = parseTownStats(await getJson(townStatsUrl(ogcApi(), { from, to, towns, classes })));
  if (!rows) throw new Error('not a town-stats page');
  return new Map([...rows.towns, rows.outside, rows.district].map((r) => [r.code, r]));
}

describe('the town statistics in SQL equal the browser engine on the same data', () => {
  let engine: StatsApi;
  beforeAll(() => {
    engine = loadEngineFromBuild('public/data');
  });

  const windows: [string, number, number][] = [
    ['a month (2025-06)', parseCst(2025, 6, 1), parseCst(2025, 7, 1)],
    ['a year (2025)', parseCst(2025, 1, 1), parseCst(2026, 1, 1)],
    ['the whole span', parseCst(2021, 1, 1), parseCst(2026, 11, 1)],
    ['a window cutting days (2024-03-10 08:00 to 2024-04-20 17:30)', parseCst(2024, 3, 10, 8), parseCst(2024, 4, 20, 17, 30)],
  ];

  it.each(windows)('%s: every metric of every town, outside and the district', async (_name, from, to) => {
    const answer = engine.query({ from, to })!;
    const { towns, outside, district } = townRows(answer);
    const served = await serverRows(from, to);
    expect([...served.keys()].sort()).toEqual([...towns.map((t) => t.code), 'outside', 'district'].sort());
    for (const row of towns) expectEqualRow(row, served.get(row.code), row.code, district);
    expectEqualRow(outside, served.get('outside'), 'outside', district);
    expectEqualRow(district, served.get('district'), 'district', district);
  });

  it('with two towns kept, their rows and the district (their sum) equal the engine under the same town filter', async () => {
    const from = parseCst(2025, 1, 1);
    const to = parseCst(2026, 1, 1);
    const kept = ['370114001', '370114014'];
    const { towns, district } = townRows(engine.query({ from, to, towns: kept })!);
    const served = await serverRows(from, to, kept);
    expect([...served.keys()].sort()).toEqual([...kept, 'outside', 'district'].sort());
    expect(Object.values(served.get('outside')!.values).every((v) => v === null)).toBe(true);
    for (const row of towns.filter((t) => kept.includes(t.code))) expectEqualRow(row, served.get(row.code), row.code, district);
    expectEqualRow(district, served.get('district'), 'district', district);
  });

  // Each with a metric it must narrow (so a filter the server ignored would show).
  const classFilters: [string, NonNullable<StatsRange['classes']>, TownMetricId][] = [
    ['faulty and repairing poles of LED and sodium lamps', { streetLamps: { status: ['faulty', 'repairing'], lampType: ['led', 'sodium'] } }, 'lampFaults'],
    ['storm-water and sewage covers that are defective', { manholes: { kind: ['rain', 'sewage'], status: ['defective'] } }, 'covers'],
    ['patches on cultivated land, demolished or rectifying', { patches: { landType: ['cultivated'], status: ['demolished', 'rectifying'] } }, 'patchesDetected'],
    ['railway garbage and dust nets', { railway: { category: ['garbage', 'dustNet'] } }, 'railwayReported'],
    ['every layer at once', { streetLamps: { status: ['normal'] }, manholes: { kind: ['gas'] }, patches: { changeType: ['newBuilding'] }, railway: { category: ['dangerousTree'] } }, 'covers'],
  ];

  it.each(classFilters)('under class filters (%s), every row equals the engine under the same filters', async (_name, classes, narrowed) => {
    const from = parseCst(2024, 1, 1);
    const to = parseCst(2025, 7, 1);
    const { towns, outside, district } = townRows(engine.query({ from, to, classes })!);
    const all = townRows(engine.query({ from, to })!).district.values[narrowed]!;
    expect(district.values[narrowed]).toBeGreaterThan(0);
    expect(district.values[narrowed]).toBeLessThan(all);
    const served = await serverRows(from, to, undefined, classes);
    for (const row of [...towns, outside, district]) expectEqualRow(row, served.get(row.code), row.code, district);
  });
});
