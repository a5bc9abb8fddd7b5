import * as turf from '@turf/turf';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildTownIndex } from '../../stats/towns/townIndex';
import { railwayGeometry, railwayIssueTable, railwayStats } from './stats';

describe('railway geometry (golden)', () => {
  const box = (x0: number, x1: number): Polygon => ({ type: 'Polygon', coordinates: [[[x0, 36.6], [x1, 36.6], [x1, 36.8], [x0, 36.8], [x0, 36.6]]] });
  const regions = [
    { code: '370114001', geometry: box(117.4, 117.5) },
    { code: '370114002', geometry: box(117.5, 117.6) },
  ];
  const towns = buildTownIndex(regions);
  const line = turf.lineString([[117.45, 36.7], [117.65, 36.7]]);

  it('measures the track inside each town and outside them, adding up to the whole line', () => {
    const { trackKm } = railwayGeometry([line], [], regions, towns);
    const whole = turf.length(line);
    expect(trackKm[1]).toBeCloseTo(whole / 4, 2);
    expect(trackKm[2]).toBeCloseTo(whole / 2, 2);
    expect(trackKm[0]).toBeCloseTo(whole / 4, 2);
  });
});

describe('railway statistics on the bundled data', () => {
  const read = <T>(f: string) => JSON.parse(readFileSync(`public/data/${f}`, 'utf8')) as T;
  const regions = read<FeatureCollection<Polygon | MultiPolygon, { code: string }>>('towns.geojson').features.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
  const towns = buildTownIndex(regions);
  const railways = read<FeatureCollection<LineString | MultiLineString, { lengthKm: number }>>('railways.geojson').features;
  const corridors = read<FeatureCollection<Polygon | MultiPolygon>>('railway-corridor.geojson').features;
  const issues = read<FeatureCollection<Point, Record<string, unknown>>>('railway-issues.geojson').features;
  const geometry = railwayGeometry(railways, corridors, regions, towns);
  const table = railwayIssueTable(issues, towns);
  const YEAR_2021 = { from: Date.parse('2021-01-01T00:00:00+08:00'), to: Date.parse('2022-01-01T00:00:00+08:00') };

  it('splits the track between towns without losing any of it', () => {
    const total = railways.reduce((a, r) => a + r.properties.lengthKm, 0);
    const split = geometry.trackKm.reduce((a, b) => a + b, 0);
    expect(Math.abs(split - total) / total).toBeLessThan(0.001);
    expect(geometry.trackKm.filter((km) => km > 0).length).toBeGreaterThan(5);
  });

  it('splits the corridor between towns, all of it inside the district', () => {
    const total = corridors.reduce((a, c) => a + turf.area(c), 0) / 1e6;
    expect(Math.abs(geometry.corridorKm2.reduce((a, b) => a + b, 0) - total) / total).toBeLessThan(0.001);
    expect(geometry.corridorKm2[0]).toBeLessThan(total * 0.001);
  });

  it('reproduces the 2021 ledger: 109 items and the reported quantities', () => {
    const { district, bySlot } = railwayStats(geometry, table, towns.codes.length, YEAR_2021);
    expect(district.reported).toBe(109);
    expect(district.closed).toBe(109);
    expect(district.quantityByCategory).toMatchObject({ garbage: 8_618, dustNet: 21_320, film: 2_960, dangerousTree: 1_416 });
    expect(bySlot.reduce((a, s) => a + s.reported, 0)).toBe(109);
    expect(district.issuesPerKm).toBeCloseTo(109 / district.trackKm, 10);
  });
});
