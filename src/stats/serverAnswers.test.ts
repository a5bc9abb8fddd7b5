import { describe, expect, it } from 'vitest';
import { KPI_IDS, KPIS, kpiWindows } from './kpis';
import { serverAnswers } from './serverAnswers';

/** A town-stats page whose district row carries the KPI metrics, each the window's start in days. */
const districtPage = (url: string) => {
  const from = Date.parse(new URLSearchParams(url.split('?')[1]).get('from')!);
  return { features: [{ properties: { code: 'district', ...Object.fromEntries(KPI_IDS.map((id) => [KPIS[id].metric, from / 86_400_000])) } }] };
};
const range = { from: Date.parse('2025-01-01T00:00:00+08:00'), to: Date.parse('2025-04-01T00:00:00+08:00') };

describe('the server answering the engine’s questions', () => {
  it('asks the town statistics once per window and reads the cards from the district rows', async () => {
    const asked: string[] = [];
    const answer = (await serverAnswers('/ogcapi', async (url) => (asked.push(url), districtPage(url))).kpis(range))!;
    const windows = kpiWindows(range);
    expect(asked).toHaveLength(2 + windows.spark.length);
    expect(answer.current.lightingRate).toBe(range.from / 86_400_000);
    expect(answer.previous.closureRate).toBe(windows.previous.from / 86_400_000);
    expect(answer.spark.map((s) => s.values.openDefects)).toEqual(windows.spark.map((w) => w.from / 86_400_000));
  });

  it('gives null when any window fails, so the engine answers instead', async () => {
    let n = 0;
    expect(await serverAnswers('/ogcapi', async (url) => (++n === 3 ? null : districtPage(url))).kpis(range)).toBeNull();
  });

  it('does not answer what it cannot filter (a viewport) or a series without a bucket', () => {
    const server = serverAnswers('/ogcapi', async () => null);
    expect(server.kpis({ ...range, spatial: { polygon: { type: 'Polygon', coordinates: [[[117, 36], [118, 36], [118, 37], [117, 36]]] } } })).toBeUndefined();
    expect(server.series([range.from])).toBeUndefined();
  });
});
