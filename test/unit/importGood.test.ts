import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../src/import/checkRecords';
import { bbox } from '@turf/bbox';
import { distanceM } from '../../src/import/coordinates';
import { MAX_FILE_BYTES, STREAMED_FILE_BYTES } from '../../src/import/limits';
import { fileProblemText } from '../../src/import/problemText';
import { openFile } from '../../src/import/openFile';
import { reassignTownCodes } from '../../src/import/regions';
import { encodeTable, type EncodableFeature } from '../../src/data/columnar/encodeTable';
import { featuresOf, tableIds } from '../../src/data/columnar/readTable';
import { OUTSIDE_CODE } from '../../src/layers/common/codes';
import { buildTownIndex } from '../../src/stats/towns/townIndex';
import { runImport, runImportFile, type PipelineResult } from '../support/importPipeline';

const GOOD = 'test/fixtures/import/good';
const bundledLamps = JSON.parse(readFileSync('public/data/lamps.geojson', 'utf8')) as FeatureCollection<Point, { id: string; townCode: string }>;
const bundledById = new Map(bundledLamps.features.map((f) => [f.properties.id.replace('LD', 'ZQ'), f]));

async function loaded(reading: Promise<PipelineResult>) {
  const result = await reading;
  if (!result.ok) throw new Error(`refused: ${result.problem.code}`);
  return result.outcome;
}

describe('a lamp ledger saved from Excel', () => {
  let utf8: ImportOutcome;
  beforeAll(async () => {
    utf8 = await loaded(runImportFile(`${GOOD}/lamps-ledger.csv`, 'lamps'));
  });

  it('loads every row, with Chinese labels read as the schema codes and each lamp placed in its town', () => {
    expect(utf8.features).toHaveLength(20);
    expect(utf8.problems).toEqual([]);
    for (const f of utf8.features) {
      const original = bundledById.get(String(f.id))!;
      expect(f.geometry).toEqual(original.geometry);
      expect(f.properties!.townCode).toBe(original.properties.townCode);
      expect(f.properties!.retrofit2021).toBe(false);
    }
  });

  it('reads the same from GBK (no byte-order mark) as from UTF-8', async () => {
    const gbk = await loaded(runImportFile(`${GOOD}/lamps-ledger-gbk.csv`, 'lamps'));
    expect(gbk.features).toEqual(utf8.features);
  });

  it('undoes GCJ-02 when the user declares it, and reports the shift', async () => {
    const gcj = await loaded(runImportFile(`${GOOD}/lamps-gcj02.csv`, 'lamps', { crs: 'gcj02' }));
    gcj.features.forEach((f, i) => {
      expect(distanceM((f.geometry as Point).coordinates as [number, number], (utf8.features[i].geometry as Point).coordinates as [number, number])).toBeLessThan(1.5);
    });
    const shift = gcj.notices.find((n) => n.code === 'datumShift');
    expect(shift).toMatchObject({ code: 'datumShift', datum: 'gcj02' });
    expect(shift!.code === 'datumShift' && shift!.medianM).toBeGreaterThan(400);
  });

  it('gives rows without an id ids of their own that no earlier import of the same day took', async () => {
    // The ledger without its id column, appended twice on one day (one id prefix).
    const rows = readFileSync(`${GOOD}/lamps-ledger.csv`, 'utf8').replace(/^\uFEFF/, '').split('\n').filter(Boolean).map((line) => line.split(',').slice(1).join(','));
    const bytes = new TextEncoder().encode(rows.join('\n'));
    const first = await loaded(runImport(bytes, 'no-ids.csv', 'lamps', { idPrefix: 'IMP20261205-' }));
    const firstIds = first.features.map((f) => String(f.properties!.id));
    expect(first.problems).toEqual([]);
    const second = await loaded(runImport(bytes, 'no-ids.csv', 'lamps', { idPrefix: 'IMP20261205-', existingIds: tableIds(encodeTable('lamps', first.features as EncodableFeature[])) }));
    expect(second.problems).toEqual([]);
    expect(second.features).toHaveLength(first.features.length);
    const secondIds = second.features.map((f) => String(f.properties!.id));
    expect(secondIds.filter((id) => firstIds.includes(id))).toEqual([]);
    expect(new Set(secondIds).size).toBe(secondIds.length);
  });

  it('flags ids already loaded when the file is added to a layer', async () => {
    const appended = await loaded(runImportFile(`${GOOD}/lamps-ledger.csv`, 'lamps', { existingIds: tableIds(encodeTable('lamps', [{ id: 'ZQ-001-00001', geometry: null, properties: { id: 'ZQ-001-00001' } }])) }));
    expect(appended.problems).toEqual([{ index: 0, featureId: 'ZQ-001-00001', reason: { code: 'duplicateId', id: 'ZQ-001-00001' } }]);
  });
});

describe('a satellite patch batch', () => {
  it('loads unchanged', async () => {
    const source = JSON.parse(readFileSync(`${GOOD}/patches.geojson`, 'utf8')) as FeatureCollection<Polygon>;
    const outcome = await loaded(runImportFile(`${GOOD}/patches.geojson`, 'patches'));
    expect(outcome.features.map((f) => f.properties)).toEqual(source.features.map((f) => f.properties));
  });
});

describe('grid boundaries as regions', () => {
  let outcome: ImportOutcome;
  beforeAll(async () => {
    outcome = await loaded(runImportFile(`${GOOD}/regions-grid.geojson`, 'regions'));
  });

  it('become towns with their codes, names, areas and label points', () => {
    expect(outcome.features.map((f) => [f.properties!.code, f.properties!.name])).toEqual([
      ['G01', '北西网格'],
      ['G02', '北东网格'],
      ['G03', '南西网格'],
      ['G04', '南东网格'],
    ]);
    for (const f of outcome.features) expect(f.properties!.areaKm2).toBeGreaterThan(500);
  });

  it('place every lamp in the cell that holds it, and one outside them all outside', () => {
    const index = buildTownIndex(outcome.features.map((f) => ({ code: String(f.properties!.code), geometry: f.geometry as Polygon })));
    const stray: Feature<Point, { townCode: string }> = { type: 'Feature', geometry: { type: 'Point', coordinates: [120, 30] }, properties: { townCode: '370114001' } };
    const placed = featuresOf<'lamps'>(reassignTownCodes(encodeTable('lamps', [...bundledLamps.features, stray]), index));
    const [w, s, e, n] = bbox(JSON.parse(readFileSync('public/data/district.geojson', 'utf8')) as FeatureCollection);
    const midX = (w + e) / 2;
    const midY = (s + n) / 2;
    for (const f of placed.slice(0, -1)) {
      const [x, y] = f.geometry.coordinates;
      if (Math.abs(x - midX) < 0.002 || Math.abs(y - midY) < 0.002) continue;
      expect(f.properties.townCode).toBe(y > midY ? (x < midX ? 'G01' : 'G02') : x < midX ? 'G03' : 'G04');
    }
    expect(placed.at(-1)!.properties.townCode).toBe(OUTSIDE_CODE);
    expect(bundledLamps.features[0].properties.townCode).toBe('370114001');
  });
});

/** A file of `size` bytes that begins with `head`, and what of it was read: only its head may be. */
function hugeFile(size: number, head: string) {
  const reads: string[] = [];
  const file = {
    size,
    slice: (start = 0, end = size) => {
      reads.push(`${start}-${end}`);
      return new Blob([head]).slice(start, end);
    },
    stream: () => {
      reads.push('stream');
      return new Blob([head]).stream();
    },
  } as unknown as Blob;
  return { file, reads };
}

describe('the size limits', () => {
  it('refuses a GeoJSON or CSV file over the streaming limit from its size, reading only its head', async () => {
    const { file, reads } = hugeFile(STREAMED_FILE_BYTES + 1, '编号,经度,纬度\nA,117.5,36.7\n');
    const result = await openFile(file, 'huge.csv');
    expect(result).toEqual({ ok: false, error: { code: 'tooLarge', bytes: STREAMED_FILE_BYTES + 1, limit: STREAMED_FILE_BYTES, streamed: true } });
    expect(reads).toEqual(['0-65536']);
  });

  it('refuses a format read whole over its lower limit, and says so (the message points to GeoJSON or CSV)', async () => {
    const { file, reads } = hugeFile(MAX_FILE_BYTES + 1, '<?xml version="1.0"?><kml></kml>');
    const result = await openFile(file, 'huge.kml');
    expect(result).toEqual({ ok: false, error: { code: 'tooLarge', bytes: MAX_FILE_BYTES + 1, limit: MAX_FILE_BYTES, streamed: false } });
    expect(reads).toEqual(['0-65536']);
    if (result.ok) return;
    expect(fileProblemText(result.error, 'zh')).toContain('GeoJSON 或 CSV');
    expect(fileProblemText(result.error, 'en')).toContain('Save it as GeoJSON or CSV');
  });
});

describe('projected numbers', () => {
  it.each([
    ['projected-web-mercator.csv', 'EPSG:3857', 'epsg3857'],
    ['projected-gauss-kruger-zone39.csv', 'EPSG:4527', 'EPSG:4527'],
    ['projected-gauss-kruger-cm117.geojson', 'EPSG:4548', 'EPSG:4548'],
  ] as const)('in %s load once the user declares %s, as the refusal tells them to, and land in the district', async (file, epsg, crs) => {
    const path = `test/fixtures/import/bad/${file}`;
    expect(await runImportFile(path, 'lamps')).toMatchObject({ ok: false, problem: { code: 'projected', epsg } });
    const outcome = await loaded(runImportFile(path, 'lamps', { crs }));
    expect(outcome.features).toHaveLength(5);
    for (const f of outcome.features) expect(f.properties!.townCode).toMatch(/^370114\d{3}$/);
    expect(outcome.notices).toContainEqual({ code: 'projectionConverted', crs });
  });
});
