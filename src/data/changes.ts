import type { CollectionId } from '../layers/registry';
import { concatAllTables } from './columnar/concatTables';
import { upsertRows } from './columnar/upsertRows';
import { idIn, tableIds } from './columnar/readTable';
import { decodeFile, loadedFingerprint, type LoadedTable } from './decode';
import type { DataError, FeatureIssue } from './errors';
import { fetchBody, type FetchOptions } from './http';
import { ok, type Result } from './result';

/** Change files read and checked: their features as one table, in the order published, and those refused. */
export interface ReadChanges {
  table: LoadedTable['table'];
  rejected: FeatureIssue[];
}

/**
 * Fetches a collection's change files (GeoJSON, each the features added or changed since the one
 * before) in order and checks them against the schema as a whole read is checked. The first file
 * that cannot be read fails them all: changes are applied whole or not at all.
 */
export async function readChangeFiles(id: CollectionId, urls: readonly string[], options: FetchOptions): Promise<Result<ReadChanges, DataError>> {
  const tables = [];
  const rejected: FeatureIssue[] = [];
  for (const url of urls) {
    const body = await fetchBody(url, id, options);
    if (!body.ok) return body;
    const decoded = decodeFile(id, body.value, 'geojson');
    if (!decoded.ok) return decoded;
    tables.push(decoded.value.table);
    rejected.push(...decoded.value.rejected);
  }
  return ok({ table: concatAllTables(id, tables), rejected });
}

/**
 * A collection as loaded with its changes written in by id (upsertRows). A feature the collection
 * had refused and a change now brings valid is no longer counted as refused; a change refused
 * leaves the feature as it was, and is counted.
 */
export function applyChanges(loaded: LoadedTable, changes: ReadChanges): LoadedTable {
  const { table } = upsertRows(loaded.table, changes.table);
  const ids = tableIds(changes.table);
  const fixed = new Set(Array.from({ length: ids.length }, (_, i) => idIn(ids, i)));
  const rejected = [...loaded.rejected.filter((r) => r.featureId === null || !fixed.has(r.featureId)), ...changes.rejected];
  return { table, rejected, fingerprint: loadedFingerprint(table, rejected) };
}

/** A collection as read, with its change files written in (none: as it is); a failure of either is the answer. */
export async function writeInChangeFiles(id: CollectionId, read: Result<LoadedTable, DataError>, urls: readonly string[], options: FetchOptions): Promise<Result<LoadedTable, DataError>> {
  if (!read.ok || urls.length === 0) return read;
  const changes = await readChangeFiles(id, urls, options);
  return changes.ok ? ok(applyChanges(read.value, changes.value)) : changes;
}
