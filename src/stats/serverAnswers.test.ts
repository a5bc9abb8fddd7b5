import { describe, expect, it } from 'vitest';
import { KPI_IDS, KPIS, kpiWindows } from './kpis';
import { serverAnswers } from './serverAnswers';

/** A kpi-windows page: each window's figures are its start in days. */
const windowsPage = (url: string) => {
  const bounds = new URLSearchParams(url.split('?')[1]).get('windows')!.split(',').map(Number);
  const starts = bounds.filter((_, i) => i % 2 === 0);
  return { features: starts.map((from, k) => ({ properties: { k, ...Object.fromEntries(KPI_IDS.map((id) => [KPIS[id].metric, from / 86_400_000])) } })) };
};
const range = { from: Date.parse('2025-01-01T00:00:00+08:00'), to: Date.parse('2025-04-01T00:00:00+08:00') };

describe('the server answering the engine’s questions', () => {
  it('asks for the figures and the period before in one request, the sparklines in another, and reads them in order', async () => {
    const asked: string[] = [];
    const server = serverAnswers('/ogcapi', async (url) => (asked.push(url), windowsPage(url)));
    const answer = (await server.kpis(range))!;
    const windows = kpiWindows(range);
    expect(asked).toHaveLength(1);
    expect(answer.current.lightingRate).toBe(range.from / 86_400_000);
    expect(answer.previous.closureRate).toBe(windows.previous.from / 86_400_000);
    const spark = (await server.kpiSpark(range))!;
    expect(asked).toHaveLength(2);
    expect(new URLSearchParams(asked[1].split('?')[1]).get('windows')!.split(',')).toHaveLength(2 * windows.spark.length);
    expect(spark.map((s) => s.values.openDefects)).toEqual(windows.spark.map((w) => w.from / 86_400_000));
    expect(spark.map((s) => [s.from, s.to])).toEqual(windows.spark.map((w) => [w.from, w.to]));
  });

  it('rejects when the server fails, and gives null when it leaves a window out', async () => {
    await expect(serverAnswers('/ogcapi', () => Promise.reject(new Error('503'))).kpis(range)).rejects.toThrow('503');
    expect(await serverAnswers('/ogcapi', async () => null).kpis(range)).toBeNull();
    const short = (url: string) => ({ features: windowsPage(url).features.slice(1) });
    expect(await serverAnswers('/ogcapi', async (url) => short(url)).kpis(range)).toBeNull();
    expect(await serverAnswers('/ogcapi', async (url) => short(url)).kpiSpark(range)).toBeNull();
  });

  it('does not answer what it cannot filter (a viewport) or a series without a bucket', () => {
    const server = serverAnswers('/ogcapi', async () => null);
    expect(server.kpis({ ...range, spatial: { polygon: { type: 'Polygon', coordinates: [[[117, 36], [118, 36], [118, 37], [117, 36]]] } } })).toBeUndefined();
    expect(server.kpiSpark({ ...range, spatial: { polygon: { type: 'Polygon', coordinates: [[[117, 36], [118, 36], [118, 37], [117, 36]]] } } })).toBeUndefined();
    expect(server.series([range.from])).toBeUndefined();
    expect(server.townRows({ ...range, spatial: { polygon: { type: 'Polygon', coordinates: [[[117, 36], [118, 36], [118, 37], [117, 36]]] } } })).toBeUndefined();
  });
});
