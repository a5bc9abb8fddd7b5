import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Theme } from '../state/store';
import { PALETTES } from './theme';

/** GeoJSON sources the offline basemap draws; each is filled from the collection of the same name. */
export const BASEMAP_SOURCES = ['district', 'towns', 'roads', 'railways', 'railway-corridor'] as const;
export type BasemapSourceId = (typeof BASEMAP_SOURCES)[number];

const emptyCollection = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });

function townTint(theme: Theme): ExpressionSpecification {
  const tints = PALETTES[theme].townTints;
  return ['to-color', ['at', ['%', ['to-number', ['slice', ['get', 'code'], 6]], tints.length], ['literal', tints]]];
}

export const TOWN_FILL_OPACITY = 0.9;

/** Paint properties that change with the theme, by layer id, so a theme switch only repaints. */
export function themedPaint(theme: Theme): Record<string, Record<string, unknown>> {
  const p = PALETTES[theme];
  return {
    background: { 'background-color': p.outside },
    'district-fill': { 'fill-color': p.background },
    'towns-fill': { 'fill-color': townTint(theme) },
    'railway-corridor-fill': { 'fill-color': p.corridor },
    'roads-local': { 'line-color': p.road.local },
    'roads-secondary': { 'line-color': p.road.secondary },
    'roads-arterial': { 'line-color': p.road.arterial },
    'railways-base': { 'line-color': p.railway },
    'railways-dash': { 'line-color': p.railwayDash },
    'towns-line': { 'line-color': p.townLine },
    'towns-selected': { 'line-color': p.selection },
    'roads-highlight': { 'line-color': p.selection },
    'district-line': { 'line-color': p.districtLine },
  };
}

function basemapLayers(theme: Theme): LayerSpecification[] {
  const paint = themedPaint(theme);
  const roadWidth = (min: number, max: number): ExpressionSpecification => ['interpolate', ['exponential', 1.6], ['zoom'], 9, min, 16, max];
  return [
    { id: 'district-fill', type: 'fill', source: 'district', paint: { ...paint['district-fill'] } },
    { id: 'towns-fill', type: 'fill', source: 'towns', paint: { ...paint['towns-fill'], 'fill-opacity': TOWN_FILL_OPACITY } },
    { id: 'railway-corridor-fill', type: 'fill', source: 'railway-corridor', paint: { ...paint['railway-corridor-fill'], 'fill-opacity': 0.12 } },
    { id: 'roads-local', type: 'line', source: 'roads', filter: ['==', ['get', 'class'], 'local'], minzoom: 11, paint: { ...paint['roads-local'], 'line-width': roadWidth(0.4, 4) } },
    { id: 'roads-secondary', type: 'line', source: 'roads', filter: ['==', ['get', 'class'], 'secondary'], paint: { ...paint['roads-secondary'], 'line-width': roadWidth(0.6, 6) } },
    { id: 'roads-arterial', type: 'line', source: 'roads', filter: ['==', ['get', 'class'], 'arterial'], paint: { ...paint['roads-arterial'], 'line-width': roadWidth(1, 9) } },
    { id: 'railways-base', type: 'line', source: 'railways', paint: { ...paint['railways-base'], 'line-width': roadWidth(2.5, 8) } },
    { id: 'railways-dash', type: 'line', source: 'railways', paint: { ...paint['railways-dash'], 'line-width': roadWidth(1.2, 4), 'line-dasharray': [3, 3] } },
    { id: 'towns-line', type: 'line', source: 'towns', paint: { ...paint['towns-line'], 'line-width': 1.2, 'line-dasharray': [4, 2] } },
    { id: 'roads-highlight', type: 'line', source: 'roads', filter: roadHighlightFilter(null), paint: { ...paint['roads-highlight'], 'line-width': roadWidth(4, 14), 'line-opacity': 0.6 } },
    { id: 'towns-selected', type: 'line', source: 'towns', filter: townSelectionFilter(null), paint: { ...paint['towns-selected'], 'line-width': 3.5 } },
    { id: 'district-line', type: 'line', source: 'district', paint: { ...paint['district-line'], 'line-width': 2.5 } },
  ] as LayerSpecification[];
}

/** The outline of the selected town (none when the whole district is shown). */
export function townSelectionFilter(code: string | null): ExpressionSpecification {
  return ['==', ['get', 'code'], code ?? ''];
}

/** The road found by search, drawn wide under the data. */
export function roadHighlightFilter(name: string | null): ExpressionSpecification {
  return ['==', ['get', 'name'], name ?? ''];
}

export interface OnlineBasemap {
  xyz: string | null;
}

/**
 * The offline basemap: the district, its towns, roads and railways drawn from the bundled data.
 * No glyphs or sprites are referenced, so nothing is fetched; labels are drawn by deck.gl.
 */
export function buildBasemapStyle(theme: Theme, online: OnlineBasemap): StyleSpecification {
  const sources: StyleSpecification['sources'] = Object.fromEntries(BASEMAP_SOURCES.map((id) => [id, { type: 'geojson' as const, data: emptyCollection() }]));
  const layers: LayerSpecification[] = [{ id: 'background', type: 'background', paint: themedPaint(theme).background as never }];
  if (online.xyz) {
    sources.online = { type: 'raster', tiles: [online.xyz], tileSize: 256 };
    layers.push({ id: 'online-basemap', type: 'raster', source: 'online' });
  }
  return { version: 8, sources, layers: [...layers, ...basemapLayers(theme).filter((l) => !(online.xyz && hidesUnderlay(l)))] };
}

/** Opaque fills would hide an online basemap beneath them; over one, only outlines, roads and the corridor are drawn. */
const hidesUnderlay = (l: LayerSpecification) => l.id.endsWith('-fill') && l.id !== 'railway-corridor-fill';

/** An online MapLibre style with the district's sources and (non-opaque) layers added on top. */
export function mergeOntoOnlineStyle(online: StyleSpecification, theme: Theme): StyleSpecification {
  const own = buildBasemapStyle(theme, { xyz: null });
  const ownIds = new Set(own.layers.map((l) => l.id));
  return {
    ...online,
    sources: { ...online.sources, ...own.sources },
    layers: [...online.layers.filter((l) => !ownIds.has(l.id)), ...own.layers.filter((l) => l.id !== 'background' && !hidesUnderlay(l))],
  };
}
