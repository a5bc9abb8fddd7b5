import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CollectionState } from '../state/store';
import { assetCountsUrl, parseAssetCounts, refreshServed } from './servedAssets';

const row = (properties: Record<string, unknown>) => ({ type: 'Feature', geometry: null, properties });

describe('asset counts from the server', () => {
  it('reads each row as a layer, a town, the two filter values and a count', () => {
    const page = { features: [row({ id: 'x', layer: 'manholes', town: '370114001', k1: 'rain', k2: 'intact', assets: 12 })] };
    expect(parseAssetCounts(page)).toEqual({ ok: true, value: [{ layer: 'manholes', town: '370114001', values: ['rain', 'intact'], count: 12 }] });
  });

  it('refuses a page with an unknown layer, a missing value or a count that is not a whole number', () => {
    for (const bad of [
      { layer: 'patches', town: 't', k1: 'a', k2: 'b', assets: 1 },
      { layer: 'manholes', town: 't', k1: 'a', assets: 1 },
      { layer: 'manholes', town: 't', k1: 'a', k2: 'b', assets: 1.5 },
    ]) {
      const parsed = parseAssetCounts({ features: [row(bad)] });
      expect(parsed.ok, JSON.stringify(bad)).toBe(false);
    }
    expect(parseAssetCounts(null).ok).toBe(false);
  });

  it('asks for every row, with a bbox (MapServer counts faster with one)', () => {
    const url = new URL(assetCountsUrl('/ogcapi/'), 'http://localhost');
    expect(url.pathname).toBe('/ogcapi/collections/asset-counts/items');
    expect(url.searchParams.get('bbox')).toBeTruthy();
    expect(Number(url.searchParams.get('limit'))).toBeGreaterThanOrEqual(10_000);
  });
});

describe('a live refresh of a served layer', () => {
  const page = (features: unknown[]) => new Response(JSON.stringify({ features }), { status: 200 });
  const counts = [row({ id: 'a', layer: 'streetLamps', town: '370114001', k1: 'normal', k2: 'led', assets: 5 })];
  /** A server answering asset-counts and collection-sizes. */
  const serve = (cases: number, assets = counts) =>
    vi.stubGlobal('fetch', (url: string) =>
      Promise.resolve(url.includes('asset-counts') ? page(assets) : page([row({ id: 'lamp-faults', features: cases }), row({ id: 'manhole-defects', features: 3 })])),
    );
  afterEach(() => vi.unstubAllGlobals());
  const shownCounts = parseAssetCounts({ features: counts });

  it('renews the case collection every time (the page asks the statistics again), the asset counts only when they changed', async () => {
    serve(12);
    const states: [string, CollectionState][] = [];
    expect(await refreshServed('/ogcapi', 'streetLamps', { counts: shownCounts.ok ? shownCounts.value : [], cases: 10 }, (id, s) => states.push([id, s]))).toBeNull();
    expect(states).toEqual([['lamp-faults', expect.objectContaining({ status: 'served', count: 12 })]]);
    serve(12, [row({ id: 'a', layer: 'streetLamps', town: '370114001', k1: 'faulty', k2: 'led', assets: 5 })]);
    states.length = 0;
    await refreshServed('/ogcapi', 'streetLamps', { counts: shownCounts.ok ? shownCounts.value : [], cases: 12 }, (id, s) => states.push([id, s]));
    expect(states.map(([id]) => id)).toEqual(['lamps', 'lamp-faults']);
  });

  it('with the server’s change markers unmoved, reads nothing and renews nothing; a moved marker renews with the new one', async () => {
    const asked: string[] = [];
    const serveMarked = (casesMark: string) =>
      vi.stubGlobal('fetch', (url: string) => {
        asked.push(url);
        if (url.includes('collection-versions')) return Promise.resolve(page([row({ id: 'lamps', version: '7.100' }), row({ id: 'lamp-faults', version: casesMark })]));
        return Promise.resolve(url.includes('asset-counts') ? page(counts) : page([row({ id: 'lamp-faults', features: 12 }), row({ id: 'manhole-defects', features: 3 })]));
      });
    const shown = { counts: shownCounts.ok ? shownCounts.value : [], cases: 12, versions: ['7.100', '8.500'] as const };
    const states: [string, CollectionState][] = [];
    serveMarked('8.500');
    expect(await refreshServed('/ogcapi', 'streetLamps', shown, (id, st) => states.push([id, st]))).toBeNull();
    expect(states).toEqual([]);
    expect(asked.filter((u) => !u.includes('collection-versions'))).toEqual([]);
    serveMarked('8.501');
    expect(await refreshServed('/ogcapi', 'streetLamps', shown, (id, st) => states.push([id, st]))).toBeNull();
    expect(states).toEqual([['lamp-faults', expect.objectContaining({ status: 'served', count: 12, version: '8.501' })]]);
  });

  it('keeps what is shown, and says why, when the server counts no cases where there were some, or fails', async () => {
    const states: unknown[] = [];
    serve(0);
    expect(await refreshServed('/ogcapi', 'streetLamps', { cases: 10 }, (...a) => states.push(a))).toMatch(/no cases/);
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('', { status: 503, statusText: 'Service Unavailable' })));
    expect(await refreshServed('/ogcapi', 'streetLamps', { cases: 10 }, (...a) => states.push(a))).toMatch(/503/);
    expect(states).toEqual([]);
  });
});
