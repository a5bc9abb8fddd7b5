import type { FeatureTable } from '../data/columnar/featureTable';
import { idIn, type TableIds } from '../data/columnar/readTable';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { z } from 'zod';
import { err, ok, type Result } from '../data/result';
import { OUTSIDE_CODE } from '../layers/common/codes';
import { COLLECTIONS } from '../layers/registry';
import { buildTownIndex, OUTSIDE, type Region, type TownIndex } from '../stats/towns/townIndex';
import { distanceM, grow, guessCoordinates, isProjected, type Bbox } from './coordinates';
import type { DeclaredCrs } from './crs';
import { convertValue, DECIMAL } from './convertValue';
import { firstPosition } from '../layers/common/geometry';
import { MAX_FEATURES, MAX_LISTED_PROBLEMS, MAX_REGIONS } from './limits';
import type { FeatureProblem, FeatureProblemReason, FileProblem, ImportNotice } from './problems';
import { readGeometry, type GeometryOptions } from './readGeometry';
import type { RecordFile } from './recordFile';
import type { CoordinateColumns, RawRecord } from './records';
import { regionProperties } from './regions';
import { importTarget, type ImportTarget, type ImportTargetId } from './targets';

/** Which column feeds each field of the target (null: the field's fallback, or empty). */
export type FieldMapping = Record<string, string | null>;

export interface ImportOptions {
  target: ImportTargetId;
  mapping: FieldMapping;
  crs: DeclaredCrs;
  fixSwapped: boolean;
  /** CSV only: the longitude and latitude columns. */
  coordinateColumns: CoordinateColumns | null;
  /** The regions now on screen: they place features without a town code, and say where "near the district" is. */
  regions: Region[];
  /** Ids already loaded, when the file is added to a layer rather than replacing it: the layer's id columns, not a string per feature. */
  existingIds: TableIds | null;
  /** Prefix of generated ids, e.g. IMP20261130-. */
  idPrefix: string;
}

/** What a check found, beside the features themselves. */
export interface ImportSummary {
  target: ImportTargetId;
  total: number;
  /** The skipped features with their reasons: the first MAX_LISTED_PROBLEMS of them. */
  problems: FeatureProblem[];
  /** How many were skipped in all. */
  skipped: number;
  notices: ImportNotice[];
}

/** A whole check with its features as objects (the tests' and the benchmarks' view). */
export type ImportOutcome = ImportSummary & { features: Feature[] };

/** What the import worker hands the page: the checked features as columns (transferred), not as objects. */
export type CheckedImport = ImportSummary & { table: FeatureTable };

export interface CheckControl {
  onProgress?(done: number, total: number): void;
  /** Takes each batch of checked features as it is made (the worker encodes it into columns at once). */
  onFeatures(features: Feature[]): void;
}

const CHINA: Bbox = [73, 18, 135, 54];

function regionsBox(regions: readonly Region[]): Bbox {
  if (regions.length === 0) return CHINA;
  const [w, s, e, n] = turf.bbox(turf.featureCollection(regions.map((r) => turf.feature(r.geometry))));
  return [w, s, e, n];
}

function csvGeometry(record: RawRecord, columns: CoordinateColumns): { geometry: Point } | { reason: FeatureProblemReason } {
  const cells = [record.properties[columns.lon], record.properties[columns.lat]].map((c) => (typeof c === 'string' ? c.trim() : ''));
  const numbers = cells.map((c) => (DECIMAL.test(c) ? Number(c) : NaN));
  const bad = numbers.findIndex((n) => !Number.isFinite(n));
  if (bad >= 0) return { reason: { code: 'badCoordinate', value: cells[bad] === '' ? '(empty)' : cells[bad].slice(0, 40) } };
  return { geometry: { type: 'Point', coordinates: numbers } };
}

/** File-wide problems found before any feature is checked: a blocked mapping, the wrong geometry or projected coordinates. */
function fileProblem(file: RecordFile, target: ImportTarget, options: ImportOptions, near: Bbox): FileProblem | null {
  if (file.count > MAX_FEATURES) return { code: 'tooManyFeatures', count: file.count, limit: MAX_FEATURES };
  if (file.geometryFrom === 'columns') {
    if (target.geometry !== 'point') return { code: 'csvForPolygons' };
    if (!options.coordinateColumns) return { code: 'csvNoCoordinates', columns: file.fields.slice(0, 20) };
  } else {
    const fits = target.geometry === 'point' ? ['Point'] : ['Polygon', 'MultiPolygon'];
    if (!fits.some((t) => file.geometryTypes[t])) {
      const found = Object.entries(file.geometryTypes).sort((a, b) => b[1] - a[1])[0][0];
      return { code: 'wrongGeometry', expected: fits.join(' / '), found };
    }
  }
  for (const field of target.fields) {
    if (field.required && !options.mapping[field.name] && !field.fallback) return { code: 'missingColumn', field: field.name };
  }
  if (options.crs === 'wgs84') {
    const sample: [number, number][] = [];
    for (const r of file.spread) {
      const g = file.geometryFrom === 'columns' && options.coordinateColumns ? csvGeometry(r, options.coordinateColumns) : { geometry: r.geometry };
      const c = 'geometry' in g ? firstPosition((g.geometry as { coordinates?: unknown } | null)?.coordinates) : null;
      if (c && Number.isFinite(c[0]) && Number.isFinite(c[1])) sample.push(c);
    }
    const guess = guessCoordinates(sample, near);
    if (guess.kind === 'projected') return { code: 'projected', epsg: guess.epsg, sample: guess.sample };
  }
  return null;
}

function firstIssue(error: z.ZodError): FeatureProblemReason {
  const issue = error.issues[0];
  const field = issue.path.length ? issue.path.map(String).join('.') : '(feature)';
  return { code: 'invalidField', field, detail: issue.message };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

/**
 * Checks every record of a parsed file against a target: maps the fields, converts the values,
 * reads and converts the geometry, applies fallbacks, and validates the result with the
 * collection's own schema. A bad record is listed with its reason and skipped; the rest load.
 */
export async function checkRecords(file: RecordFile, options: ImportOptions, control: CheckControl): Promise<Result<ImportSummary, FileProblem>> {
  const target = importTarget(options.target);
  const near = grow(regionsBox(options.regions), 0.5);
  const problem = fileProblem(file, target, options, near);
  if (problem) return err(problem);

  const geometryOptions: GeometryOptions = { crs: options.crs, fixSwapped: options.fixSwapped, near };
  // The index grid pays for itself over many points; a ledger of a few hundred needs only a coarse one.
  const gridSize = Math.min(1024, Math.max(32, 2 ** Math.ceil(Math.log2(Math.sqrt(file.count) * 4))));
  const index: TownIndex | null = options.regions.length ? buildTownIndex(options.regions, gridSize) : null;
  const schema = options.target === 'regions' ? null : COLLECTIONS[options.target].properties;
  const seenIds = new Set<string>();
  const existing = options.existingIds;
  if (existing) for (let i = 0; i < existing.length; i++) seenIds.add(idIn(existing, i));
  // Generated ids count on from the prefix's last one taken, so a second import of the day (same
  // prefix) appended to the first gets ids of its own instead of all being refused as duplicates.
  let generatedNumber = 0;
  const nextGeneratedId = () => {
    let id: string;
    do id = `${options.idPrefix}${String(++generatedNumber).padStart(6, '0')}`;
    while (seenIds.has(id));
    return id;
  };
  const problems: FeatureProblem[] = [];
  const shifts: number[] = [];
  let [swapped, generated, located, outside, skipped, kept, recordsRead] = [0, 0, 0, 0, 0, 0, 0];
  const total = file.count;

  for await (const batch of file.batches()) {
    const features: Feature[] = [];
    for (const record of batch) {
      const at = recordsRead++;
      const rawId = record.id ?? (options.mapping.id ? record.properties[options.mapping.id] : undefined);
      const featureId = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId).slice(0, 60) : null;
      const skip = (reason: FeatureProblemReason) => {
        if (skipped++ < MAX_LISTED_PROBLEMS) problems.push({ index: at, featureId, reason });
      };

      const source = file.geometryFrom === 'columns' && options.coordinateColumns ? csvGeometry(record, options.coordinateColumns) : { geometry: record.geometry };
      if ('reason' in source) {
        skip(source.reason);
        continue;
      }
      const read = readGeometry(source.geometry, target.geometry, geometryOptions);
      if (!read.ok) {
        skip(read.reason);
        continue;
      }
      const geometry: Point | Polygon | MultiPolygon = read.geometry;

      const properties: Record<string, unknown> = {};
      const filled = { generated: false, located: false };
      let failed: FeatureProblemReason | null = null;
      for (const field of target.fields) {
        const column = options.mapping[field.name];
        if (column) {
          const converted = convertValue(field, record.properties[column]);
          if (!converted.ok) {
            failed = converted.reason;
            break;
          }
          if (converted.value !== null || !field.fallback) {
            properties[field.name] = converted.value;
            continue;
          }
        }
        const fallback = field.fallback;
        if (!fallback) properties[field.name] = null;
        else if (fallback.kind === 'absent') continue;
        else if (fallback.kind === 'value') properties[field.name] = fallback.value;
        else if (fallback.kind === 'copy') properties[field.name] = properties[fallback.field];
        else if (fallback.kind === 'geodesicArea') properties[field.name] = Math.round(turf.area(geometry) * 10) / 10;
        else if (fallback.kind === 'autoId') {
          // A feature's own id (GeoJSON's member, a GeoPackage's key: GDAL moves an id property there) before a made-up one.
          const own = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id).trim() : '';
          if (own && !column) properties[field.name] = own.slice(0, 200);
          else {
            properties[field.name] = nextGeneratedId();
            filled.generated = true;
          }
        } else {
          const [x, y] = read.first.after;
          const town = index ? index.locate(x, y) : OUTSIDE;
          properties[field.name] = town === OUTSIDE ? OUTSIDE_CODE : index!.codes[town];
          filled.located = true;
        }
      }
      if (failed) {
        skip(failed);
        continue;
      }
      const id = String(properties[options.target === 'regions' ? 'code' : 'id']);
      if (seenIds.has(id)) {
        skip({ code: 'duplicateId', id: id.slice(0, 60) });
        continue;
      }
      let finalProperties: unknown = properties;
      if (schema) {
        const checked = schema.safeParse(properties);
        if (!checked.success) {
          skip(firstIssue(checked.error));
          continue;
        }
        finalProperties = checked.data;
      } else {
        finalProperties = regionProperties(properties as { code: string; name: string; nameEn: string }, geometry as Polygon | MultiPolygon);
      }
      seenIds.add(id);
      if (read.swapped) swapped++;
      if (filled.generated) generated++;
      if (filled.located) located++;
      if (options.crs === 'gcj02' || options.crs === 'bd09') shifts.push(distanceM(read.first.before, read.first.after));
      if (index && options.target !== 'regions' && index.locate(...read.first.after) === OUTSIDE) outside++;
      features.push({ type: 'Feature', id, geometry, properties: finalProperties as Record<string, unknown> });
    }
    kept += features.length;
    if (options.target === 'regions' && kept > MAX_REGIONS) return err({ code: 'tooManyRegions', count: kept, limit: MAX_REGIONS });
    control.onFeatures(features);
    control.onProgress?.(recordsRead, total);
  }

  const notices: ImportNotice[] = [];
  if (file.unsafeKeys.length) notices.push({ code: 'unsafeKeys', keys: file.unsafeKeys });
  if (swapped) notices.push({ code: 'swapped', count: swapped });
  if (shifts.length) notices.push({ code: 'datumShift', datum: options.crs, medianM: Math.round(median(shifts)), maxM: Math.round(shifts.reduce((a, b) => Math.max(a, b), 0)) });
  const declared = file.declaredCrs;
  if (declared?.crs && declared.crs === options.crs) notices.push({ code: 'crsDeclared', crs: declared.crs, source: declared.source, name: declared.name });
  if (declared && declared.crs === null) notices.push({ code: 'crsUnknown', source: declared.source, name: declared.name });
  if (isProjected(options.crs)) notices.push({ code: 'projectionConverted', crs: options.crs });
  if (generated) notices.push({ code: 'idsGenerated', count: generated });
  if (located) notices.push({ code: 'townsAssigned', count: located });
  if (outside) notices.push({ code: 'outsideDistrict', count: outside });
  return ok({ target: options.target, total: recordsRead, problems, skipped, notices });
}

/** A whole check with its features kept as objects: for small files (region boundaries) and the tests. */
export async function checkAllRecords(file: RecordFile, options: ImportOptions): Promise<Result<ImportOutcome, FileProblem>> {
  const features: Feature[] = [];
  const checked = await checkRecords(file, options, { onFeatures: (batch) => features.push(...batch) });
  return checked.ok ? ok({ ...checked.value, features }) : checked;
}
