import type { CrsSource } from './declaredCrs';
import type { ImportFormat } from './records';

/**
 * What can be wrong with an imported file, as codes with parameters rather than sentences, so
 * the dialog words them in the reader's language and the tests match on the code.
 */

/** A problem with the whole file: nothing of it can be loaded. */
export type FileProblem =
  | { code: 'empty' }
  /** streamed: a GeoJSON or CSV file (read as a stream, to a higher limit); otherwise a format read whole. */
  | { code: 'tooLarge'; bytes: number; limit: number; streamed: boolean }
  | { code: 'tooManyFeatures'; count: number; limit: number }
  | { code: 'binary'; kind: 'excel' | 'zip' | 'shapefile' | 'pdf' | 'image' | 'unknown' }
  /** A zip, workbook, GeoPackage or FlatGeobuf that cannot be read (truncated, damaged). */
  | { code: 'badArchive'; format: ImportFormat | 'zip'; detail: string }
  /** A zip without the shapefile part named (.shp, .shx or .dbf), or a lone part of a shapefile. */
  | { code: 'shapefilePart'; missing: string }
  /** XML with a document type declaring entities: refused (entity expansion is how XML files attack readers). */
  | { code: 'xmlEntities' }
  /** A GeoPackage or a zip without any feature layer. */
  | { code: 'noLayers'; format: ImportFormat }
  | { code: 'badEncoding' }
  | { code: 'notJson'; detail: string }
  | { code: 'notGeoJson'; found: string }
  | { code: 'noFeatures' }
  | { code: 'wrongGeometry'; expected: string; found: string }
  | { code: 'csvNoHeader' }
  | { code: 'csvNoCoordinates'; columns: string[] }
  | { code: 'csvForPolygons' }
  | { code: 'projected'; epsg: string; sample: [number, number] }
  | { code: 'missingColumn'; field: string }
  | { code: 'tooManyRegions'; count: number; limit: number }
  | { code: 'nothingValid'; rejected: number }
  | { code: 'cancelled' }
  | { code: 'internal'; detail: string };

/** An unexpected failure (a bug, or the worker dying) as a file problem, so it reaches the dialog like any other. */
export function internalProblem(e: unknown): FileProblem {
  return { code: 'internal', detail: e instanceof Error ? e.message : String(e) };
}

/** Why one feature was skipped; the rest of the file still loads. */
export type FeatureProblemReason =
  | { code: 'noGeometry' }
  | { code: 'geometryType'; expected: string; found: string }
  | { code: 'badCoordinate'; value: string }
  | { code: 'outOfRange'; lon: number; lat: number }
  | { code: 'ringNotClosed' }
  | { code: 'ringTooShort' }
  | { code: 'selfIntersection'; at: [number, number] }
  | { code: 'missingField'; field: string }
  | { code: 'badNumber'; field: string; value: string }
  | { code: 'badDate'; field: string; value: string }
  | { code: 'badBoolean'; field: string; value: string }
  | { code: 'unknownValue'; field: string; value: string; allowed: string[] }
  | { code: 'tooLong'; field: string; length: number }
  | { code: 'duplicateId'; id: string }
  | { code: 'invalidField'; field: string; detail: string };

export interface FeatureProblem {
  /** 0-based position in the file (a CSV row number is index + 2, after the header). */
  index: number;
  featureId: string | null;
  reason: FeatureProblemReason;
}

/** Things worth saying that skip nothing. */
export type ImportNotice =
  | { code: 'swapped'; count: number }
  | { code: 'datumShift'; datum: string; medianM: number; maxM: number }
  | { code: 'outsideDistrict'; count: number }
  | { code: 'unsafeKeys'; keys: string[] }
  | { code: 'idsGenerated'; count: number }
  | { code: 'townsAssigned'; count: number }
  | { code: 'projectionConverted'; crs: string }
  /** The file declares its system, and it was applied. */
  | { code: 'crsDeclared'; crs: string; source: CrsSource; name: string }
  /** The file declares a system the import cannot convert: its coordinates are read as chosen in the dialog. */
  | { code: 'crsUnknown'; source: CrsSource; name: string };
