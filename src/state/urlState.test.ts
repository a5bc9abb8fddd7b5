import { describe, expect, it } from 'vitest';
import { DOMAIN_LAYER_IDS } from '../layers/registry';
import { FULL_SPAN, noFilters } from './filters';
import { DEFAULT_PANELS } from './panels';
import { decodeUrlView, encodeUrlView, type UrlView } from './urlState';

const cst = (s: string) => Date.parse(`${s}+08:00`);
const defaults = (): UrlView => ({
  lang: 'zh',
  theme: 'light',
  filters: noFilters(),
  layers: Object.fromEntries(DOMAIN_LAYER_IDS.map((id) => [id, { visible: true, opacity: 1 }])) as UrlView['layers'],
  panels: DEFAULT_PANELS,
  mapView: null,
});

describe('the view in the address', () => {
  it('is empty at the defaults and keeps parameters it does not own', () => {
    expect(encodeUrlView(defaults())).toBe('');
    expect(encodeUrlView(defaults(), '?source=api&town=1')).toBe('?source=api');
  });

  it('round-trips every part of a view', () => {
    const view = defaults();
    view.lang = 'en';
    view.theme = 'dark';
    view.filters = { ...noFilters(), town: '370181004', time: { from: cst('2026-10-01T00:00:00'), to: cst('2026-11-01T00:00:00') } };
    view.filters.classes = { ...view.filters.classes, manholes: { kind: ['rain', 'gas'] }, patches: { status: [] } };
    view.layers = { ...view.layers, railway: { visible: false, opacity: 1 }, patches: { visible: true, opacity: 0.4 } };
    view.panels = { ...DEFAULT_PANELS, seriesLayer: 'railway', barMetric: 'openDefects', breakdownChannel: 1 };
    view.mapView = { lng: 117.53123, lat: 36.71234, zoom: 12.5 };
    const search = encodeUrlView(view);
    expect(search).toContain('time=2026-10-01..2026-10-31');
    expect(decodeUrlView(search)).toEqual(view);
  });

  it('keeps a range that is not whole days exactly', () => {
    const view = defaults();
    view.filters = { ...noFilters(), time: { from: cst('2026-10-01T08:30:00'), to: cst('2026-10-02T00:00:00') } };
    expect(decodeUrlView(encodeUrlView(view)).filters.time).toEqual(view.filters.time);
  });

  it('clamps a linked range to the data’s span, so a huge range cannot freeze the page', () => {
    expect(decodeUrlView('?time=0..8640000000000000').filters.time).toEqual(FULL_SPAN);
    expect(decodeUrlView('?time=1900-01-01..2026-03-31').filters.time).toEqual({ from: FULL_SPAN.from, to: cst('2026-04-01T00:00:00') });
    // A live source's cases go on to now.
    const now = cst('2026-12-05T12:00:00');
    expect(decodeUrlView('?time=0..8640000000000000', now).filters.time).toEqual({ from: FULL_SPAN.from, to: now });
    // Wholly outside the span: the default range.
    expect(decodeUrlView('?time=0..1000', now).filters.time).toEqual(FULL_SPAN);
  });

  it('falls back to defaults for anything invalid', () => {
    const view = decodeUrlView('?lang=fr&town=<script>&time=2026-10-31..2026-10-01&f.manholes.kind=rain,bogus&f.nope.x=1&op.patches=abc&view=500,1,1&p.barMetric=__proto__');
    expect(view.lang).toBe('zh');
    expect(view.filters.town).toBeNull();
    expect(view.filters.time).toEqual(noFilters().time);
    expect(view.filters.classes.manholes).toEqual({ kind: ['rain'] });
    expect(view.layers.patches.opacity).toBe(1);
    expect(view.mapView).toBeNull();
    expect(view.panels).toEqual(DEFAULT_PANELS);
  });
});
