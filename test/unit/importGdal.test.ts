import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../src/import/checkRecords';
import type { ImportTargetId } from '../../src/import/targets';
import { bundledSample, ogr2ogr, zipFolder } from '../support/gdal';
import { runImport } from '../support/importPipeline';

/**
 * The bundled poles (2,000) and patches (300) written by GDAL in the formats GIS tools produce,
 * then read back through the import as the dialog reads them (suggested mapping, declared system):
 * every feature comes back with its id, its geometry and its properties.
 */
const poles = bundledSample('lamps', 2000);
const patches = bundledSample('patches', 300);
const file = (dir: string, name: string) => new Uint8Array(readFileSync(join(dir, name)));

async function imported(bytes: Uint8Array, name: string, target: ImportTargetId, choice?: string): Promise<ImportOutcome> {
  const result = await runImport(bytes, name, target, {}, choice);
  if (!result.ok) throw new Error(`${name} refused: ${JSON.stringify(result.problem)}`);
  return result.outcome;
}

const ISO_TIME = /^(\d{4}-\d\d-\d\d)T[\d:.]+\+08:00$/;
/** A shapefile holds dates, not times (GDAL cuts them to the day): the bundled times as the day they fall on, China time. */
const asDays = (properties: Feature['properties']) =>
  Object.fromEntries(Object.entries(properties ?? {}).map(([k, v]) => [k, typeof v === 'string' && ISO_TIME.test(v) ? `${ISO_TIME.exec(v)![1]}T00:00:00+08:00` : v]));
/** Positions in a stable order: a shapefile writes rings clockwise, GeoJSON counter-clockwise. */
const positions = (g: unknown) => (JSON.stringify(g).match(/-?\d+\.?\d*(e-?\d+)?/g) ?? []).map(Number);
const pairs = (g: unknown) => {
  const flat = positions(g);
  const out: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
};

/** Each imported feature equals the bundled one with its id: geometry to the micrometre, every property. */
function expectSame(outcome: ImportOutcome, bundled: Feature[], tolerance = 1e-9, days = false) {
  expect(outcome.problems).toEqual([]);
  expect(outcome.features).toHaveLength(bundled.length);
  const byId = new Map(bundled.map((f) => [String(f.id), f]));
  for (const f of outcome.features) {
    const original = byId.get(String(f.id));
    expect(original, String(f.id)).toBeDefined();
    expect(f.properties).toEqual(days ? asDays(original!.properties) : original!.properties);
    const [a, b] = [pairs(f.geometry), pairs(original!.geometry)];
    expect(a.length).toBe(b.length);
    expect(Math.max(...a.map(([x, y], i) => Math.max(Math.abs(x - b[i][0]), Math.abs(y - b[i][1]))))).toBeLessThan(tolerance);
  }
}

describe('files written by GDAL read back through the import', () => {
  beforeAll(() => {
    for (const [sample, layer] of [[poles, 'lamps'], [patches, 'patches']] as const) {
      const { dir, source } = sample;
      ogr2ogr('-f', 'ESRI Shapefile', join(dir, `${layer}.shp`), source, '-lco', 'ENCODING=UTF-8');
      ogr2ogr('-f', 'GPKG', join(dir, `${layer}.gpkg`), source, '-nln', layer);
      ogr2ogr('-f', 'FlatGeobuf', join(dir, `${layer}.fgb`), source);
      ogr2ogr('-f', 'GeoJSONSeq', join(dir, `${layer}.geojsons`), source);
      ogr2ogr('-f', 'CSV', join(dir, `${layer}-wkt.csv`), source, '-lco', 'GEOMETRY=AS_WKT');
      ogr2ogr('-f', 'KML', join(dir, `${layer}.kml`), source);
    }
    ogr2ogr('-f', 'ESRI Shapefile', join(poles.dir, 'gbk.shp'), poles.source, '-lco', 'ENCODING=CP936');
    ogr2ogr('-f', 'ESRI Shapefile', join(poles.dir, 'gk.shp'), poles.source, '-t_srs', 'EPSG:4527', '-lco', 'ENCODING=UTF-8');
    ogr2ogr('-f', 'GeoJSON', join(poles.dir, 'mercator.geojson'), poles.source, '-t_srs', 'EPSG:3857', '-lco', 'RFC7946=NO');
    ogr2ogr('-f', 'CSV', join(poles.dir, 'xy.csv'), poles.source, '-lco', 'GEOMETRY=AS_XY');
    ogr2ogr('-f', 'XLSX', join(poles.dir, 'poles.xlsx'), join(poles.dir, 'xy.csv'), '-nln', '灯杆台账', '-oo', 'AUTODETECT_TYPE=YES');
    ogr2ogr('-f', 'GPKG', '-update', join(poles.dir, 'lamps.gpkg'), patches.source, '-nln', 'patches');
  }, 120_000);

  it('a zipped shapefile (UTF-8, .cpg and .prj): points, and polygons with their dates (a DBF holds no time of day)', async () => {
    expectSame(await imported(zipFolder(poles.dir, 'lamps'), 'lamps.zip', 'lamps'), poles.features);
    expectSame(await imported(zipFolder(patches.dir, 'patches'), 'patches.zip', 'patches'), patches.features, 1e-9, true);
  });

  it('a shapefile in GBK, with its .cpg and without one (the encoding is found from the bytes)', async () => {
    expectSame(await imported(zipFolder(poles.dir, 'gbk'), 'gbk.zip', 'lamps'), poles.features);
    expectSame(await imported(zipFolder(poles.dir, 'gbk', ['.cpg']), 'gbk-no-cpg.zip', 'lamps'), poles.features);
  });

  it('a shapefile in CGCS2000 Gauss–Krüger (3° zone 39): its .prj is applied and said', async () => {
    const outcome = await imported(zipFolder(poles.dir, 'gk'), 'gk.zip', 'lamps');
    expectSame(outcome, poles.features, 1e-7);
    expect(outcome.notices).toContainEqual(expect.objectContaining({ code: 'crsDeclared', crs: 'EPSG:4527', source: 'prj' }));
  });

  it('GeoJSON whose crs member says EPSG:3857 is converted without asking', async () => {
    const outcome = await imported(file(poles.dir, 'mercator.geojson'), 'mercator.geojson', 'lamps');
    expectSame(outcome, poles.features, 1e-7);
    expect(outcome.notices).toContainEqual(expect.objectContaining({ code: 'crsDeclared', crs: 'epsg3857', source: 'geojson' }));
  });

  it('a GeoPackage, each of its two layers', async () => {
    expectSame(await imported(file(poles.dir, 'lamps.gpkg'), 'lamps.gpkg', 'lamps', 'lamps'), poles.features);
    expectSame(await imported(file(poles.dir, 'lamps.gpkg'), 'lamps.gpkg', 'patches', 'patches'), patches.features);
  });

  it('FlatGeobuf', async () => {
    expectSame(await imported(file(poles.dir, 'lamps.fgb'), 'lamps.fgb', 'lamps'), poles.features);
    expectSame(await imported(file(patches.dir, 'patches.fgb'), 'patches.fgb', 'patches'), patches.features);
  });

  it('GeoJSONSeq', async () => {
    expectSame(await imported(file(poles.dir, 'lamps.geojsons'), 'lamps.geojsons', 'lamps'), poles.features);
  });

  it('CSV with a WKT geometry column: points, and polygons for patches', async () => {
    expectSame(await imported(file(poles.dir, 'lamps-wkt.csv'), 'lamps-wkt.csv', 'lamps'), poles.features);
    expectSame(await imported(file(patches.dir, 'patches-wkt.csv'), 'patches-wkt.csv', 'patches'), patches.features);
  });

  it('KML, points and polygons', async () => {
    expectSame(await imported(file(poles.dir, 'lamps.kml'), 'lamps.kml', 'lamps'), poles.features);
    expectSame(await imported(file(patches.dir, 'patches.kml'), 'patches.kml', 'patches'), patches.features);
  });

  it('an Excel workbook with X / Y columns', async () => {
    const result = await runImport(file(poles.dir, 'poles.xlsx'), 'poles.xlsx', 'lamps');
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    expectSame(result.outcome, poles.features);
  });
});
