import { describe, expect, it } from 'vitest';
import { toWgs84 } from './coordinates';
import { gaussKruger, gaussKrugerLabel, gaussKrugerNear } from './crs';

/** GRS80 meridian arc from the equator (the series in any geodesy text), to check proj4 independently. */
function meridianArc(latDeg: number): number {
  const a = 6378137;
  const f = 1 / 298.257222101;
  const e2 = f * (2 - f);
  const [e4, e6] = [e2 * e2, e2 * e2 * e2];
  const p = (latDeg * Math.PI) / 180;
  return a * ((1 - e2 / 4 - (3 * e4) / 64 - (5 * e6) / 256) * p - ((3 * e2) / 8 + (3 * e4) / 32 + (45 * e6) / 1024) * Math.sin(2 * p) + ((15 * e4) / 256 + (45 * e6) / 1024) * Math.sin(4 * p) - ((35 * e6) / 3072) * Math.sin(6 * p));
}

describe('CGCS2000 Gauss–Krüger systems', () => {
  it('are read from their EPSG codes', () => {
    expect(gaussKruger('EPSG:4548')).toEqual({ width: 3, zone: null, centralMeridian: 117 });
    expect(gaussKruger('EPSG:4527')).toEqual({ width: 3, zone: 39, centralMeridian: 117 });
    expect(gaussKruger('EPSG:4509')).toEqual({ width: 6, zone: null, centralMeridian: 117 });
    expect(gaussKruger('EPSG:4498')).toEqual({ width: 6, zone: 20, centralMeridian: 117 });
    expect(gaussKruger('EPSG:4326')).toBeNull();
  });

  it('near Zhangqiu are the four a survey there uses', () => {
    expect(gaussKrugerNear(117.5)).toEqual(['EPSG:4548', 'EPSG:4527', 'EPSG:4509', 'EPSG:4498']);
    expect(gaussKrugerLabel('EPSG:4527', 'zh')).toBe('CGCS2000 3度带 第39带（EPSG:4527）');
  });

  it('put the central meridian at the false easting and the meridian arc at the northing', () => {
    const y = meridianArc(36.7);
    for (const [code, x] of [['EPSG:4548', 500_000], ['EPSG:4527', 39_500_000], ['EPSG:4509', 500_000], ['EPSG:4498', 20_500_000]] as const) {
      const [lon, lat] = toWgs84(x, y, code);
      expect(lon).toBeCloseTo(117, 9);
      expect(lat).toBeCloseTo(36.7, 8);
    }
  });

  it('keep distances: 1 km of easting near the district is 1 km on the ground', () => {
    const y = meridianArc(36.7);
    const [a, b] = [toWgs84(540_000, y, 'EPSG:4548'), toWgs84(541_000, y, 'EPSG:4548')];
    const metres = Math.hypot((b[0] - a[0]) * 111_320 * Math.cos((36.7 * Math.PI) / 180), b[1] - a[1]);
    expect(metres).toBeGreaterThan(998);
    expect(metres).toBeLessThan(1002);
  });
});
