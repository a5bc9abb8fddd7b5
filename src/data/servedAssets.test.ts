import { describe, expect, it } from 'vitest';
import { assetCountsUrl, parseAssetCounts } from './servedAssets';

const row = (properties: Record<string, unknown>) => ({ type: 'Feature', geometry: null, properties });

describe('asset counts from the server', () => {
  it('reads each row as a layer, a town, the two filter values and a count', () => {
    const page = { features: [row({ id: 'x', layer: 'manholes', town: '370114001', k1: 'rain', k2: 'intact', assets: 12 })] };
    expect(parseAssetCounts(page)).toEqual({ ok: true, value: [{ layer: 'manholes', town: '370114001', values: ['rain', 'intact'], assets: 12 }] });
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
    const url = new URL(assetCountsUrl('http://h/ogcapi/'));
    expect(url.pathname).toBe('/ogcapi/collections/asset-counts/items');
    expect(url.searchParams.get('bbox')).toBeTruthy();
    expect(Number(url.searchParams.get('limit'))).toBeGreaterThanOrEqual(10_000);
  });
});
