import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildTownIndex } from '../../stats/towns/townIndex';
import { lampFaultTable, lampInventory, lampStats } from './stats';

const H = 3600_000;
const T0 = Date.parse('2025-06-01T00:00:00+08:00');
const at = (h: number | null) => (h === null ? null : new Date(T0 + h * H).toISOString());
const towns = buildTownIndex([{ code: '370114001', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } }]);
const pole = (x: number, lampCount: number): Feature<Point, { lampCount: number }> => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [x, 0.5] }, properties: { lampCount } });
const fault = (reported: number, handled: number | null, lamps: number): Feature<Point, Record<string, unknown>> => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [0.5, 0.5] },
  properties: { reportedAt: at(reported), handledAt: at(handled), closedAt: at(handled === null ? null : handled + 1), deadline: at(reported + 24), cause: 'cable', lampsAffected: lamps },
});

describe('lampStats (golden)', () => {
  const inventory = lampInventory([pole(0.2, 2), pole(0.4, 2), pole(0.6, 1), pole(5, 1)], towns);
  const faults = lampFaultTable([fault(1, 5, 2), fault(2, null, 1), fault(3, 40, 1)], towns);
  const { bySlot, district } = lampStats(inventory, faults, 1, { from: T0, to: T0 + 30 * H });

  it('counts poles and lamps per town, and the ones outside the district apart', () => {
    expect(bySlot[1]).toMatchObject({ poles: 3, lamps: 5 });
    expect(bySlot[0]).toMatchObject({ poles: 1, lamps: 1 });
    expect(district).toMatchObject({ poles: 4, lamps: 6 });
  });

  it('gives the lighting rate from lamps still dark at the end of the range', () => {
    expect(bySlot[1].faultyLampsAtEnd).toBe(2); // the open fault (1 lamp) and the one repaired after the range (1 lamp)
    expect(bySlot[1].lightingRate).toBeCloseTo(3 / 5, 10);
  });

  it('times repairs from report to handling and flags overdue ones', () => {
    expect(bySlot[1]).toMatchObject({ faultsReported: 3, faultsRepaired: 1, medianRepairMinutes: 240, overdueFaults: 2 });
  });
});

describe('lampStats on the bundled data', () => {
  const read = <T>(f: string) => JSON.parse(readFileSync(`public/data/${f}`, 'utf8')) as T;
  const townFc = read<FeatureCollection<Polygon | MultiPolygon, { code: string }>>('towns.geojson');
  const index = buildTownIndex(townFc.features.map((f) => ({ code: f.properties.code, geometry: f.geometry })));
  const inventory = lampInventory(read<FeatureCollection<Point, { lampCount: number }>>('lamps.geojson').features, index);
  const faults = lampFaultTable(read<FeatureCollection<Point, Record<string, unknown>>>('lamp-faults.geojson').features, index);

  it('holds 14,187 poles and 25,286 lamps, all inside the district', () => {
    const { district, bySlot } = lampStats(inventory, faults, index.codes.length, { from: Date.parse('2021-01-01T00:00:00+08:00'), to: Date.parse('2022-01-01T00:00:00+08:00') });
    expect(district).toMatchObject({ poles: 14_187, lamps: 25_286 });
    expect(bySlot[0].poles).toBe(0);
  });

  it('keeps the district lighting rate above 99% at the end of every month, with the worst town visibly lower', () => {
    for (let month = 0; month < 70; month++) {
      const to = Date.parse(`${2021 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01T00:00:00+08:00`) + 20 * H;
      const { district } = lampStats(inventory, faults, index.codes.length, { from: to - 24 * H, to });
      expect(district.lightingRate!).toBeGreaterThan(0.99);
    }
  });
});
