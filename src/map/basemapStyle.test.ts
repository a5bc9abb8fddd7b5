import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../config';
import { buildBasemapStyle, mergeOntoOnlineStyle } from './basemapStyle';

describe('the offline basemap', () => {
  it('references no glyphs, sprites or remote sources', () => {
    const style = buildBasemapStyle('light', { xyz: null });
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(Object.values(style.sources).every((s) => s.type === 'geojson')).toBe(true);
  });

  it('draws an XYZ raster under outlines only, when one is configured', () => {
    const style = buildBasemapStyle('light', { xyz: 'https://t0.example.com/{z}/{x}/{y}.png' });
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf('online-basemap')).toBeLessThan(ids.indexOf('district-line'));
    expect(ids).not.toContain('towns-fill');
    expect(ids).toContain('railway-corridor-fill');
  });
});

describe('an online MapLibre style', () => {
  const online: StyleSpecification = {
    version: 8,
    glyphs: 'https://example.com/{fontstack}/{range}.pbf',
    sources: { tiles: { type: 'raster', tiles: ['https://example.com/{z}/{x}/{y}.png'] } },
    layers: [{ id: 'tiles', type: 'raster', source: 'tiles' }],
  };

  it('keeps its own layers underneath and gains the district outlines, roads and railways on top', () => {
    const merged = mergeOntoOnlineStyle(online, 'dark');
    const ids = merged.layers.map((l) => l.id);
    expect(ids[0]).toBe('tiles');
    expect(ids).toEqual(expect.arrayContaining(['district-line', 'towns-line', 'towns-selected', 'roads-arterial', 'railways-base']));
    expect(ids).not.toContain('district-fill');
    expect(ids).not.toContain('background');
    expect(merged.glyphs).toBe(online.glyphs);
    expect(Object.keys(merged.sources)).toEqual(expect.arrayContaining(['tiles', 'district', 'towns', 'roads']));
  });

  it('is taken from the page address only when it is a path on the app\'s own origin', () => {
    expect(readConfig({}, '?basemap=/styles/city.json').basemapStyle).toBe('/styles/city.json');
    expect(readConfig({}, '?basemap=https://evil.example.com/s.json').basemapStyle).toBeNull();
    expect(readConfig({}, '?basemap=//evil.example.com/s.json').basemapStyle).toBeNull();
    // A backslash or a tab reads as a slash to the URL parser: these name another host too.
    expect(readConfig({}, '?basemap=/\\evil.example/s.json').basemapStyle).toBeNull();
    expect(readConfig({}, '?basemap=/%09/evil.example/s.json').basemapStyle).toBeNull();
    expect(readConfig({}, '?basemap=/%0A/evil.example/s.json').basemapStyle).toBeNull();
    expect(readConfig({ VITE_BASEMAP_STYLE: 'https://tiles.example.com/style.json' }, '').basemapStyle).toBe('https://tiles.example.com/style.json');
  });
});
