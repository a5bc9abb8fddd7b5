import * as turf from '@turf/turf';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { PatchProperties } from '../../layers/patches/schema';
import { createStatsApi } from './statsApi';

const read = <T>(f: string) => JSON.parse(readFileSync(`public/data/${f}`, 'utf8')) as T;
const towns = read<FeatureCollection<Polygon | MultiPolygon, { code: string; areaKm2: number }>>('towns.geojson').features;
const regions = towns.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
const poles = read<FeatureCollection<Point, { lampCount: number; townCode: string }>>('lamps.geojson').features;
const faults = read<FeatureCollection<Point, Record<string, unknown>>>('lamp-faults.geojson').features;
const YEAR_2021 = { from: Date.parse('2021-01-01T00:00:00+08:00'), to: Date.parse('2022-01-01T00:00:00+08:00') };

function loadedApi() {
  const api = createStatsApi();
  api.loadTowns(regions);
  api.loadLamps(poles, faults);
  api.loadManholes(read<FeatureCollection<Point, { kind: string }>>('manholes.geojson').features, read<FeatureCollection<Point>>('manhole-defects.geojson').features as Feature<Point, Record<string, unknown>>[]);
  api.loadPatches(read<FeatureCollection<Polygon, PatchProperties>>('patches.geojson').features);
  api.loadRailway(
    read<FeatureCollection<LineString>>('railways.geojson').features,
    read<FeatureCollection<Polygon>>('railway-corridor.geojson').features,
    read<FeatureCollection<Point>>('railway-issues.geojson').features as Feature<Point, Record<string, unknown>>[],
  );
  return api;
}

describe('the stats worker API', () => {
  it('refuses layers before towns, and answers null until towns are loaded', () => {
    const api = createStatsApi();
    expect(() => api.loadLamps(poles, faults)).toThrow('load the towns');
    expect(api.query(YEAR_2021)).toBeNull();
  });

  const api = loadedApi();

  it('answers every layer for a range, with town areas for densities', () => {
    const answer = api.query(YEAR_2021)!;
    expect(answer.codes).toHaveLength(18);
    expect(answer.areasKm2[0]).toBeNull();
    expect(answer.areasKm2.slice(1).reduce((a, b) => a! + b!, 0)).toBeCloseTo(towns.reduce((a, t) => a + t.properties.areaKm2, 0), 0);
    expect(answer.lamps!.district).toMatchObject({ poles: 14_187, lamps: 25_286 });
    expect(answer.lamps!.district.faultsReported).toBe(faults.filter((f) => String(f.properties.reportedAt).startsWith('2021')).length);
    expect(answer.manholes!.district.covers).toBe(47_236);
    expect(answer.patches!.district.demolishedInRange).toBe(169);
    expect(answer.railway!.district.reported).toBe(109);
  });

  it('narrows every layer to the chosen towns', () => {
    const mingshui = api.query({ ...YEAR_2021, towns: ['370114001'] })!;
    expect(mingshui.lamps!.district.poles).toBe(poles.filter((p) => p.properties.townCode === '370114001').length);
    expect(mingshui.lamps!.district.faultsReported).toBe(faults.filter((f) => f.properties.townCode === '370114001' && String(f.properties.reportedAt).startsWith('2021')).length);
    expect(mingshui.patches!.district.detected).toBeLessThan(api.query(YEAR_2021)!.patches!.district.detected);
  });

  it('applies a drawn area to the cases', () => {
    const drawn = turf.circle([117.54, 36.71], 3, { units: 'kilometers' }).geometry;
    const answer = api.query({ ...YEAR_2021, spatial: { polygon: drawn } })!;
    const inside = faults.filter((f) => String(f.properties.reportedAt).startsWith('2021') && turf.booleanPointInPolygon(f.geometry, drawn));
    expect(answer.lamps!.district.faultsReported).toBe(inside.length);
  });
});
