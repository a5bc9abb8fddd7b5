import { readFileSync } from 'node:fs';
import type { FeatureCollection, Polygon } from 'geojson';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { PALETTES } from '../../src/map/theme';
import { launchChromium, openWatchedPage, type WatchedPage } from './support/chromium';
import { colorDistance, Dashboard, hex, type RGB } from './support/dashboard';

const baseUrl = inject('baseUrl');
const district = (JSON.parse(readFileSync('dist/data/district.geojson', 'utf8')) as FeatureCollection<Polygon>).features[0];
const MAGENTA: RGB = [255, 0, 255];
// A stand-in for an online style (Tianditu, a city's own tile service): one distinctive background.
const onlineStyle = { version: 8, sources: {}, layers: [{ id: 'online-background', type: 'background', paint: { 'background-color': '#ff00ff' } }] };

describe('given a MapLibre style URL configured as the basemap', () => {
  let watched: WatchedPage;
  const browser = launchChromium();
  afterAll(async () => (await browser).close());

  it('then the online style is drawn under the district outline and the data layers', async () => {
    watched = await openWatchedPage(await browser, baseUrl);
    let requested = 0;
    await watched.page.route(`${baseUrl}/online-style.json`, (route) => {
      requested++;
      return route.fulfill({ json: onlineStyle });
    });
    const dashboard = new Dashboard(watched.page);
    await dashboard.open(baseUrl, '?basemap=/online-style.json');
    expect(requested).toBe(1);
    const outside: [number, number] = [117.28, 36.47];
    expect((await dashboard.pixelsAround(outside, 3)).every((p) => colorDistance(p, MAGENTA) < 10)).toBe(true);
    const ring = district.geometry.coordinates[0];
    const onEdge = ring[Math.floor(ring.length / 3)] as [number, number];
    expect((await dashboard.pixelsAround(onEdge, 2)).some((p) => colorDistance(p, hex(PALETTES.light.districtLine)) < 40)).toBe(true);
  });

  it('then a style on another origin named in the address is ignored', async () => {
    const dashboard = new Dashboard(watched.page);
    await dashboard.open(baseUrl, '?basemap=https://tiles.example.com/style.json');
    expect(watched.offOrigin).toEqual([]);
    expect((await dashboard.pixelsAround([117.28, 36.47], 3)).every((p) => colorDistance(p, hex(PALETTES.light.outside)) < 10)).toBe(true);
    expect(watched.errors).toEqual([]);
  });
});
