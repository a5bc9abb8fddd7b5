import * as turf from '@turf/turf';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildTownIndex } from '../towns/townIndex';
import { caseFlow } from './caseFlow';
import { buildCaseTable, LIFECYCLE_FIELDS } from './caseTable';
import { spatialMask } from './spatialMask';

const read = <T>(f: string) => JSON.parse(readFileSync(`public/data/${f}`, 'utf8')) as T;
const towns = buildTownIndex(read<FeatureCollection<Polygon | MultiPolygon, { code: string }>>('towns.geojson').features.map((f) => ({ code: f.properties.code, geometry: f.geometry })));
const faults = read<FeatureCollection<Point, Record<string, unknown>>>('lamp-faults.geojson').features;
const table = buildCaseTable(faults, towns, { ...LIFECYCLE_FIELDS, category: 'cause', amount: 'lampsAffected' }, ['lightSource', 'cable', 'controller', 'power', 'pole', 'vandalism']);
const from = Date.parse('2025-01-01T00:00:00+08:00');
const to = Date.parse('2026-01-01T00:00:00+08:00');
const t = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : NaN);

describe('spatial filters', () => {
  it('counts only the cases inside a drawn polygon, as Turf would', () => {
    const drawn = turf.circle([117.54, 36.71], 2.5, { units: 'kilometers', steps: 32 }).geometry;
    const result = caseFlow(table, towns.codes.length, { from, to, within: spatialMask(table, { polygon: drawn }) });
    const inside = faults.filter((f) => turf.booleanPointInPolygon(f.geometry, drawn));
    expect(result.district.reported).toBe(inside.filter((f) => t(f.properties.reportedAt) >= from && t(f.properties.reportedAt) < to).length);
    expect(result.district.backlog).toBe(inside.filter((f) => t(f.properties.reportedAt) < to && !(t(f.properties.closedAt) < to)).length);
    expect(result.district.done).toBe(inside.filter((f) => t(f.properties.closedAt) >= from && t(f.properties.closedAt) < to).length);
    expect(result.district.reported).toBeGreaterThan(100);
  });

  it('counts only the cases in the viewport', () => {
    const bbox = [117.5, 36.68, 117.6, 36.74] as const;
    const result = caseFlow(table, towns.codes.length, { from, to, within: spatialMask(table, { bbox }) });
    const [w, s, e, n] = bbox;
    const inView = faults.filter(({ geometry: { coordinates: [x, y] } }) => x >= w && x <= e && y >= s && y <= n);
    expect(result.district.reported).toBe(inView.filter((f) => t(f.properties.reportedAt) >= from && t(f.properties.reportedAt) < to).length);
  });

  it('changes nothing when the mask keeps every case', () => {
    const all = caseFlow(table, towns.codes.length, { from, to });
    const masked = caseFlow(table, towns.codes.length, { from, to, within: new Uint8Array(table.size).fill(1) });
    expect(masked).toEqual(all);
  });
});
