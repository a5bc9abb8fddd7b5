import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { MAX_FEATURES } from '../limits';
import { openFile } from '../openFile';
import type { RawRecord } from '../records';

async function records(file: { batches(): AsyncIterable<RawRecord[]> }): Promise<{ all: RawRecord[]; batches: number }> {
  const all: RawRecord[] = [];
  let batches = 0;
  for await (const batch of file.batches()) {
    all.push(...batch);
    batches++;
  }
  return { all, batches };
}

describe('a GeoJSON file opened as a stream', () => {
  const source = JSON.parse(readFileSync('public/data/lamps.geojson', 'utf8')) as FeatureCollection;

  it('is read in batches, never whole, to the same records as the file holds', async () => {
    const text = JSON.stringify(source);
    expect(text.length).toBeGreaterThan(3 << 20);
    const opened = await openFile(new Blob([text]), 'lamps.geojson');
    if (!opened.ok) throw new Error(opened.error.code);
    const file = opened.value;
    expect(file).toMatchObject({ format: 'geojson', count: source.features.length, geometryTypes: { Point: source.features.length }, encoding: 'utf-8' });
    expect(file.fields).toEqual(Object.keys(source.features[0].properties!));
    expect(file.head.map((r) => r.id)).toEqual(source.features.slice(0, 5).map((f) => f.id));
    expect(file.spread.length).toBeGreaterThanOrEqual(2000);
    const read = await records(file);
    expect(read.batches).toBeGreaterThan(1);
    expect(read.all).toHaveLength(source.features.length);
    read.all.forEach((r, i) => {
      const f = source.features[i];
      expect(r.id).toBe(f.id);
      expect(r.geometry).toEqual(f.geometry);
      expect({ ...r.properties }).toEqual(f.properties);
    });
  });

  it('is checked from the columns its first pass kept when it holds points, and read again when it holds polygons', async () => {
    const counted = (text: string) => {
      const blob = new Blob([text]);
      const file = { size: blob.size, slice: (a?: number, b?: number) => blob.slice(a, b), stream: () => (file.reads++, blob.stream()), reads: 0 };
      return file;
    };
    const pointsFile = counted(JSON.stringify(source));
    const opened = await openFile(pointsFile as unknown as Blob, 'lamps.geojson');
    if (!opened.ok) throw new Error(opened.error.code);
    expect(pointsFile.reads).toBe(1);
    expect((await records(opened.value)).all).toHaveLength(source.features.length);
    expect(pointsFile.reads).toBe(1);

    const patches = readFileSync('public/data/patches.geojson', 'utf8');
    const polygonsFile = counted(patches);
    const polygons = await openFile(polygonsFile as unknown as Blob, 'patches.geojson');
    if (!polygons.ok) throw new Error(polygons.error.code);
    const read = await records(polygons.value);
    expect(polygonsFile.reads).toBe(2);
    expect(read.all.map((r) => r.geometry)).toEqual((JSON.parse(patches) as FeatureCollection).features.map((f) => f.geometry));
  });

  it('stops reading past the feature limit, saying how far it got', async () => {
    const line = '{"type":"Feature","geometry":null,"properties":{}}\n';
    const opened = await openFile(new Blob([line.repeat(MAX_FEATURES + 100_000)]), 'many.geojsonl');
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.error).toMatchObject({ code: 'tooManyFeatures', limit: MAX_FEATURES });
    expect((opened.error as { count: number }).count).toBeGreaterThan(MAX_FEATURES);
    expect((opened.error as { count: number }).count).toBeLessThan(MAX_FEATURES + 100_000);
  });
});

describe('a CSV file opened as a stream', () => {
  it('falls back to GB18030 when a byte past the first megabytes is not UTF-8', async () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => `ZQ-${i},117.5,36.7,经十路`);
    // The last row's road re-encoded as GBK bytes: 经十路 is BE AD CA AE C2 B7 there.
    const tail = Uint8Array.from([0x5a, 0x51, 0x2d, 0x58, 0x2c, 0x31, 0x31, 0x37, 0x2e, 0x35, 0x2c, 0x33, 0x36, 0x2e, 0x37, 0x2c, 0xbe, 0xad, 0xca, 0xae, 0xc2, 0xb7, 0x0a]);
    const ascii = new TextEncoder().encode(`id,lon,lat,road\n${rows.map((r) => r.replace('经十路', 'A')).join('\n')}\n`);
    expect(ascii.length).toBeGreaterThan(2 << 20);
    const opened = await openFile(new Blob([ascii, tail]), 'ledger.csv');
    if (!opened.ok) throw new Error(opened.error.code);
    expect(opened.value).toMatchObject({ encoding: 'gb18030', count: 150_001, geometryFrom: 'columns', coordinateColumns: { lon: 'lon', lat: 'lat' } });
    const read = await records(opened.value);
    expect(read.all.at(-1)!.properties.road).toBe('经十路');
  });
});
