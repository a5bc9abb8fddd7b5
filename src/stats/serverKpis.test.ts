import { describe, expect, it } from 'vitest';
import { kpiWindowsUrl, parseKpiWindows } from './serverKpis';

const row = (k: number | string, extra: Record<string, unknown> = {}) => ({
  properties: { k, lightingRate: 0.99, openDefects: 3, patchesPending: 4, railwayOpen: 5, closureRate: 0.5, overdueCases: 6, ...extra },
});

describe('server card figures', () => {
  it('sends every window as a pair of epoch milliseconds, beside the towns and filtered classes', () => {
    const url = kpiWindowsUrl('/ogcapi', [{ from: 0, to: 86_400_000.4 }, { from: 86_400_000, to: 172_800_000 }], { towns: ['370114001'], classes: { patches: { status: ['pending'] } } });
    const params = new URLSearchParams(url.split('?')[1]);
    expect(url.startsWith('/ogcapi/collections/kpi-windows/items?')).toBe(true);
    expect(params.get('windows')).toBe('0,86400000,86400000,172800000');
    expect(params.get('towns')).toBe('370114001');
    expect(params.get('classes')).toBe('{"patches":{"status":["pending"]}}');
  });

  it('reads the rows by their window number, whatever their order', () => {
    const values = parseKpiWindows({ features: [row(1, { railwayOpen: 9 }), row('0')] }, 2)!;
    expect(values.map((v) => v.openRailway)).toEqual([5, 9]);
    expect(values[0]).toEqual({ lightingRate: 0.99, openDefects: 3, pendingPatches: 4, openRailway: 5, closureRate: 0.5, overdueCases: 6 });
  });

  it('reads a figure MapServer writes as "" as missing, and a missing overdue count as 0', () => {
    const [values] = parseKpiWindows({ features: [row(0, { lightingRate: '', closureRate: '', overdueCases: '' })] }, 1)!;
    expect(values.lightingRate).toBeNull();
    expect(values.closureRate).toBeNull();
    expect(values.overdueCases).toBe(0);
  });

  it('refuses a page missing a window, with a window out of range, or not a page', () => {
    expect(parseKpiWindows({ features: [row(0)] }, 2)).toBeNull();
    expect(parseKpiWindows({ features: [row(0), row(2)] }, 2)).toBeNull();
    expect(parseKpiWindows({ features: [row(0.5)] }, 1)).toBeNull();
    expect(parseKpiWindows({ type: 'FeatureCollection' }, 1)).toBeNull();
    expect(parseKpiWindows(null, 1)).toBeNull();
  });
});
