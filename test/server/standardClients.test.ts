import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCst } from '../../src/layers/common/time';
import { COLLECTION_IDS } from '../../src/layers/registry';
import { parseTownStats } from '../../src/stats/serverTownStats';
import { townRows } from '../../src/stats/townMetrics';
import type { StatsApi } from '../../src/stats/worker/statsApi';
import { loadEngineFromBuild } from '../support/engine';
import { tileOf } from '../support/tiles';
import { getJson, ogcApi, readData, serverUrl, testStack } from './support';
import { expectEqualRow } from './townRowsEqual';

/**
 * What a bureau's analyst gets from QGIS, ArcGIS Pro or ogr2ogr: GDAL's OGC API - Features driver
 * (OAPIF, Debian's gdal-bin) reads every collection by following the server's next links.
 */
function ogrRead(source: string, ...options: string[]): FeatureCollection {
  const out = execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', `OAPIF:${source}`, ...options], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, GDAL_HTTP_TIMEOUT: '60' } });
  return JSON.parse(out) as FeatureCollection;
}


/** The id GDAL keeps of a feature: the collection's id property (code for the boundaries). */
const idOf = (f: Feature) => String(f.properties?.id ?? f.properties?.code);

/**
 * A case's failed checks as GDAL hands them on. The server writes a JSON list; GDAL types the field
 * from its first 20 features (INITIAL_REQUEST_PAGE_SIZE), and where those hold no failed check it
 * keeps the field as JSON text, writing later lists either as lists or in its own list text,
 * "(2:t1,t2)". Both hold the same times.
 */
function listAsGdalWrites(value: unknown): unknown {
  const text = typeof value === 'string' ? /^\((\d+):(.*)\)$/.exec(value) : null;
  if (!text) return value;
  return text[1] === '0' ? [] : text[2].split(',');
}

function expectSameFeatures(read: FeatureCollection, file: Feature[], where: string) {
  const ids = read.features.map(idOf);
  expect(new Set(ids).size, `${where}: each feature once`).toBe(ids.length);
  expect(ids.sort(), where).toEqual(file.map((f) => String(f.id)).sort());
  const byId = new Map(read.features.map((f) => [idOf(f), f]));
  for (const f of file) {
    const got = byId.get(String(f.id))!.properties ?? {};
    // GDAL leaves a null value (a stage not reached) out of the feature; the file has null.
    for (const [key, value] of Object.entries(f.properties ?? {})) {
      const shown = key === 'failedChecks' ? listAsGdalWrites(got[key]) : got[key];
      expect(shown ?? null, `${where} ${String(f.id)} ${key}`).toEqual(value);
    }
  }
}

describe('GDAL (ogr2ogr, OAPIF) reads every collection whole: each feature once, properties equal', () => {
  it.each(COLLECTION_IDS)('%s, 1,000 features a page', (id) => {
    expectSameFeatures(ogrRead(ogcApi(), id, '-oo', 'PAGE_SIZE=1000'), readData(id).features, id);
  });

  // GDAL's default page size is 10: the smaller collections whole, the large ones within a
  // neighbourhood of Mingshui (a bbox GDAL sends along), as a person looking at a street would.
  const SMALL = COLLECTION_IDS.filter((id) => readData(id).features.length <= 2500);
  it.each(SMALL)('%s, at GDAL’s default page size', (id) => {
    expectSameFeatures(ogrRead(ogcApi(), id), readData(id).features, id);
  });

  const BOX = [117.52, 36.715, 117.535, 36.73] as const;
  const inBox = (f: Feature) => {
    const [x, y] = (f.geometry as Point).coordinates;
    return x >= BOX[0] && x <= BOX[2] && y >= BOX[1] && y <= BOX[3];
  };
  it.each(COLLECTION_IDS.filter((id) => !SMALL.includes(id)))('%s within a bbox, at GDAL’s default page size', (id) => {
    const want = readData(id).features.filter(inBox);
    expect(want.length).toBeGreaterThan(20);
    expectSameFeatures(ogrRead(ogcApi(), id, '-spat', ...BOX.map(String)), want, id);
  });
});

describe('the statistics through GDAL, with their parameters on the collection address', () => {
  let engine: StatsApi;
  beforeAll(() => {
    engine = loadEngineFromBuild('public/data');
  });

  it('town-stats for June 2025 equals the engine’s figures for every town, outside and the district', () => {
    const from = parseCst(2025, 6, 1);
    const to = parseCst(2025, 7, 1);
    const query = new URLSearchParams({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });
    const read = ogrRead(`${ogcApi()}/collections/town-stats?${query}`, '-oo', 'PAGE_SIZE=5');
    const rows = parseTownStats(read);
    if (!rows) throw new Error('GDAL’s town-stats is not a town-stats page');
    const engineRows = townRows(engine.query({ from, to })!);
    const served = new Map([...rows.towns, rows.outside, rows.district].map((r) => [r.code, r]));
    expect(served.size).toBe(engineRows.towns.length + 2);
    for (const row of [...engineRows.towns, engineRows.outside, engineRows.district]) expectEqualRow(row, served.get(row.code), row.code, engineRows.district);
  });
});

describe('links and metadata a client can follow', () => {
  const PUBLIC = testStack.origin;

  it('every link is absolute, on the configured public address, and none leads to an HTML page', async () => {
    const docs = [`${ogcApi()}?f=json`, `${ogcApi()}/collections?f=json`, `${ogcApi()}/collections/lamps?f=json`, `${ogcApi()}/collections/lamps/items?f=json&limit=2`];
    for (const url of docs) {
      const links = JSON.stringify(await getJson(url)).match(/"href":"[^"]*"/g) ?? [];
      expect(links.length, url).toBeGreaterThan(0);
      for (const link of links) {
        expect(link, url).toMatch(new RegExp(`^"href":"${PUBLIC}/mapserv/citygis/ogcapi`));
        expect(link, url).not.toMatch(/f=html/);
      }
    }
  });

  it('next links page by key to the end, each feature once, with numberMatched on the first page', async () => {
    const ids: string[] = [];
    let url: string | undefined = `${ogcApi()}/collections/lamps/items?f=json&limit=4000`;
    let matched: number | undefined;
    while (url) {
      const page: { features: { id: string }[]; numberMatched: number; numberReturned: number; links: { rel: string; href: string }[] } = await getJson(url);
      matched ??= page.numberMatched;
      expect(page.numberReturned).toBe(page.features.length);
      ids.push(...page.features.map((f) => f.id));
      url = page.links.find((l) => l.rel === 'next')?.href;
    }
    expect(matched).toBe(readData('lamps').features.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(matched);
  });

  it('a page asked by offset is refused with the way to page, never answered with the first page again', async () => {
    const res = await fetch(`${ogcApi()}/collections/lamps/items?f=json&limit=10&offset=10`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { description: string }).description).toBe('offset: this server pages by key: follow the next link (after=<last id>)');
  });

  it('conformance lists what is implemented (no HTML), and case collections carry their temporal extent', async () => {
    const { conformsTo } = await getJson<{ conformsTo: string[] }>(`${ogcApi()}/conformance?f=json`);
    expect(conformsTo).toContain('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core');
    expect(conformsTo).toContain('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson');
    expect(conformsTo.filter((c) => c.endsWith('/html'))).toEqual([]);
    const { collections } = await getJson<{ collections: { id: string; extent: { spatial: { bbox: number[][] }; temporal?: { interval: (string | null)[][] } } }[] }>(`${ogcApi()}/collections?f=json`);
    const faults = collections.find((c) => c.id === 'lamp-faults')!;
    const first = readData('lamp-faults').features.map((f) => String(f.properties!.reportedAt)).sort()[0];
    expect(faults.extent.temporal?.interval).toEqual([[first, null]]);
    expect(faults.extent.spatial.bbox[0]).toHaveLength(4);
    expect(collections.find((c) => c.id === 'roads')!.extent.temporal).toBeUndefined();
  });
});

describe('tiles outside the app: a TileJSON with absolute tile addresses', () => {
  it('names every tile layer with its zooms and fields, and its tile address fetches a real tile GDAL reads', async () => {
    const tilejson = await getJson<{ tilejson: string; tiles: string[]; vector_layers: { id: string; minzoom: number; maxzoom: number }[] }>(`${serverUrl()}/tiles.json`);
    expect(tilejson.tilejson).toBe('3.0.0');
    expect(tilejson.tiles[0].startsWith(`${testStack.origin}/mapserv?`)).toBe(true);
    expect(tilejson.vector_layers.map((l) => l.id).sort()).toEqual(['lamps-grid', 'lamps-points', 'lamps-towns', 'manholes-grid', 'manholes-points', 'manholes-towns', 'patches-polygons', 'railway-issues-points']);
    const [x, y] = tileOf(117.53, 36.72, 14);
    const res = await fetch(tilejson.tiles[0].replace('{x}', String(x)).replace('{y}', String(y)).replace('{z}', '14'));
    expect(res.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'citygis-tile-'));
    try {
      writeFileSync(join(dir, 'tile.pbf'), new Uint8Array(await res.arrayBuffer()));
      const info = execFileSync('ogrinfo', ['-ro', '-q', `MVT:${join(dir, 'tile.pbf')}`, '-oo', `X=${x}`, '-oo', `Y=${y}`, '-oo', 'Z=14'], { encoding: 'utf8' });
      expect(info).toMatch(/lamps-points/);
      expect(info).toMatch(/manholes-points/);
      expect(info).toMatch(/patches-polygons/);
      expect(info).toMatch(/railway-issues-points/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
