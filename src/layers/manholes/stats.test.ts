import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildTownIndex } from '../../stats/towns/townIndex';
import { DATA_END_MS } from '../common/time';
import { coverInventory, defectTable, manholeStats } from './stats';

const read = <T>(f: string) => JSON.parse(readFileSync(`public/data/${f}`, 'utf8')) as T;
const towns = buildTownIndex(read<FeatureCollection<Polygon | MultiPolygon, { code: string }>>('towns.geojson').features.map((f) => ({ code: f.properties.code, geometry: f.geometry })));
const covers = read<FeatureCollection<Point, { kind: string; townCode: string; status: string }>>('manholes.geojson').features;
const defects = read<FeatureCollection<Point, Record<string, unknown>>>('manhole-defects.geojson').features;
const inventory = coverInventory(covers, towns);
const table = defectTable(defects, towns);

describe('manhole statistics on the bundled data', () => {
  it('counts every cover by kind, town by town', () => {
    const { district, bySlot } = manholeStats(inventory, table, towns.codes.length, { from: 0, to: DATA_END_MS });
    expect(district.covers).toBe(covers.length);
    expect(district.coversByKind.rain).toBe(covers.filter((c) => c.properties.kind === 'rain').length);
    const mingshui = towns.codes.indexOf('370114001') + 1;
    expect(bySlot[mingshui].covers).toBe(covers.filter((c) => c.properties.townCode === '370114001').length);
  });

  it('finds, at the end of the data, exactly the covers the data marks defective', () => {
    const { district } = manholeStats(inventory, table, towns.codes.length, { from: 0, to: DATA_END_MS });
    const openCases = defects.filter((d) => d.properties.handledAt === null).length;
    expect(district.openDefects).toBe(openCases);
    expect(new Set(defects.filter((d) => d.properties.handledAt === null).map((d) => d.properties.assetId)).size).toBe(covers.filter((c) => c.properties.status === 'defective').length);
    expect(district.openDefectsPer1000Covers).toBeCloseTo((openCases / covers.length) * 1000, 10);
  });

  it('counts 2021 defects reported and fixed, with a median time to fix', () => {
    const { district } = manholeStats(inventory, table, towns.codes.length, { from: Date.parse('2021-01-01T00:00:00+08:00'), to: Date.parse('2022-01-01T00:00:00+08:00') });
    expect(district.reported).toBe(defects.filter((d) => String(d.properties.reportedAt).startsWith('2021')).length);
    expect(district.fixed).toBeGreaterThan(1000);
    expect(district.medianFixMinutes).toBeGreaterThan(60);
  });

  it('narrows to a town', () => {
    const only = new Set([towns.codes.indexOf('370114002')]);
    const { district } = manholeStats(inventory, table, towns.codes.length, { from: 0, to: DATA_END_MS, towns: only });
    expect(district.covers).toBe(covers.filter((c) => c.properties.townCode === '370114002').length);
    expect(district.reported).toBe(defects.filter((d) => d.properties.townCode === '370114002').length);
  });
});
