import type { CollectionId } from '../layers/registry';
import { dataError, type DataError, type FeatureIssue } from './errors';
import { restoreFlatProperties } from './flatProperties';
import { err, ok, type Result } from './result';
import type { FetchOptions } from './http';
import { validateFeatureCollection, type ValidatedFeatures } from './validate';
import { encodeTable } from './columnar/encodeTable';
import type { FeatureTable } from './columnar/featureTable';
import { tableFingerprint } from './columnar/tableFingerprint';
import { tableFromArrow } from './columnar/arrowFile';
import { checkTable } from './columnar/checkTable';

/** Paging members an OGC API page carries beside its features (absent in plain files). */
export interface PageInfo {
  numberMatched: number | null;
  links: { rel: string; href: string }[];
  /** How many features the page held, and the id of its last one (for paging by key). */
  returned: number;
  lastId: string | null;
}

export type DecodedPage<C extends CollectionId> = ValidatedFeatures<C> & { page: PageInfo };

/** A collection as loaded: its features as columns, those refused with the reason, and a fingerprint of the whole. */
export interface LoadedTable {
  table: FeatureTable;
  rejected: ValidatedFeatures<CollectionId>['rejected'];
  fingerprint?: string;
  /** The source's marker of the data read (a static folder's: from its manifest), to ask later what changed since. */
  version?: string;
}

export type DecodedTablePage = LoadedTable & { page: PageInfo };

export interface DecodeOptions {
  /** The server writes rows flat (no null, no arrays): restore them first (see flatProperties). */
  flatProperties?: boolean;
}

/**
 * Turns a response body into validated features held as columns: JSON parsing, schema checks and
 * encoding, the heavy part of loading (a worker's, in the app).
 */
export interface Decoder {
  decode(id: CollectionId, body: ArrayBuffer, options?: DecodeOptions): Promise<Result<DecodedTablePage, DataError>>;
  /**
   * Fetches a whole file and decodes it where decoding happens (in the app the body never reaches
   * the page), with the change files published since it written in (see changes.ts).
   */
  fetchAndDecode(id: CollectionId, url: string, fetchOptions: FetchOptions, format?: FileFormat, changes?: readonly string[]): Promise<Result<LoadedTable, DataError>>;
  /** A collection as loaded with the features of the change files written in: only the changes are fetched. */
  applyChanges(id: CollectionId, loaded: LoadedTable, changes: readonly string[], fetchOptions: FetchOptions): Promise<Result<LoadedTable, DataError>>;
}

/** How a bundled file is written: GeoJSON (the interchange format) or Arrow columns (what the app ships). */
export type FileFormat = 'geojson' | 'arrow';

export const decodeFile = (id: CollectionId, body: ArrayBuffer, format: FileFormat = 'geojson') => (format === 'arrow' ? decodeColumnsFile(id, body) : decodeCollectionTable(id, body));

function pageInfo(payload: unknown): PageInfo {
  const p = payload as { numberMatched?: unknown; links?: unknown; features?: unknown };
  const features = Array.isArray(p.features) ? (p.features as { id?: unknown }[]) : [];
  const last = features.at(-1)?.id;
  const links = Array.isArray(p.links)
    ? p.links.filter((l): l is { rel: string; href: string } => typeof l?.rel === 'string' && typeof l?.href === 'string').map(({ rel, href }) => ({ rel, href }))
    : [];
  return {
    numberMatched: typeof p.numberMatched === 'number' ? p.numberMatched : null,
    links,
    returned: features.length,
    lastId: typeof last === 'string' || typeof last === 'number' ? String(last) : null,
  };
}

export function decodeCollection<C extends CollectionId>(id: C, body: ArrayBuffer, options: DecodeOptions = {}): Result<DecodedPage<C>, DataError> {
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder().decode(body));
  } catch (e) {
    return err(dataError('parse', id, `${id}: the response is not valid JSON (${e instanceof Error ? e.message : String(e)})`));
  }
  if (options.flatProperties) restoreFlat(id, payload);
  const validated = validateFeatureCollection(id, payload);
  if (!validated.ok) return validated;
  return ok({ ...validated.value, page: pageInfo(payload) });
}

/** The fingerprint of a collection as loaded. Refused features count too: a change among them changes what the page reports. */
export const loadedFingerprint = (table: FeatureTable, rejected: readonly FeatureIssue[]) => tableFingerprint(table, rejected.length ? JSON.stringify(rejected) : '');

/** decodeCollection, then the features as columns: what crosses from the decode worker to the page. */
export function decodeCollectionTable(id: CollectionId, body: ArrayBuffer, options: DecodeOptions = {}): Result<DecodedTablePage, DataError> {
  const decoded = decodeCollection(id, body, options);
  if (!decoded.ok) return decoded;
  const { features, rejected, page } = decoded.value;
  const table = encodeTable(id, features);
  return ok({ table, rejected, fingerprint: loadedFingerprint(table, rejected), page });
}

/**
 * A bundled collection written as columns (an Arrow file, see arrowFile): read without parsing text,
 * then checked against the schema as GeoJSON would be (checkTable).
 */
export function decodeColumnsFile(id: CollectionId, body: ArrayBuffer): Result<DecodedTablePage, DataError> {
  const read = tableFromArrow(id, new Uint8Array(body));
  if (!read.ok) return err(dataError('parse', id, `${id}: the columns file cannot be read (${read.error})`));
  const checked = checkTable(id, read.value);
  if (!checked.ok) return err(dataError('payload', id, `${id}: ${checked.error}`));
  const { table, rejected } = checked.value;
  const page: PageInfo = { numberMatched: null, links: [], returned: table.length, lastId: null };
  return ok({ table, rejected, fingerprint: loadedFingerprint(table, rejected), page });
}

function restoreFlat(id: CollectionId, payload: unknown): void {
  const features = (payload as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return;
  for (const f of features as { properties?: unknown }[]) if (f && typeof f === 'object') f.properties = restoreFlatProperties(id, f.properties);
}
