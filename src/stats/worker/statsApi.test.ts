import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createStatsApi } from './statsApi';

const read = <T>(f: string) => JSON.parse(readFileSync(`public/data/${f}`, 'utf8')) as T;
const towns = read<FeatureCollection<Polygon | MultiPolygon, { code: string }>>('towns.geojson').features.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
const poles = read<FeatureCollection<Point, { lampCount: number }>>('lamps.geojson').features;
const faults = read<FeatureCollection<Point, Record<string, unknown>>>('lamp-faults.geojson').features;
const YEAR_2021 = { from: Date.parse('2021-01-01T00:00:00+08:00'), to: Date.parse('2022-01-01T00:00:00+08:00') };

describe('the stats worker API', () => {
  it('refuses lamps before towns, and answers null until loaded', () => {
    const api = createStatsApi();
    expect(() => api.loadLamps(poles, faults)).toThrow('load the towns');
    expect(api.lampStats(YEAR_2021)).toBeNull();
  });

  it('gives the district and per-town lamp figures for a range', () => {
    const api = createStatsApi();
    expect(api.loadTowns(towns)).toBe(18);
    expect(api.loadLamps(poles, faults)).toBe(faults.length);
    const stats = api.lampStats(YEAR_2021)!;
    expect(stats.codes).toHaveLength(18);
    expect(stats.district).toMatchObject({ poles: 14_187, lamps: 25_286 });
    expect(stats.district.faultsReported).toBe(faults.filter((f) => String(f.properties.reportedAt).startsWith('2021')).length);
    expect(stats.district.lightingRate!).toBeGreaterThan(0.99);
  });

  it('narrows to the chosen towns', () => {
    const api = createStatsApi();
    api.loadTowns(towns);
    api.loadLamps(poles, faults);
    const mingshui = api.lampStats({ ...YEAR_2021, towns: ['370114001'] })!;
    expect(mingshui.district.poles).toBe(poles.filter((p) => (p.properties as { townCode?: string }).townCode === '370114001').length);
    expect(mingshui.district.faultsReported).toBe(faults.filter((f) => f.properties.townCode === '370114001' && String(f.properties.reportedAt).startsWith('2021')).length);
  });
});
