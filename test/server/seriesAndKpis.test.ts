import { beforeAll, describe, expect, it } from 'vitest';
import { parseCst } from '../../src/layers/common/time';
import { bucketEdges, type BucketSize } from '../../src/stats/series/buckets';
import { serverAnswers } from '../../src/stats/serverAnswers';
import type { StatsApi, StatsRange } from '../../src/stats/worker/statsApi';
import { loadEngineFromBuild } from '../support/engine';
import { getJson, ogcApi } from './support';

const fromServer = () => serverAnswers(ogcApi(), getJson);

describe('the case series and the headline figures in SQL equal the browser engine on the same data', () => {
  let engine: StatsApi;
  beforeAll(() => {
    engine = loadEngineFromBuild('public/data');
  });

  const series: [string, number, number, BucketSize, Pick<StatsRange, 'towns' | 'classes'>][] = [
    ['months of the whole span', parseCst(2021, 1, 1), parseCst(2026, 11, 1), 'month', {}],
    ['weeks of 2025', parseCst(2025, 1, 1), parseCst(2026, 1, 1), 'week', {}],
    ['days of June 2025 in two towns', parseCst(2025, 6, 1), parseCst(2025, 7, 1), 'day', { towns: ['370114001', '370114002'] }],
    [
      'months of 2024 under class filters on every layer',
      parseCst(2024, 1, 1),
      parseCst(2025, 1, 1),
      'month',
      { classes: { streetLamps: { status: ['faulty', 'repairing'] }, manholes: { kind: ['rain', 'sewage'] }, patches: { landType: ['cultivated'] }, railway: { category: ['garbage'] } } },
    ],
  ];

  it.each(series)('%s: reported, closed and open per bucket, for every layer', async (_name, from, to, size, filter) => {
    const edges = bucketEdges(from, to, size);
    const want = engine.series(edges, filter)!;
    const got = (await fromServer().series(edges, filter))!;
    expect(got).not.toBeNull();
    for (const layer of ['lamps', 'manholes', 'railway', 'patches'] as const) {
      expect(want[layer]!.reported.reduce((a, b) => a + b, 0), `${layer} has cases in the range`).toBeGreaterThan(0);
      expect(got[layer], layer).toEqual(want[layer]);
    }
  });

  it('a class filter the server ignored would show: the filtered lamp series is smaller', async () => {
    const edges = bucketEdges(parseCst(2024, 1, 1), parseCst(2025, 1, 1), 'month');
    const all = (await fromServer().series(edges))!.lamps!.reported.reduce((a, b) => a + b, 0);
    const some = (await fromServer().series(edges, { classes: { streetLamps: { lampType: ['led'] } } }))!.lamps!.reported.reduce((a, b) => a + b, 0);
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(all);
  });

  const kpis: [string, StatsRange][] = [
    ['the last 30 days of the data', { from: parseCst(2026, 10, 2), to: parseCst(2026, 11, 1) }],
    ['a year in one town', { from: parseCst(2025, 1, 1), to: parseCst(2026, 1, 1), towns: ['370114001'] }],
    ['a quarter under class filters', { from: parseCst(2025, 4, 1), to: parseCst(2025, 7, 1), classes: { streetLamps: { lampType: ['led'] }, manholes: { kind: ['gas'] } } }],
    [
      'the whole span in two towns, with patch and railway filters',
      { from: parseCst(2021, 1, 1), to: parseCst(2026, 11, 1), towns: ['370114001', '370114005'], classes: { patches: { landType: ['cultivated'] }, railway: { category: ['garbage', 'film'] } } },
    ],
  ];

  it.each(kpis)('%s: the cards, the period before and every sparkline point', async (_name, range) => {
    const want = { ...engine.kpis(range)!, spark: engine.kpiSpark(range)! };
    const server = fromServer();
    const got = { ...(await server.kpis(range))!, spark: (await server.kpiSpark(range))! };
    expect(got.current).toBeDefined();
    expect(got.spark).not.toBeNull();
    expect(got.spark.map((s) => [s.from, s.to])).toEqual(want.spark.map((s) => [s.from, s.to]));
    for (const [where, a, b] of [['current', got.current, want.current], ['previous', got.previous, want.previous], ...got.spark.map((s, k) => [`spark ${k}`, s.values, want.spark[k].values] as const)] as const)
      for (const id of Object.keys(b) as (keyof typeof b)[]) {
        if (b[id] === null) expect(a[id], `${where} ${id}`).toBeNull();
        else expect(a[id], `${where} ${id}`).toBeCloseTo(b[id]!, 9);
      }
  });

  it('leaves a question with a viewport to the engine', () => {
    expect(fromServer().kpis({ from: 0, to: 1, spatial: { bbox: [117.4, 36.6, 117.6, 36.8] } })).toBeUndefined();
    expect(fromServer().kpiSpark({ from: 0, to: 1, spatial: { bbox: [117.4, 36.6, 117.6, 36.8] } })).toBeUndefined();
  });
});
