import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { CachedFeatureStore } from '../../mocks/featureStore';
import { createMockApiServer } from '../../mocks/node';

const BASE = 'http://mock.test/api';
const pole = (n: number): Feature => ({ type: 'Feature', id: `P${n}`, geometry: { type: 'Point', coordinates: [117.5 + n / 1000, 36.7] }, properties: { id: `P${n}`, name: `路灯 ${n}` } });
const store = new CachedFeatureStore(['lamps'], async () => Array.from({ length: 25 }, (_, n) => pole(n)));
const server = createMockApiServer(store, BASE);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function page(offset: number, limit = 10) {
  const res = await fetch(`${BASE}/collections/lamps/items?offset=${offset}&limit=${limit}`);
  expect(res.headers.get('content-type')).toBe('application/geo+json');
  return (await res.json()) as { type: string; features: Feature[]; numberMatched: number; numberReturned: number; links: { rel: string }[] };
}

// The mock keeps each page's features as bytes between requests: what it serves must still be the store.
describe('given the mock API serving pages it has served before', () => {
  it('then each page is the store as it is now, after features are appended', async () => {
    const before = await page(20);
    expect(before.features.map((f) => f.id)).toEqual(['P20', 'P21', 'P22', 'P23', 'P24']);
    expect(before.numberMatched).toBe(25);
    const first = await page(0);
    await store.append('lamps', pole(25));
    await store.append('lamps', pole(26));
    const again = await page(0);
    expect(again).toMatchObject({ type: 'FeatureCollection', numberMatched: 27, numberReturned: 10 });
    expect(again.features).toEqual(first.features);
    const last = await page(20);
    expect(last.features.map((f) => f.id)).toEqual(['P20', 'P21', 'P22', 'P23', 'P24', 'P25', 'P26']);
    expect(last.features[6]).toEqual(pole(26));
    expect(last.links.map((l) => l.rel)).toEqual(['self', 'prev']);
  });
});
