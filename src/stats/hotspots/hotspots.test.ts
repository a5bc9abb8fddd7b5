import { latLngToCell } from 'h3-js';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createStatsApi } from '../worker/statsApi';
import { HOT_CELL_RESOLUTION } from './hotCells';
import { weekdayHour } from './hourWeekGrid';

const read = <T>(f: string) => JSON.parse(readFileSync(`public/data/${f}`, 'utf8')) as T;
const towns = read<FeatureCollection<Polygon | MultiPolygon, { code: string }>>('towns.geojson').features;
const defects = read<FeatureCollection<Point, Record<string, unknown>>>('manhole-defects.geojson').features;
const YEAR = { from: Date.parse('2025-01-01T00:00:00+08:00'), to: Date.parse('2026-01-01T00:00:00+08:00') };

describe('weekdayHour', () => {
  it('reads China time, Monday first', () => {
    expect(weekdayHour(Date.parse('2026-11-30T09:15:00+08:00'))).toEqual([0, 9]); // a Monday
    expect(weekdayHour(Date.parse('2026-11-29T23:59:00+08:00'))).toEqual([6, 23]); // Sunday night
    expect(weekdayHour(Date.parse('2026-11-29T16:30:00Z'))).toEqual([0, 0]); // UTC Sunday, already Monday in China
  });
});

describe('hot spots from the engine', () => {
  const api = createStatsApi();
  api.loadTowns(towns.map((f) => ({ code: f.properties.code, geometry: f.geometry })));
  api.loadManholes(read<FeatureCollection<Point, { kind: string }>>('manholes.geojson').features, defects as Feature<Point, Record<string, unknown>>[]);
  const inYear = defects.filter((d) => {
    const t = Date.parse(String(d.properties.reportedAt));
    return t >= YEAR.from && t < YEAR.to;
  });

  it('counts every report of the range once in the weekday × hour grid', () => {
    const answer = api.hotspots({ ...YEAR, layers: ['manholes'] })!;
    expect(answer.grid).toHaveLength(168);
    expect(answer.grid.reduce((a, b) => a + b, 0)).toBe(inYear.length);
    const mondayNine = inYear.filter((d) => weekdayHour(Date.parse(String(d.properties.reportedAt))).join() === '0,9').length;
    expect(answer.grid[9]).toBe(mondayNine);
  });

  it('ranks cells by reports, as a naive count per H3 cell does, with the dominant problem', () => {
    const answer = api.hotspots({ ...YEAR, layers: ['manholes'] })!;
    const naive = new Map<string, Feature<Point, Record<string, unknown>>[]>();
    for (const d of inYear) {
      const cell = latLngToCell(d.geometry.coordinates[1], d.geometry.coordinates[0], HOT_CELL_RESOLUTION);
      naive.set(cell, [...(naive.get(cell) ?? []), d]);
    }
    expect(answer.cells).toHaveLength(naive.size);
    const top = answer.cells[0];
    expect(top.count).toBe(Math.max(...[...naive.values()].map((v) => v.length)));
    const inTop = naive.get(top.cell)!;
    const byDefect = new Map<string, number>();
    for (const d of inTop) byDefect.set(String(d.properties.defect), (byDefect.get(String(d.properties.defect)) ?? 0) + 1);
    expect(top.dominant.count).toBe(Math.max(...byDefect.values()));
    expect(byDefect.get(top.problem)).toBe(top.dominant.count);
    expect(top.town).toMatch(/^370114/);
    expect(top.boundary.length).toBeGreaterThanOrEqual(6);
  });

  it('narrows to a town', () => {
    const code = towns[0].properties.code;
    const answer = api.hotspots({ ...YEAR, towns: [code], layers: ['manholes'] })!;
    expect(answer.grid.reduce((a, b) => a + b, 0)).toBe(inYear.filter((d) => d.properties.townCode === code).length);
  });
});
