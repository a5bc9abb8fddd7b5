import * as turf from '@turf/turf';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { naiveAssignTowns } from '../../../test/support/naiveTowns';
import { buildTownIndex, OUTSIDE, type Region } from './townIndex';

const square = (code: string, x0: number, y0: number, size: number, holes: number[][][] = []): Region => ({
  code,
  geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]], ...holes] },
});

describe('buildTownIndex: the boundary rule (golden cases)', () => {
  // B (code 002) left of A (code 001): they share the edge x = 1.
  const regions = [square('370114002', 0, 0, 1), square('370114001', 1, 0, 1)];
  const index = buildTownIndex(regions, 16);
  const town = (x: number, y: number) => {
    const t = index.locate(x, y);
    return t === OUTSIDE ? 'outside' : index.codes[t];
  };

  it('orders towns by code', () => expect(index.codes).toEqual(['370114001', '370114002']));
  it('puts interior points in their town', () => {
    expect(town(0.5, 0.5)).toBe('370114002');
    expect(town(1.5, 0.5)).toBe('370114001');
  });
  it('gives a point on a shared edge to the lower code', () => expect(town(1, 0.37)).toBe('370114001'));
  it('gives a shared vertex to the lower code', () => expect(town(1, 1)).toBe('370114001'));
  it('keeps a point on the outer edge in the only town it touches', () => expect(town(0, 0.5)).toBe('370114002'));
  it('counts points beyond every town as outside, not dropped', () => {
    expect(town(2.5, 0.5)).toBe('outside');
    expect(town(-1e9, 5)).toBe('outside');
    expect(index.assign([2.5, 0.5], [0.5, 0.5])).toEqual(new Int16Array([OUTSIDE, 1]));
  });

  it('handles holes and a town inside another town\'s hole', () => {
    const hole = [[[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]];
    const donut = buildTownIndex([square('370114005', 0, 0, 3, hole), square('370114009', 1, 1, 1)], 32);
    expect(donut.codes[donut.locate(0.5, 0.5)]).toBe('370114005');
    expect(donut.codes[donut.locate(1.5, 1.5)]).toBe('370114009');
    expect(donut.codes[donut.locate(1, 1.5)]).toBe('370114005'); // on the hole's edge: both touch it, 005 is lower
  });

  it('handles multipolygons', () => {
    const multi: Region = {
      code: '370114013',
      geometry: { type: 'MultiPolygon', coordinates: [square('x', 0, 0, 1).geometry.coordinates as number[][][], square('x', 5, 5, 1).geometry.coordinates as number[][][]] },
    };
    const m = buildTownIndex([multi], 64);
    expect(m.locate(0.5, 0.5)).toBe(0);
    expect(m.locate(5.5, 5.5)).toBe(0);
    expect(m.locate(3, 3)).toBe(OUTSIDE);
  });
});

describe('buildTownIndex: randomized cross-check against naive Turf on the Zhangqiu towns', () => {
  const towns = JSON.parse(readFileSync('public/data/towns.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { code: string }>;
  const regions: Region[] = towns.features.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
  const index = buildTownIndex(regions);
  const [w, s, e, n] = turf.bbox(towns);

  // A small seeded generator, so a failure can be reproduced.
  let seed = 20261122;
  const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);

  it('agrees on thousands of points: uniform, exactly on vertices, exactly on edges and a hair away from them', () => {
    const xs: number[] = [];
    const ys: number[] = [];
    const rings = regions.flatMap((r) => (r.geometry.type === 'Polygon' ? r.geometry.coordinates : r.geometry.coordinates.flat()));
    for (let k = 0; k < 3000; k++) {
      xs.push(w - 0.02 + random() * (e - w + 0.04));
      ys.push(s - 0.02 + random() * (n - s + 0.04));
    }
    for (let k = 0; k < 1500; k++) {
      const ring = rings[Math.floor(random() * rings.length)];
      const i = Math.floor(random() * (ring.length - 1));
      const [a, b] = [ring[i], ring[i + 1]];
      const kind = k % 3;
      if (kind === 0) {
        xs.push(a[0]);
        ys.push(a[1]);
      } else {
        const t = random();
        const nudge = kind === 2 ? (random() - 0.5) * 1e-9 : 0;
        xs.push(a[0] + (b[0] - a[0]) * t + nudge);
        ys.push(a[1] + (b[1] - a[1]) * t - nudge);
      }
    }
    const fast = index.assign(xs, ys);
    const naive = naiveAssignTowns(regions, xs, ys);
    const disagreements = [...fast].map((t, i) => [i, t, naive[i]]).filter(([, a, b]) => a !== b);
    expect(disagreements.slice(0, 5)).toEqual([]);
    expect(fast.filter((t) => t === OUTSIDE).length).toBeGreaterThan(100);
  });
});
