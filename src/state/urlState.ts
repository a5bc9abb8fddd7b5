import type { Lang } from '../i18n';
import { DOMAIN_LAYER_IDS, DOMAIN_LAYERS, type DomainLayerId } from '../layers/registry';
import { REGION_CODE } from '../layers/common/codes';
import { TOWN_METRIC_IDS, type TownMetricId } from '../stats/townMetrics';
import { FULL_SPAN, noFilters, type ClassFilter, type Filters } from './filters';
import { DEFAULT_PANELS, DUE_HORIZONS, type MapViewState, type PanelState } from './panels';
import { PLAYBACK_SPEEDS, PLAYBACK_WINDOWS } from './playback';
import type { LayerDisplay, RestorableView, Theme } from './store';
import { dayRange, isoDay } from './timePresets';

/** What the address holds: everything needed to bring back the same view. */
export interface UrlView {
  lang: Lang;
  theme: Theme;
  filters: Filters;
  layers: Record<DomainLayerId, LayerDisplay>;
  panels: PanelState;
  mapView: MapViewState | null;
}

/** Parameters this module owns; any other (source, basemap…) is left as it is. */
const OWN = /^(lang|theme|town|time|view|hide|op\..+|f\..+|p\..+)$/;
const DAY_MS = 24 * 3600_000;
const isMidnight = (t: number) => isoDay(t) !== isoDay(t - 1);
const round = (n: number, digits: number) => Number(n.toFixed(digits));

function encodeTime(from: number, to: number): string {
  // Whole days read as dates (last day included); anything else as exact epoch milliseconds.
  return isMidnight(from) && isMidnight(to) ? `${isoDay(from)}..${isoDay(to - DAY_MS)}` : `${from}..${to}`;
}

function decodeTime(value: string): { from: number; to: number } | null {
  const [a, b] = value.split('..');
  if (a === undefined || b === undefined) return null;
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Number(b) > Number(a) ? { from: Number(a), to: Number(b) } : null;
  return dayRange(a, b);
}

/**
 * A linked range cut to what the data can hold, from its first day to `latest` (its end, or now
 * for a live source whose cases go on): every bucket and window is built over the range, so an
 * unbounded one would freeze the page. Null when nothing of it is left.
 */
function clampToData(range: { from: number; to: number } | null, latest: number): { from: number; to: number } | null {
  if (!range) return null;
  const from = Math.max(range.from, FULL_SPAN.from);
  const to = Math.min(range.to, Math.max(FULL_SPAN.to, latest));
  return to > from ? { from, to } : null;
}

/** The view as address parameters, merged into `search`; values at their defaults are left out. */
export function encodeUrlView(view: UrlView, search = ''): string {
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) if (OWN.test(key)) params.delete(key);
  if (view.lang !== 'zh') params.set('lang', view.lang);
  if (view.theme !== 'light') params.set('theme', view.theme);
  const { filters } = view;
  if (filters.town) params.set('town', filters.town);
  if (filters.time.from !== FULL_SPAN.from || filters.time.to !== FULL_SPAN.to) params.set('time', encodeTime(filters.time.from, filters.time.to));
  for (const layer of DOMAIN_LAYER_IDS) {
    for (const [field, kept] of Object.entries(filters.classes[layer])) if (kept) params.set(`f.${layer}.${field}`, kept.join(',') || '-');
  }
  const hidden = DOMAIN_LAYER_IDS.filter((id) => !view.layers[id].visible);
  if (hidden.length) params.set('hide', hidden.join(','));
  for (const id of DOMAIN_LAYER_IDS) if (view.layers[id].opacity !== 1) params.set(`op.${id}`, String(round(view.layers[id].opacity, 2)));
  for (const key of Object.keys(DEFAULT_PANELS) as (keyof PanelState)[]) if (view.panels[key] !== DEFAULT_PANELS[key]) params.set(`p.${key}`, String(view.panels[key]));
  if (view.mapView) params.set('view', [round(view.mapView.lng, 5), round(view.mapView.lat, 5), round(view.mapView.zoom, 2)].join(','));
  const text = params.toString();
  return text ? `?${text}` : '';
}

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined => (v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined);

function decodeClasses(params: URLSearchParams): Filters['classes'] {
  const classes = noFilters().classes as Record<DomainLayerId, ClassFilter>;
  for (const [key, value] of params) {
    const [prefix, layer, field] = key.split('.');
    if (prefix !== 'f' || !oneOf(DOMAIN_LAYER_IDS, layer)) continue;
    const def = DOMAIN_LAYERS[layer as DomainLayerId].filters.find((f) => f.field === field);
    if (!def) continue;
    const wanted = new Set(value === '-' ? [] : value.split(','));
    classes[layer as DomainLayerId] = { ...classes[layer as DomainLayerId], [field]: def.classes.values.filter((v) => wanted.has(v)) };
  }
  return classes;
}

function decodePanels(params: URLSearchParams): PanelState {
  const channel = Number(params.get('p.breakdownChannel'));
  return {
    seriesLayer: oneOf(DOMAIN_LAYER_IDS, params.get('p.seriesLayer')) ?? DEFAULT_PANELS.seriesLayer,
    barMetric: oneOf<TownMetricId>(TOWN_METRIC_IDS, params.get('p.barMetric')) ?? DEFAULT_PANELS.barMetric,
    tableSort: oneOf<TownMetricId>(TOWN_METRIC_IDS, params.get('p.tableSort')) ?? DEFAULT_PANELS.tableSort,
    breakdownLayer: oneOf(DOMAIN_LAYER_IDS, params.get('p.breakdownLayer')) ?? DEFAULT_PANELS.breakdownLayer,
    breakdownChannel: Number.isInteger(channel) && channel >= 0 && channel < 3 ? channel : DEFAULT_PANELS.breakdownChannel,
    hotspotLayer: oneOf(['all', 'lamps', 'manholes', 'railway'] as const, params.get('p.hotspotLayer')) ?? DEFAULT_PANELS.hotspotLayer,
    hotspotMap: params.get('p.hotspotMap') === 'true',
    warningMap: params.get('p.warningMap') === 'true',
    dueHours: (DUE_HORIZONS as readonly number[]).includes(Number(params.get('p.dueHours'))) ? (Number(params.get('p.dueHours')) as PanelState['dueHours']) : DEFAULT_PANELS.dueHours,
    assessMonth: /^\d{4}-(0[1-9]|1[0-2])$/.test(params.get('p.assessMonth') ?? '') ? params.get('p.assessMonth')! : DEFAULT_PANELS.assessMonth,
    assessView: oneOf(['towns', 'units'] as const, params.get('p.assessView')) ?? DEFAULT_PANELS.assessView,
    playWindow: oneOf(PLAYBACK_WINDOWS, params.get('p.playWindow')) ?? DEFAULT_PANELS.playWindow,
    playSpeed: (PLAYBACK_SPEEDS as readonly number[]).includes(Number(params.get('p.playSpeed'))) ? Number(params.get('p.playSpeed')) : DEFAULT_PANELS.playSpeed,
  };
}

function decodeMapView(value: string | null): MapViewState | null {
  const [lng, lat, zoom] = (value ?? '').split(',').map(Number);
  const ok = [lng, lat, zoom].every(Number.isFinite) && Math.abs(lng) <= 180 && Math.abs(lat) <= 85 && zoom >= 0 && zoom <= 22;
  return ok ? { lng, lat, zoom } : null;
}

/** A whole view from the address: anything missing or invalid there takes its default; `latest` is the data's last moment. */
export function decodeUrlView(search: string, latest: number = FULL_SPAN.to): RestorableView & UrlView {
  const params = new URLSearchParams(search);
  const hidden = new Set((params.get('hide') ?? '').split(','));
  const town = params.get('town');
  const layers = Object.fromEntries(
    DOMAIN_LAYER_IDS.map((id) => {
      const opacity = Number(params.get(`op.${id}`) ?? 1);
      return [id, { visible: !hidden.has(id), opacity: Number.isFinite(opacity) ? Math.min(1, Math.max(0, opacity)) : 1 }];
    }),
  ) as Record<DomainLayerId, LayerDisplay>;
  return {
    lang: params.get('lang') === 'en' ? 'en' : 'zh',
    theme: params.get('theme') === 'dark' ? 'dark' : 'light',
    filters: {
      classes: decodeClasses(params),
      town: town && REGION_CODE.test(town) ? town : null,
      time: clampToData(decodeTime(params.get('time') ?? ''), latest) ?? FULL_SPAN,
    },
    layers,
    panels: decodePanels(params),
    mapView: decodeMapView(params.get('view')),
  };
}
