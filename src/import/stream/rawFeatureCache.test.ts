import { describe, expect, it } from 'vitest';
import { featureRecord } from '../formats/geojson';
import { FieldCollector } from '../records';
import { RawFeatureCache } from './rawFeatureCache';

/** What the check sees of a record: null-prototype properties compared as plain objects. */
const plain = (r: { geometry: unknown; id: unknown; properties: Record<string, unknown> }) => ({ ...r, properties: { ...r.properties } });

const points = Array.from({ length: 200 }, (_, i) => ({
  type: 'Feature',
  id: i % 3 === 0 ? `LD-${String(i).padStart(5, '0')}` : i,
  geometry: { type: 'Point', coordinates: [117 + i / 1000, i % 7 === 0 ? 'MINUS_ZERO' : 36.5] },
  properties: { id: `ZQ-${String(i).padStart(6, '0')}`, status: i % 2 ? 'normal' : null, powerW: i % 5 ? 90.5 : '90', installed: `2019-0${(i % 9) + 1}-01T08:00:00+08:00`, tags: i % 4 ? ['a', { b: 1 }] : {}, lit: i % 3 === 0 },
}));
const odd: unknown[] = [
  { type: 'Feature', geometry: null, properties: null },
  { type: 'Feature', properties: { kept: 'yes' } },
  { type: 'Feature', geometry: { type: 'Point', coordinates: [117, 36, 40] }, properties: {} },
  { type: 'Feature', geometry: { type: 'Point', coordinates: ['117', 36] }, properties: { only: 'here' } },
  { type: 'Feature', geometry: { type: 'Point', coordinates: [117, 36], bbox: [117, 36, 117, 36] }, properties: [] },
  { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[117, 36], [117.1, 36], [117, 36.1], [117, 36]]] }, properties: { a: 1 } },
  { type: 'Point', coordinates: [117, 36] },
  null,
  'text',
];

describe('the first pass’s features kept as columns', () => {
  it('read back as the same records the text gives, whatever a feature holds', () => {
    // As JSON.parse gives them (a -0 in the text stays -0).
    const features = JSON.parse(JSON.stringify([...points.slice(0, 100), ...odd, ...points.slice(100)]).replaceAll('"MINUS_ZERO"', '-0').replace('"kept":"yes"', '"kept":"yes","__proto__":"dropped","constructor":"dropped"')) as unknown[];
    expect(Object.keys((features[101] as { properties: object }).properties)).toContain('__proto__');
    const cache = new RawFeatureCache();
    cache.add(features.slice(0, 150));
    cache.add(features.slice(150));
    expect(cache.abandoned).toBe(false);
    const read = [...cache.records()].flat();
    const fields = new FieldCollector();
    expect(read.map(plain)).toEqual(features.map((f) => plain(featureRecord(f, fields))));
    expect(Object.getPrototypeOf(read[0].properties)).toBeNull();
    expect(Object.keys(read[101].properties)).toEqual(['kept']);
    expect(Object.is((read[0].geometry as { coordinates: number[] }).coordinates[1], -0)).toBe(true);
  });

  it('keeps nothing for a file of polygons: its check reads the file again', () => {
    const cache = new RawFeatureCache();
    cache.add(JSON.parse(JSON.stringify(points).replaceAll('"MINUS_ZERO"', '0')) as unknown[]);
    cache.add(Array.from({ length: 50 }, () => odd[5]));
    expect(cache.abandoned).toBe(true);
    expect([...cache.records()]).toEqual([]);
  });
});
