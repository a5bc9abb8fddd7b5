import { describe, expect, it } from 'vitest';
import { parseCsv, wkbGeometry } from './csv';

describe('CSV with a geometry column', () => {
  it('reads WKT and EWKT, taking the SRID as the declared system', () => {
    const parsed = parseCsv('id,WKT\nA,"SRID=4490;POLYGON((117 36,117.1 36,117.1 36.1,117 36))"\nB,POINT(117.5 36.7)\n');
    if (!parsed.ok) throw new Error(parsed.error.code);
    expect(parsed.value.geometryFrom).toBe('features');
    expect(parsed.value.records[1].geometry).toEqual({ type: 'Point', coordinates: [117.5, 36.7] });
    expect(parsed.value.declaredCrs).toMatchObject({ crs: 'wgs84', source: 'wkt' });
    expect(parsed.value.fields).toEqual(['id']);
  });

  it('reads hex WKB and PostGIS EWKB (as psql prints a geometry)', () => {
    // POINT(117.5 36.7), little-endian; then the same as EWKB with SRID 4490.
    const wkb = '01010000000000000000605D409A99999999594240';
    const ewkb = '01010000208A1100000000000000605D409A99999999594240';
    expect(wkbGeometry(wkb)).toEqual({ geometry: { type: 'Point', coordinates: [117.5, 36.7] }, srid: null });
    expect(wkbGeometry(ewkb)).toEqual({ geometry: { type: 'Point', coordinates: [117.5, 36.7] }, srid: 4490 });
    const parsed = parseCsv(`id,geom\nA,${ewkb}\n`);
    if (!parsed.ok) throw new Error(parsed.error.code);
    expect(parsed.value.records[0].geometry).toEqual({ type: 'Point', coordinates: [117.5, 36.7] });
    expect(parsed.value.declaredCrs?.crs).toBe('wgs84');
  });

  it('gives no geometry for a cell that is not WKT or WKB, so that row alone is named', () => {
    const parsed = parseCsv('id,WKT\nA,POINT(117.5 36.7)\nB,POINT(oops)\n');
    if (!parsed.ok) throw new Error(parsed.error.code);
    expect(parsed.value.records[1].geometry).toBeNull();
  });
});
