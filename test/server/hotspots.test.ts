import { beforeAll, describe, expect, it } from 'vitest';
import { parseCst } from '../../src/layers/common/time';
import { serverAnswers } from '../../src/stats/serverAnswers';
import type { HotspotQuery } from '../../src/stats/serverHotspots';
import type { StatsApi } from '../../src/stats/worker/statsApi';
import { loadEngineFromBuild } from '../support/engine';
import { getJson, ogcApi } from './support';

describe('the hot spots in SQL (H3 cells computed at load) equal the browser engine on the same data', () => {
  let engine: StatsApi;
  beforeAll(() => {
    engine = loadEngineFromBuild('public/data');
  });

  const queries: [string, HotspotQuery][] = [
    ['a month', { from: parseCst(2025, 6, 1), to: parseCst(2025, 7, 1) }],
    ['a year in two towns', { from: parseCst(2025, 1, 1), to: parseCst(2026, 1, 1), towns: ['370114001', '370114002'] }],
    ['a quarter of lamp faults only', { from: parseCst(2024, 4, 1), to: parseCst(2024, 7, 1), layers: ['lamps'] }],
    [
      'half a year under class filters',
      { from: parseCst(2024, 1, 1), to: parseCst(2024, 7, 1), classes: { streetLamps: { lampType: ['led'] }, manholes: { kind: ['rain', 'sewage'] }, railway: { category: ['garbage'] } } },
    ],
  ];

  it.each(queries)('%s: the weekday × hour grid, and every cell with its count, town and most reported problem', async (_name, q) => {
    const want = engine.hotspots(q)!;
    const got = (await serverAnswers(ogcApi(), getJson).hotspots(q))!;
    expect(got).not.toBeNull();
    expect(want.cells.length).toBeGreaterThan(3);
    expect(got.grid).toEqual(want.grid);
    expect(got.cells.map((c) => [c.cell, c.count, c.town, c.problem, c.dominant])).toEqual(want.cells.map((c) => [c.cell, c.count, c.town, c.problem, c.dominant]));
    expect(got.cells.slice(0, 3)).toEqual(want.cells.slice(0, 3));
  });

  it('a class filter the server ignored would show: fewer cases under it', async () => {
    const q = { from: parseCst(2025, 1, 1), to: parseCst(2026, 1, 1) };
    const sum = (cells: { count: number }[]) => cells.reduce((a, c) => a + c.count, 0);
    const all = (await serverAnswers(ogcApi(), getJson).hotspots(q))!;
    const led = (await serverAnswers(ogcApi(), getJson).hotspots({ ...q, classes: { streetLamps: { lampType: ['led'] } } }))!;
    expect(sum(led.cells)).toBeGreaterThan(0);
    expect(sum(led.cells)).toBeLessThan(sum(all.cells));
  });
});
