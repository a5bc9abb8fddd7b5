import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { distanceM, guessCoordinates, looksSwapped, suggestEpsg, toWgs84, type Bbox } from './coordinates';

const ZHANGQIU: Bbox = [117.18, 36.43, 117.75, 37.08];

describe('suggestEpsg', () => {
  it('reads Web Mercator when that reading lands near the district', () => {
    const [x, y] = gcoord.transform([117.53, 36.72], gcoord.WGS84, gcoord.EPSG3857);
    expect(suggestEpsg(x, y, ZHANGQIU)).toBe('EPSG:3857');
  });
  it.each([
    [39_544_820, 4_061_480, 'EPSG:4527'],
    [20_544_820, 4_061_480, 'EPSG:4498'],
    [544_820, 4_061_480, 'EPSG:4548'],
  ])('reads CGCS2000 Gauss–Krüger %d, %d as %s', (x, y, epsg) => {
    expect(suggestEpsg(x, y, ZHANGQIU)).toBe(epsg);
  });
});

describe('guessCoordinates', () => {
  it('calls a file projected only when most positions cannot be degrees', () => {
    expect(guessCoordinates([[117.5, 36.7], [544_820, 4_061_480]], ZHANGQIU)).toEqual({ kind: 'lonLat' });
    expect(guessCoordinates([[544_820, 4_061_480], [544_900, 4_061_500], [117.5, 36.7]], ZHANGQIU)).toMatchObject({ kind: 'projected', epsg: 'EPSG:4548' });
  });
});

describe('looksSwapped', () => {
  it('spots latitude written first near the district, and leaves right ones alone', () => {
    expect(looksSwapped(36.7, 117.5, ZHANGQIU)).toBe(true);
    expect(looksSwapped(117.5, 36.7, ZHANGQIU)).toBe(false);
    expect(looksSwapped(36.7, 50, ZHANGQIU)).toBe(false);
  });
});

describe('toWgs84', () => {
  it('undoes the GCJ-02 and BD-09 offsets to within a metre, a shift of several hundred metres here', () => {
    const truth: [number, number] = [117.5008, 36.694];
    for (const crs of ['gcj02', 'bd09'] as const) {
      const shifted = gcoord.transform(truth, gcoord.WGS84, crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09) as [number, number];
      expect(distanceM(truth, shifted)).toBeGreaterThan(400);
      expect(distanceM(truth, toWgs84(shifted[0], shifted[1], crs))).toBeLessThan(1);
    }
  });
});
