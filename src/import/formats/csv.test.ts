import { describe, expect, it } from 'vitest';
import { openFile } from '../openFile';
import type { RawRecord } from '../records';
import { wkbGeometry } from './csv';

/** Opens CSV text the way the dialog does: streamed. */
async function openCsv(text: string) {
  const opened = await openFile(new Blob([text]), 'table.csv');
  if (!opened.ok) throw new Error(opened.error.code);
  const records: RawRecord[] = [];
  for await (const batch of opened.value.batches()) records.push(...batch);
  return { ...opened.value, records };
}

describe('CSV with a geometry column', () => {
  it('reads WKT and EWKT, taking the SRID as the declared system', async () => {
    const parsed = await openCsv('id,WKT\nA,"SRID=4490;POLYGON((117 36,117.1 36,117.1 36.1,117 36))"\nB,POINT(117.5 36.7)\n');
    expect(parsed.geometryFrom).toBe('features');
    expect(parsed.records[1].geometry).toEqual({ type: 'Point', coordinates: [117.5, 36.7] });
    expect(parsed.declaredCrs).toMatchObject({ crs: 'wgs84', source: 'wkt' });
    expect(parsed.fields).toEqual(['id']);
  });

  it('reads hex WKB and PostGIS EWKB (as psql prints a geometry)', async () => {
    // POINT(117.5 36.7), little-endian; then the same as EWKB with SRID 4490.
    const wkb = '01010000000000000000605D409A99999999594240';
    const ewkb = '01010000208A1100000000000000605D409A99999999594240';
    expect(wkbGeometry(wkb)).toEqual({ geometry: { type: 'Point', coordinates: [117.5, 36.7] }, srid: null });
    expect(wkbGeometry(ewkb)).toEqual({ geometry: { type: 'Point', coordinates: [117.5, 36.7] }, srid: 4490 });
    const parsed = await openCsv(`id,geom\nA,${ewkb}\n`);
    expect(parsed.records[0].geometry).toEqual({ type: 'Point', coordinates: [117.5, 36.7] });
    expect(parsed.declaredCrs?.crs).toBe('wgs84');
  });

  it('gives no geometry for a cell that is not WKT or WKB, so that row alone is named', async () => {
    const parsed = await openCsv('id,WKT\nA,POINT(117.5 36.7)\nB,POINT(oops)\n');
    expect(parsed.records[1].geometry).toBeNull();
  });
});
