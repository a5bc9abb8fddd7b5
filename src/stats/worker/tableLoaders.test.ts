import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { encodeTable, type EncodableFeature } from '../../data/columnar/encodeTable';
import type { PatchProperties } from '../../layers/patches/schema';
import type { CollectionId } from '../../layers/registry';
import { bucketEdges } from '../series/buckets';
import { createStatsApi, type StatsRange } from './statsApi';
import { withTableLoaders } from './tableLoaders';

const read = <T = Feature[]>(id: CollectionId) => (JSON.parse(readFileSync(`public/data/${id}.geojson`, 'utf8')) as FeatureCollection).features as T;
const table = (id: CollectionId) => encodeTable(id, read<EncodableFeature[]>(id));
const towns = read<Feature<Polygon | MultiPolygon, { code: string }>[]>('towns');
const regions = towns.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
const cst = (day: string) => Date.parse(`${day}T00:00:00+08:00`);

/** The engine as the page fed it before: GeoJSON features with ISO times. */
function fromFeatures() {
  const api = createStatsApi();
  api.loadTowns(regions);
  api.loadLamps(read('lamps'), read('lamp-faults'));
  api.loadManholes(read('manholes'), read('manhole-defects'));
  api.loadPatches(read<Feature<Polygon, PatchProperties>[]>('patches'));
  api.loadRailway(read<Feature<LineString>[]>('railways'), read<Feature<Polygon>[]>('railway-corridor'), read<Feature<Point, Record<string, unknown>>[]>('railway-issues'));
  return api;
}

/** The engine as the page feeds it now: columns, rebuilt in the worker with times as numbers. */
function fromTables() {
  const api = withTableLoaders(createStatsApi());
  api.loadTowns(regions);
  api.loadLampTables(table('lamps'), table('lamp-faults'));
  api.loadManholeTables(table('manholes'), table('manhole-defects'));
  api.loadPatchTable(table('patches'));
  api.loadRailwayTables(table('railways'), table('railway-corridor'), table('railway-issues'));
  return api;
}

describe('the stats worker fed columns', () => {
  const before = fromFeatures();
  const now = fromTables();
  const ranges: [string, StatsRange][] = [
    ['a month', { from: cst('2025-06-01'), to: cst('2025-07-01') }],
    ['a year, one town', { from: cst('2024-01-01'), to: cst('2025-01-01'), towns: ['370114001'] }],
    ['all six years, rain covers', { from: cst('2021-01-01'), to: cst('2026-11-01'), classes: { manholes: { kind: ['rain'] } } }],
  ];

  it.each(ranges)('gives every figure it gave from features: %s', (_, range) => {
    expect(now.query(range)).toEqual(before.query(range));
    expect(now.kpis(range)).toEqual(before.kpis(range));
    expect(now.hotspots(range)).toEqual(before.hotspots(range));
    const edges = bucketEdges(range.from, range.to);
    expect(now.series(edges, { towns: range.towns, classes: range.classes })).toEqual(before.series(edges, { towns: range.towns, classes: range.classes }));
  });
});
