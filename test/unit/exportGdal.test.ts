import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { featuresKml } from '../../src/exports/formats/kml';
import { featuresShapefileZip, type DbfEncoding } from '../../src/exports/formats/shapefile';
import { ogr2ogr, ogrinfo } from '../support/gdal';

/** Exports read back by GDAL (Debian's ogr2ogr / ogrinfo), as a desktop GIS would read them. */
const bundled = (name: string, count: number) => (JSON.parse(readFileSync(`public/data/${name}.geojson`, 'utf8')) as FeatureCollection).features.slice(0, count);
const poles = bundled('lamps', 2000);
const patches = bundled('patches', 300);

/** Unzips a shapefile export into a folder; GDAL's reading of it as GeoJSON, and the field table. */
function readBack(zip: Uint8Array, name: string): { features: Feature[]; table: string[][]; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'shp-export-'));
  for (const [file, bytes] of Object.entries(unzipSync(zip))) writeFileSync(join(dir, file), bytes);
  ogr2ogr('-f', 'GeoJSON', join(dir, 'back.geojson'), join(dir, `${name}.shp`));
  const features = (JSON.parse(readFileSync(join(dir, 'back.geojson'), 'utf8')) as FeatureCollection).features;
  const table = readFileSync(join(dir, `${name}_fields.csv`), 'utf8').replace(/^\uFEFF/, '').split('\r\n').map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '')));
  return { features, table, dir };
}

/** Positions of a geometry, sorted (a shapefile orders rings its own way). */
const positions = (g: unknown) => {
  const flat = (JSON.stringify(g).match(/-?\d+\.?\d*(e-?\d+)?/g) ?? []).map(Number);
  const out: string[] = [];
  for (let i = 0; i < flat.length; i += 2) out.push(`${flat[i].toFixed(9)},${flat[i + 1].toFixed(9)}`);
  return out.sort();
};

describe.each<DbfEncoding>(['utf-8', 'gbk'])('a shapefile export in %s, read back by GDAL', (encoding) => {
  it.each([
    ['poles', poles],
    ['patches', patches],
  ] as const)('gives the same %s: geometry, every property under its 10-character name, the encoding and WGS84', (name, features) => {
    const { features: back, table, dir } = readBack(featuresShapefileZip(features, name, encoding), name);
    expect(back).toHaveLength(features.length);
    const dbfName = new Map(table.slice(1).map(([dbf, full]) => [full, dbf]));
    back.forEach((f, i) => {
      const original = features[i];
      expect(positions(f.geometry)).toEqual(positions(original.geometry));
      // A DBF logical field holds T or F; GDAL 3.6 reads it as that letter.
      for (const [key, value] of Object.entries(original.properties ?? {})) expect(f.properties![dbfName.get(key)!], `${i} ${key}`).toEqual(typeof value === 'boolean' ? (value ? 'T' : 'F') : value);
    });
    const info = ogrinfo('-so', join(dir, `${name}.shp`));
    expect(info).toMatch(/WGS[ _]84/);
    expect(readFileSync(join(dir, `${name}.cpg`), 'utf8')).toBe(encoding === 'gbk' ? 'GBK' : 'UTF-8');
  });
});

describe('the town statistics as a shapefile, read back by GDAL', () => {
  it('give each town polygon its figures under the field table’s names; a figure the town lacks is empty', () => {
    const towns = bundled('towns', 100).map((t, i) => ({ ...t, properties: { code: t.properties!.code, name: t.properties!.name, lightingRate: i % 5 === 0 ? null : 0.9 + i / 1000, overdueCases: i } }));
    const { features: back, table } = readBack(featuresShapefileZip(towns, 'town_stats', 'utf-8', (f) => (f === 'lightingRate' ? '亮灯率' : f)), 'town_stats');
    expect(table).toContainEqual(['lightingRa', 'lightingRate', '亮灯率']);
    expect(back.map((f) => f.properties!.name)).toEqual(towns.map((t) => t.properties.name));
    back.forEach((f, i) => {
      expect(positions(f.geometry)).toEqual(positions(towns[i].geometry));
      expect(f.properties!.lightingRa).toBe(towns[i].properties.lightingRate);
      expect(f.properties!.overdueCas).toBe(i);
    });
  });
});

describe('a KML export, read back by GDAL', () => {
  it('gives the same poles: points, ids as names, properties as extended data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kml-export-'));
    writeFileSync(join(dir, 'poles.kml'), featuresKml(poles));
    ogr2ogr('-f', 'GeoJSON', join(dir, 'back.geojson'), join(dir, 'poles.kml'));
    const back = (JSON.parse(readFileSync(join(dir, 'back.geojson'), 'utf8')) as FeatureCollection).features;
    expect(back).toHaveLength(poles.length);
    back.forEach((f, i) => {
      expect(positions(f.geometry)).toEqual(positions(poles[i].geometry));
      expect(f.properties!.Name).toBe(poles[i].id);
      expect(f.properties!.road).toBe(poles[i].properties!.road);
      expect(String(f.properties!.lampCount)).toBe(String(poles[i].properties!.lampCount));
    });
  });
});
