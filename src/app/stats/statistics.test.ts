import { describe, expect, it } from 'vitest';
import { kpiWindows, KPI_IDS, KPIS } from '../../stats/kpis';
import type { StatsClient } from '../../stats/worker/statsClient';
import { pageAsker, serverAsker } from './statistics';

const range = { from: Date.parse('2025-01-01T00:00:00+08:00'), to: Date.parse('2025-04-01T00:00:00+08:00') };
const windowsPage = (count: number) => ({ features: Array.from({ length: count }, (_, k) => ({ properties: { k, ...Object.fromEntries(KPI_IDS.map((id) => [KPIS[id].metric, k])) } })) });
// The cards' question asks for the range and the period before it; the sparklines are asked apart.
const windowCount = 2;
const sparkCount = kpiWindows(range).spark.length;

describe('where a statistics question goes', () => {
  it('with source=server, to the server: its answer comes with its source and the time it arrived', async () => {
    const answer = await serverAsker('/ogcapi', async () => windowsPage(windowCount), () => 42)('kpis', [range]);
    expect(answer).toMatchObject({ ok: true, value: { source: 'server', missing: [], asOf: 42 } });
    const spark = await serverAsker('/ogcapi', async () => windowsPage(sparkCount), () => 42)('kpiSpark', [range]);
    expect(spark).toMatchObject({ ok: true, value: { source: 'server', value: expect.any(Array) } });
  });

  it('a server failure is a failure with its reason, never an answer from elsewhere', async () => {
    const answer = await serverAsker('/ogcapi', () => Promise.reject(new Error('statistics: the server answered 500')))('kpis', [range]);
    expect(answer).toEqual({ ok: false, error: 'statistics: the server answered 500' });
  });

  it('a server answer missing windows is a failure too', async () => {
    const answer = await serverAsker('/ogcapi', async () => windowsPage(1))('kpis', [range]);
    expect(answer?.ok).toBe(false);
  });

  it('a question the server cannot answer (a drawn area) is a failure, not the page’s partial figures', async () => {
    const polygon = { type: 'Polygon' as const, coordinates: [[[117, 36], [118, 36], [118, 37], [117, 36]]] };
    const answer = await serverAsker('/ogcapi', async () => windowsPage(windowCount))('townRows', [{ ...range, spatial: { polygon } }]);
    expect(answer?.ok).toBe(false);
  });

  it('the early warnings are asked of the server’s warnings collection, and an answer not in its form is a failure', async () => {
    const asked: string[] = [];
    const answer = await serverAsker('/ogcapi', async (url) => (asked.push(url), { features: [{ properties: { kind: 'nonsense' } }] }))('warnings', [{ now: 0, hours: 24 }]);
    expect(answer?.ok).toBe(false);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^\/ogcapi\/collections\/warnings\/items\?.*now=1970-01-01T00%3A00%3A00.000Z.*hours=24/);
  });

  it('in the page, the worker answers and names the layers it has not indexed', async () => {
    const client = { latest: () => async () => ({ current: {}, previous: {}, spark: [] }) } as unknown as StatsClient;
    const answer = await pageAsker(client, () => ({ indexed: ['lamps', 'railway'], changedAt: 7 }))('kpis', [range]);
    expect(answer).toMatchObject({ ok: true, value: { source: 'page', missing: ['manholes', 'patches'], asOf: 7 } });
  });

  it('in the page, a superseded question gives nothing, and a worker error is a failure', async () => {
    const superseded = { latest: () => async () => null } as unknown as StatsClient;
    expect(await pageAsker(superseded, () => ({ indexed: [], changedAt: 0 }))('kpis', [range])).toBeNull();
    const broken = { latest: () => () => Promise.reject(new Error('load the towns before the layers')) } as unknown as StatsClient;
    expect(await pageAsker(broken, () => ({ indexed: [], changedAt: 0 }))('kpis', [range])).toEqual({ ok: false, error: 'load the towns before the layers' });
  });
});
