import type { FileCrs } from './declaredCrs';
import { MAX_FIELDS, UNSAFE_KEYS } from './limits';

/** The file formats the import reads, each in its own module under formats/. */
export type ImportFormat = 'geojson' | 'geojsonseq' | 'csv' | 'excel' | 'shapefile' | 'kml' | 'kmz' | 'gpkg' | 'fgb';
export const FORMAT_NAMES: Record<ImportFormat, string> = {
  geojson: 'GeoJSON',
  geojsonseq: 'GeoJSONSeq',
  csv: 'CSV',
  excel: 'Excel',
  shapefile: 'Shapefile',
  kml: 'KML',
  kmz: 'KMZ',
  gpkg: 'GeoPackage',
  fgb: 'FlatGeobuf',
};

/** A file holding several tables: the workbook's sheets or the GeoPackage's (or zip's) layers, and the one read. */
export interface FileChoice {
  kind: 'sheet' | 'layer';
  names: string[];
  chosen: string;
}

/** One feature as read from a file, before any field is mapped or checked. */
export interface RawRecord {
  /** Geometry as found in a GeoJSON file; for CSV it is built from the coordinate columns when the file is checked. */
  geometry: unknown;
  /** The feature's own id member (GeoJSON only). */
  id: unknown;
  /** Null-prototype object: no key, however named, can reach Object.prototype. */
  properties: Record<string, unknown>;
}

export interface ParsedFile {
  format: ImportFormat;
  /** Rows of a table (CSV, Excel): problems are named by row number, after the header row. */
  tabular: boolean;
  /** Where each record's geometry is: read with it (features, or a WKT column), or built from coordinate columns when checked. */
  geometryFrom: 'features' | 'columns';
  /** The coordinate system the file declares (a GeoJSON crs member, a .prj, a GeoPackage's srs), applied by itself. */
  declaredCrs: FileCrs | null;
  /** The sheet or layer read, when the file holds several. */
  choice: FileChoice | null;
  records: RawRecord[];
  /** Property names or column headers in the order first seen, for the mapping step. */
  fields: string[];
  /** Keys dropped because they name prototype members. */
  unsafeKeys: string[];
  /** CSV only: the columns that look like longitude and latitude (经度 / 纬度, lon / lat, x / y ...). */
  coordinateColumns: CoordinateColumns | null;
}

export interface CoordinateColumns {
  lon: string;
  lat: string;
}

/** Copies a properties object into a null-prototype one, dropping keys that name prototype members. */
export function safeProperties(source: unknown, fields: FieldCollector): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  if (typeof source !== 'object' || source === null || Array.isArray(source)) return out;
  for (const key of Object.keys(source)) {
    if (UNSAFE_KEYS.has(key)) {
      fields.unsafe.add(key);
      continue;
    }
    out[key] = (source as Record<string, unknown>)[key];
    fields.see(key);
  }
  return out;
}

/** Notes a properties object's member names (what safeProperties would keep, and drop) without copying it. */
export function seeProperties(source: unknown, fields: FieldCollector): void {
  if (typeof source !== 'object' || source === null || Array.isArray(source)) return;
  for (const key of Object.keys(source)) {
    if (UNSAFE_KEYS.has(key)) fields.unsafe.add(key);
    else fields.see(key);
  }
}

export class FieldCollector {
  readonly names: string[] = [];
  readonly unsafe = new Set<string>();
  private readonly seen = new Set<string>();

  see(name: string): void {
    if (this.seen.has(name) || this.names.length >= MAX_FIELDS) return;
    this.seen.add(name);
    this.names.push(name);
  }
}
