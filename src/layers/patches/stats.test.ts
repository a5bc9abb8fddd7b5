import { buildTownIndex } from '../../stats/towns/townIndex';
import * as turf from '@turf/turf';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DATA_END_MS } from '../common/time';
import type { PatchProperties } from './schema';
import { patchStatsReference } from '../../../test/support/patchStatsReference';
import { buildPatchTable, patchStats, statusAt } from './stats';

const D = 86_400_000;
const T0 = Date.parse('2024-01-01T00:00:00+08:00');
const iso = (days: number | null) => (days === null ? null : new Date(T0 + days * D).toISOString());
const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
// Two towns side by side near Zhangqiu, sharing the meridian 117.5.
const towns = [
  { code: '370114002', geometry: box(117.49, 36.7, 117.5, 36.71) },
  { code: '370114001', geometry: box(117.5, 36.7, 117.51, 36.71) },
];
const patch = (id: string, geometry: Polygon, dates: [number, number | null, number | null, number | null], status: PatchProperties['status']): Feature<Polygon, PatchProperties> => ({
  type: 'Feature',
  id,
  geometry,
  properties: {
    id, batchId: '2024Q1', detectedAt: iso(dates[0])!, areaM2: 0, landType: 'cultivated', changeType: 'newBuilding', townCode: '370114001', village: '',
    status, verifiedAt: iso(dates[1]), rectifyStartedAt: iso(dates[2]), disposedAt: iso(dates[3]), deadline: iso(120)!, greenedM2: 0,
  },
});

describe('patch statistics (golden)', () => {
  const straddling = patch('a', box(117.499, 36.704, 117.501, 36.706), [0, 10, 20, 50], 'demolished');
  const halfOutside = patch('b', box(117.505, 36.709, 117.507, 36.711), [5, 8, null, null], 'legal');
  const pending = patch('c', box(117.492, 36.702, 117.493, 36.703), [40, null, null, null], 'pending');
  const table = buildPatchTable([straddling, halfOutside, pending], towns);

  it('splits a patch that crosses a town boundary between the towns, the parts adding up to the whole', () => {
    const slotsOfA = [...table.partSlot.slice(table.partStart[0], table.partStart[1])];
    const areasOfA = [...table.partArea.slice(table.partStart[0], table.partStart[1])];
    expect(slotsOfA.sort()).toEqual([1, 2]);
    expect(Math.abs(areasOfA.reduce((a, b) => a + b, 0) - table.areaM2[0]) / table.areaM2[0]).toBeLessThan(0.001);
    expect(areasOfA[0] / areasOfA[1]).toBeCloseTo(1, 2);
  });

  it('counts the part of a patch outside every town as outside the district', () => {
    const slots = [...table.partSlot.slice(table.partStart[1], table.partStart[2])];
    expect(slots.sort()).toEqual([0, 1]);
  });

  it('derives each status from the dates', () => {
    expect([5, 15, 30, 60].map((d) => statusAt(table, 0, T0 + d * D))).toEqual(['pending', 'illegal', 'rectifying', 'demolished']);
    expect(statusAt(table, 2, T0 + 30 * D)).toBeNull();
    expect(statusAt(table, 1, T0 + 30 * D)).toBe('legal');
  });

  it('gives rates and demolished area per town and for the district', () => {
    const { bySlot, district } = patchStats(table, T0, T0 + 60 * D);
    expect(district).toMatchObject({ detected: 3, verificationRate: 2 / 3, disposalRate: 1, demolishedInRange: 1 });
    expect(district.demolishedAreaM2).toBeCloseTo(table.areaM2[0], 6);
    expect(bySlot[1].demolishedAreaM2 + bySlot[2].demolishedAreaM2).toBeCloseTo(table.areaM2[0], 3);
    expect(bySlot[2].countByStatus.pending).toBe(1);
  });

  it('counts a patch once for the kept towns, with the area of its parts there', () => {
    const onlyFirst = patchStats(table, T0, T0 + 60 * D, new Set([0])); // town index 0 = 370114001, east of 117.5
    expect(onlyFirst.district.detected).toBe(2); // the straddling patch and the one half outside
    expect(onlyFirst.district.demolishedAreaM2).toBeCloseTo(onlyFirst.bySlot[1].demolishedAreaM2, 6);
    expect(onlyFirst.district.demolishedAreaM2).toBeLessThan(table.areaM2[0] * 0.51);
    expect(onlyFirst.bySlot[2].detected).toBe(0);
  });
});

describe('patch statistics on the bundled data', () => {
  const read = <T>(f: string) => JSON.parse(readFileSync(`public/data/${f}`, 'utf8')) as T;
  const regions = read<FeatureCollection<Polygon | MultiPolygon, { code: string }>>('towns.geojson').features.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
  const patches = read<FeatureCollection<Polygon, PatchProperties>>('patches.geojson').features;
  const table = buildPatchTable(patches, regions);

  it('splits every patch into parts that add up to it within 0.1%, and many patches between two towns', () => {
    let split = 0;
    for (let i = 0; i < table.size; i++) {
      let sum = 0;
      for (let k = table.partStart[i]; k < table.partStart[i + 1]; k++) sum += table.partArea[k];
      expect(Math.abs(sum - table.areaM2[i]) / table.areaM2[i]).toBeLessThan(0.001);
      if (table.partStart[i + 1] - table.partStart[i] > 1) split++;
    }
    expect(split).toBeGreaterThan(50);
    expect(Math.abs(table.areaM2[0] - turf.area(patches[0])) < 1e-6).toBe(true);
  });

  it('reproduces 2021: 169 demolitions of about 239,300 m², the towns adding up to the district', () => {
    const { bySlot, district } = patchStats(table, Date.parse('2021-01-01T00:00:00+08:00'), Date.parse('2022-01-01T00:00:00+08:00'));
    expect(district.demolishedInRange).toBe(169);
    expect(Math.abs(district.demolishedAreaM2 - 239_300) / 239_300).toBeLessThan(0.01);
    const townsTotal = bySlot.reduce((a, s) => a + s.demolishedAreaM2, 0);
    expect(Math.abs(townsTotal - district.demolishedAreaM2) / district.demolishedAreaM2).toBeLessThan(0.001);
  });

  it('agrees at the end of the data with the statuses the data records', () => {
    const { district } = patchStats(table, 0, DATA_END_MS);
    const recorded = Object.fromEntries(Object.keys(district.countByStatus).map((s) => [s, patches.filter((p) => p.properties.status === s).length]));
    expect(district.countByStatus).toEqual(recorded);
  });
});

describe('patchStats against the straightforward reference, on the bundled patches', () => {
  const regions = (JSON.parse(readFileSync('public/data/towns.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { code: string }>).features.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
  const features = (JSON.parse(readFileSync('public/data/patches.geojson', 'utf8')) as FeatureCollection<Polygon, PatchProperties>).features;
  const table = buildPatchTable(features, regions);
  const windows = [
    [Date.parse('2021-01-01T00:00:00+08:00'), DATA_END_MS],
    [Date.parse('2023-04-01T00:00:00+08:00'), Date.parse('2023-07-01T00:00:00+08:00')],
    [Date.parse('2025-12-31T00:00:00+08:00'), Date.parse('2026-01-01T00:00:00+08:00')],
  ];
  const keep = Uint8Array.from(features, (_, i) => (i % 3 === 0 ? 0 : 1));

  it('splits every patch between the towns alike with and without the town grid settling whole patches', () => {
    const index = buildTownIndex(regions);
    const settled = index.townOfBox.bind(index);
    let whole = 0;
    for (const f of features) {
      const [w, s, e, n] = turf.bbox(f);
      if (settled(w, s, e, n) !== null) whole++;
    }
    // Most patches lie well inside one town: the grid settles them without clipping.
    expect(whole).toBeGreaterThan(features.length * 0.8);
    const settledTable = buildPatchTable(features, regions, index);
    // The same parts in the same towns; a settled part's area is the patch's own, where clipping
    // could differ in the twelfth digit.
    const { partArea, ...rest } = settledTable;
    const { partArea: clippedArea, ...clippedRest } = table;
    expect(rest).toEqual(clippedRest);
    partArea.forEach((a, k) => expect(Math.abs(a - clippedArea[k])).toBeLessThanOrEqual(clippedArea[k] * 1e-9));
  });

  it.each(windows)('agrees from %i to %i, for every town, some towns and a class mask', (from, to) => {
    expect(patchStats(table, from, to)).toEqual(patchStatsReference(table, from, to));
    const some = new Set([-1, 0, 3, 7]);
    expect(patchStats(table, from, to, some)).toEqual(patchStatsReference(table, from, to, some));
    expect(patchStats(table, from, to, null, keep)).toEqual(patchStatsReference(table, from, to, null, keep));
  });
});
