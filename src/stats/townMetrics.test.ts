import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { PatchProperties } from '../layers/patches/schema';
import { rankRows, townRows, TOWN_METRIC_IDS } from './townMetrics';
import { createStatsApi } from './worker/statsApi';

const read = <T>(f: string) => JSON.parse(readFileSync(`public/data/${f}`, 'utf8')) as T;
const towns = read<FeatureCollection<Polygon | MultiPolygon, { code: string }>>('towns.geojson').features;
const points = (f: string) => read<FeatureCollection<Point, Record<string, unknown>>>(f).features;
const api = createStatsApi();
api.loadTowns(towns.map((t) => ({ code: t.properties.code, geometry: t.geometry })));
api.loadLamps(points('lamps.geojson') as Feature<Point, { lampCount: number }>[], points('lamp-faults.geojson'));
api.loadManholes(points('manholes.geojson') as Feature<Point, { kind: string }>[], points('manhole-defects.geojson'));
api.loadPatches(read<FeatureCollection<Polygon, PatchProperties>>('patches.geojson').features);
api.loadRailway(read<FeatureCollection<LineString>>('railways.geojson').features, read<FeatureCollection<Polygon>>('railway-corridor.geojson').features, points('railway-issues.geojson'));
const YEAR_2025 = { from: Date.parse('2025-01-01T00:00:00+08:00'), to: Date.parse('2026-01-01T00:00:00+08:00') };
const answer = api.query(YEAR_2025)!;
const rows = townRows(answer);

describe('town metrics', () => {
  it('give no case total while a case layer is missing, rather than a smaller one that looks whole', () => {
    const withoutLamps = { ...answer, lamps: null, flows: { ...answer.flows, lamps: null } };
    const partial = townRows(withoutLamps);
    for (const id of ['casesReported', 'closureRate', 'overdueCases'] as const) expect(partial.district.values[id], id).toBeNull();
    expect(partial.district.values.railwayOpen).toBe(rows.district.values.railwayOpen);
  });

  it('give every town a row with each metric read from the engine, and the district apart', () => {
    expect(rows.towns.map((r) => r.code)).toEqual(answer.codes);
    const i = answer.codes.indexOf('370114001');
    expect(rows.towns[i].values.lightingRate).toBe(answer.lamps!.bySlot[i + 1].lightingRate);
    expect(rows.towns[i].values.medianRepairHours).toBe(answer.lamps!.bySlot[i + 1].medianRepairMinutes! / 60);
    expect(rows.district.values.openDefects).toBe(answer.manholes!.district.openDefects);
    expect(rows.district.values.railwayOpen).toBe(answer.railway!.district.open);
  });

  it('have a value for every town on every metric, except issues per km where no railway runs', () => {
    const noTrack = answer.codes.filter((_, i) => answer.railway!.bySlot[i + 1].trackKm === 0);
    expect(noTrack.length).toBeGreaterThan(0);
    for (const id of TOWN_METRIC_IDS) {
      const missing = rows.towns.filter((r) => r.values[id] === null).map((r) => r.code);
      // Where no railway runs there are no issues per km; a town may also have no case closed to time.
      if (id === 'railwayPerKm') expect(missing, id).toEqual(noTrack);
      else if (id !== 'medianFixHours' && id !== 'p90RepairHours') expect(missing, id).toEqual([]);
    }
  });

  it('rank towns so the worst three on a metric are flagged, whichever way is better', () => {
    const byFaults = rankRows(rows.towns, 'lampFaults');
    const mostFaults = Math.max(...rows.towns.map((r) => r.values.lampFaults!));
    const worst = rows.towns.findIndex((r) => r.values.lampFaults === mostFaults);
    expect(byFaults.bottomThree[worst]).toBe(true);
    expect(byFaults.bottomThree.filter(Boolean).length).toBeGreaterThanOrEqual(3);
    const byRate = rankRows(rows.towns, 'lightingRate');
    const best = rows.towns.findIndex((r) => r.values.lightingRate === Math.max(...rows.towns.map((x) => x.values.lightingRate!)));
    expect(byRate.rank[best]).toBe(1);
  });

  it('sum the case layers into the case-handling columns, and give densities per km² of town area', () => {
    const i = answer.codes.indexOf('370114001');
    const flows = (['lamps', 'manholes', 'railway'] as const).map((l) => answer.flows[l]!.bySlot[i + 1]);
    const town = rows.towns[i].values;
    expect(town.casesReported).toBe(flows.reduce((a, f) => a + f.reported, 0));
    expect(town.closureRate).toBeCloseTo(flows.reduce((a, f) => a + f.doneOfReported, 0) / flows.reduce((a, f) => a + f.reported, 0), 12);
    expect(town.backlog).toBe(flows.reduce((a, f) => a + f.backlog, 0));
    expect(town.lampFaultsPerKm2).toBeCloseTo(answer.lamps!.bySlot[i + 1].faultsReported / answer.areasKm2[i + 1]!, 9);
    expect(rows.district.values.casesReported).toBe(rows.towns.reduce((a, r) => a + r.values.casesReported!, 0) + rows.outside.values.casesReported!);
  });
});
