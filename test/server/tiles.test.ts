import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, inject, it } from 'vitest';
import { mapServerTileUrl, tileBox, tileOf } from '../support/tiles';
import { readData, serverUrl, testStack } from './support';

async function tile(x: number, y: number, z: number, layers: string, extra = ''): Promise<{ tile: VectorTile; bytes: number; type: string | null; body: Uint8Array }> {
  const base = serverUrl().replace(/\/citygis$/, '');
  const res = await fetch(mapServerTileUrl(base, x, y, z, layers) + extra);
  expect(res.status).toBe(200);
  const body = new Uint8Array(await res.arrayBuffer());
  return { tile: new VectorTile(new PbfReader(body)), bytes: body.length, type: res.headers.get('content-type'), body };
}

const features = (t: VectorTile, layer: string) =>
  t.layers[layer] ? Array.from({ length: t.layers[layer].length }, (_, i) => t.layers[layer].feature(i).properties) : [];

// Mingshui (明水街道), the urban centre: lamps and covers are densest there.
const CENTRE: [number, number] = [117.53, 36.72];

describe('MapServer serves the large layers as Mapbox Vector Tiles', () => {
  it('at high zoom, a tile holds exactly the lamps and covers inside it, with their classes', async () => {
    const z = 15;
    const [x, y] = tileOf(...CENTRE, z);
    const { tile: t, type } = await tile(x, y, z, 'lamps-tiles+manholes-tiles');
    expect(type).toBe('application/vnd.mapbox-vector-tile');
    const [w, s, e, n] = tileBox(x, y, z);
    const inside = (name: string) =>
      readData(name).features.filter((f) => {
        const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates;
        return lon >= w && lon < e && lat > s && lat <= n;
      });
    const lamps = features(t, 'lamps-points');
    const covers = features(t, 'manholes-points');
    expect(lamps.length).toBeGreaterThan(10);
    // The tile's edge buffer adds neighbours, so every lamp inside must be there, and nothing far away.
    const lampIds = new Set(lamps.map((p) => String(p.id)));
    for (const f of inside('lamps')) expect(lampIds.has(String(f.id)), String(f.id)).toBe(true);
    for (const f of inside('manholes')) expect(covers.some((p) => p.id === f.id), String(f.id)).toBe(true);
    expect(new Set(lamps.map((p) => p.status))).toContain('normal');
    expect(features(t, 'lamps-towns')).toEqual([]);
    expect(features(t, 'lamps-grid')).toEqual([]);
  });

  it('a tile asked with the data version the page read (v) is the same tile: the version is for caches, MapServer does not read it', async () => {
    const [x, y] = tileOf(...CENTRE, 15);
    const plain = await tile(x, y, 15, 'lamps-tiles');
    const versioned = await tile(x, y, 15, 'lamps-tiles', '&v=5f3a9c1e');
    expect(versioned.bytes).toBeGreaterThan(0);
    expect(Buffer.from(versioned.body).equals(Buffer.from(plain.body))).toBe(true);
  });

  it('at low zoom, town totals replace the points, and they add up to the district', async () => {
    const z = 9;
    const [x, y] = tileOf(...CENTRE, z);
    const { tile: t, bytes } = await tile(x, y, z, 'lamps-tiles+manholes-tiles');
    expect(features(t, 'lamps-points')).toEqual([]);
    expect(features(t, 'lamps-grid')).toEqual([]);
    const towns = features(t, 'lamps-towns');
    expect(towns.length).toBeGreaterThan(0);
    const all = readData('lamps').features;
    for (const town of towns) {
      const own = all.filter((f) => f.properties!.townCode === town.code);
      expect(Number(town.poles), String(town.code)).toBe(own.length);
      expect(Number(town.faulty) + Number(town.normal) + Number(town.repairing)).toBe(own.length);
    }
    expect(bytes).toBeLessThan(20_000);
  });

  it('from zoom 14, points arrive with only the attributes the map styles and filters by, and its tooltip shows', async () => {
    const z = 14;
    const [x, y] = tileOf(...CENTRE, z);
    const { tile: t } = await tile(x, y, z, 'lamps-tiles');
    const lamps = features(t, 'lamps-points');
    expect(lamps.length).toBeGreaterThan(50);
    expect(Object.keys(lamps[0]).sort()).toEqual(['id', 'lampCount', 'lampType', 'road', 'status', 'townCode']);
  });

  it('at middle zoom (12, 13), grid totals per town and 1 km cell replace the points and count every pole once', async () => {
    for (const z of [12, 13]) {
      const [x, y] = tileOf(...CENTRE, z);
      const { tile: t, bytes } = await tile(x, y, z, 'lamps-tiles');
      expect(features(t, 'lamps-points'), `z${z}`).toEqual([]);
      expect(features(t, 'lamps-towns'), `z${z}`).toEqual([]);
      const cells = features(t, 'lamps-grid');
      expect(cells.length, `z${z}`).toBeGreaterThan(5);
      for (const c of cells) expect(Number(c.normal) + Number(c.faulty) + Number(c.repairing)).toBe(Number(c.poles));
      expect(bytes, `z${z}`).toBeLessThan(30_000);
    }
    // Every pole of the district falls in exactly one cell: the cells of the z10 tiles that hold the district add up.
    const all = readData('lamps').features.length;
    const z = 12;
    const [x0, y0] = tileOf(117.24, 37.03, z);
    const [x1, y1] = tileOf(117.74, 36.44, z);
    let counted = 0;
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const [w, s, e, n] = tileBox(x, y, z);
        const { tile: t } = await tile(x, y, z, 'lamps-tiles');
        const layer = t.layers['lamps-grid'];
        for (let i = 0; layer && i < layer.length; i++) {
          // A cell drawn in this tile's buffer belongs to its neighbour: count it where its point lies.
          const f = layer.feature(i).toGeoJSON(x, y, z);
          const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates;
          if (lon >= w && lon < e && lat > s && lat <= n) counted += Number(f.properties!.poles);
        }
      }
    }
    expect(counted).toBe(all);
  });

  it('the zooms are the deployment’s: with CITYGIS_POINTS_FROM_ZOOM=16, zoom 15 carries grid totals and zoom 16 the points', () => {
    const dir = mkdtempSync(join(tmpdir(), 'citygis-mapfiles-'));
    try {
      execFileSync('bash', ['server/mapfiles.sh', dir], { env: { ...process.env, CITYGIS_RUN_DIR: testStack.runDir, CITYGIS_PG_PORT: String(inject('serverPgPort')), CITYGIS_POINTS_FROM_ZOOM: '16' } });
      // MapServer's CGI binary run directly on those mapfiles, against the test stack's database.
      const layersAt = (z: number) => {
        const [x, y] = tileOf(...CENTRE, z);
        const out = execFileSync('/usr/lib/cgi-bin/mapserv', {
          env: { MAPSERVER_CONFIG_FILE: `${dir}/mapserver.conf`, REQUEST_METHOD: 'GET', QUERY_STRING: mapServerTileUrl('', x, y, z, 'lamps-tiles').split('?')[1] },
        });
        const body = out.subarray(out.indexOf('\r\n\r\n') + 4);
        return Object.keys(new VectorTile(new PbfReader(new Uint8Array(body))).layers);
      };
      expect(layersAt(14)).toEqual(['lamps-grid']);
      expect(layersAt(15)).toEqual(['lamps-grid']);
      expect(layersAt(16)).toEqual(['lamps-points']);
      expect(layersAt(11)).toEqual(['lamps-towns']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
