import { z } from 'zod';
import { COLLECTIONS, isCollectionId, timeFieldOf, type CollectionId } from '../layers/registry';
import { dataError, type DataError } from './errors';
import type { Decoder, FileFormat, LoadedTable } from './decode';
import { decodeInThread } from './decodeInThread';
import { fetchJson } from './http';
import { matchesQuery } from './query';
import { encodeTable } from './columnar/encodeTable';
import { featureAt, featuresOf } from './columnar/readTable';
import { err, ok, type Result } from './result';
import type { CollectionSummary, DataSource, LoadOptions, ShownCollection } from './source';

export interface StaticSourceOptions {
  /** Folder holding manifest.json and one {collection}.geojson per collection (and {collection}.arrow where the manifest says so), e.g. `/data`. */
  baseUrl: string;
  timeoutMs?: number;
  /** Where parsing and validation happen; the app passes a worker-backed one. */
  decoder?: Decoder;
}

/**
 * A change file's name: plain, in the data folder, GeoJSON. It is taken from the manifest, so
 * nothing else (a path up, another host) is ever fetched because a manifest names it.
 */
const CHANGE_FILE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}\.geojson$/;

const entrySchema = z.object({
  id: z.string(),
  count: z.number().optional().catch(undefined),
  /** `arrow`: the collection is also written as columns, in {id}.arrow (the name is not taken from the file). */
  arrow: z.boolean().optional().catch(undefined),
  sha256: z.string().max(128).optional().catch(undefined),
  arrowSha256: z.string().max(128).optional().catch(undefined),
  /**
   * The features added or changed since the collection's file was written, one file per
   * publication, oldest first: a feature whose id the collection holds replaces it, a new one is
   * appended. The file itself stays as it was until the publisher writes a new one (and a new sha256).
   */
  changes: z.array(z.object({ file: z.string().regex(CHANGE_FILE), count: z.number().optional() })).max(10_000).optional(),
});

interface Listed extends CollectionSummary {
  id: CollectionId;
  /** Why the manifest's entry cannot be used: the collection is then refused, not read without its changes. */
  problem?: string;
  format: FileFormat;
  /** What the collection's file is, as the manifest says: its SHA-256 (null when the manifest does not say). */
  sha256: string | null;
  changes: string[];
}

const manifestError = (message: string) => err(dataError('payload', 'manifest', `manifest: ${message}`));

function parseManifest(value: unknown): Result<Listed[], DataError> {
  const list = (value as { collections?: unknown } | null)?.collections;
  if (!Array.isArray(list)) return manifestError('"collections" is missing or not an array');
  const listed: Listed[] = [];
  for (const raw of list) {
    const id: unknown = (raw as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !isCollectionId(id)) continue;
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      const problem = `${id}: the manifest's entry is malformed at ${issue.path.join('.')} (${issue.message})`;
      listed.push({ id, title: COLLECTIONS[id].title, count: null, format: 'geojson', sha256: null, changes: [], problem });
      continue;
    }
    const c = parsed.data;
    const format: FileFormat = c.arrow === true ? 'arrow' : 'geojson';
    const sha256 = (format === 'arrow' ? c.arrowSha256 : c.sha256) ?? null;
    listed.push({ id, title: COLLECTIONS[id].title, count: c.count ?? null, format, sha256, changes: (c.changes ?? []).map((f) => f.file) });
  }
  return ok(listed);
}

/**
 * The data a read gave, as the page keeps it to ask for changes later: the file's SHA-256, how
 * many change files were written in and the last one's name. Null where the manifest does not
 * give a SHA-256: the file is then read whole again to learn whether it changed.
 */
function versionOf(entry: Listed, applied = entry.changes.length): string | null {
  return entry.sha256 === null ? null : `${entry.sha256}#${applied}#${applied ? entry.changes[applied - 1] : ''}`;
}

/** The change files published since `version` was read; null when they cannot be told (a new file, a rewritten list). */
function changesSince(entry: Listed, version: string): string[] | null {
  const [sha256, count, last] = version.split('#');
  const applied = Number(count);
  if (entry.sha256 === null || sha256 !== entry.sha256 || !Number.isInteger(applied) || applied > entry.changes.length) return null;
  if (applied > 0 && entry.changes[applied - 1] !== last) return null;
  return entry.changes.slice(applied);
}

/** The default source: the bundled files (Arrow columns, or GeoJSON), works offline on any static host. */
export function createStaticSource({ baseUrl, timeoutMs = 120_000, decoder = decodeInThread }: StaticSourceOptions): DataSource {
  const root = baseUrl.replace(/\/$/, '');
  // Read once for the first loads, and again when the page asks what changed; always past any cache
  // (it is small, and says which files and changes make the collections now).
  let manifest: Promise<Result<Listed[], DataError>> | null = null;
  const readManifest = (signal?: AbortSignal, fresh = false) => {
    if (fresh || !manifest) {
      const read = fetchJson(`${root}/manifest.json`, 'manifest', { signal, timeoutMs, cache: 'no-cache' }).then((r) => (r.ok ? parseManifest(r.value) : r));
      manifest = read;
      // A failed read (or one cancelled with its page) is not kept: the next caller asks again.
      void read.then((r) => {
        if (!r.ok && manifest === read) manifest = null;
      });
    }
    return manifest;
  };
  /** `fresh`: past any cache (a refresh that found the file rewritten). */
  const readWhole = async (id: CollectionId, listed: Result<Listed[], DataError>, options: LoadOptions, fresh = false): Promise<Result<LoadedTable, DataError>> => {
    // Without a manifest that says otherwise, the GeoJSON file is read: any folder of {id}.geojson works.
    const entry = listed.ok ? listed.value.find((c) => c.id === id) : undefined;
    if (entry?.problem) return err(dataError('payload', id, entry.problem));
    const format = entry?.format ?? 'geojson';
    const fetchOptions = { signal: options.signal, timeoutMs, onBytes: options.onProgress, cache: fresh ? ('no-cache' as const) : undefined };
    const changes = (entry?.changes ?? []).map((file) => `${root}/${file}`);
    const decoded = await decoder.fetchAndDecode(id, `${root}/${id}.${format}`, fetchOptions, format, changes);
    if (!decoded.ok) return decoded;
    const version = entry && versionOf(entry);
    return ok(version ? { ...decoded.value, version } : decoded.value);
  };
  return {
    kind: 'static',
    async listCollections(signal) {
      const listed = await readManifest(signal);
      return listed.ok ? ok(listed.value.map(({ id, title, count }): CollectionSummary => ({ id, title, count }))) : listed;
    },
    async getCollection(id: CollectionId, options: LoadOptions = {}) {
      const read = await readWhole(id, await readManifest(options.signal), options);
      if (!read.ok) return read;
      const { table, rejected, fingerprint, version } = read.value;
      if (!options.bbox && !options.datetime) return ok({ table, rejected, fingerprint, version });
      const rows = Array.from({ length: table.length }, (_, i) => i).filter((i) => matchesQuery(featureAt(table, i), options, timeFieldOf(id)));
      return ok({ table: encodeTable(id, featuresOf(table, rows)), rejected });
    },
    /**
     * What changed since `shown` was read, as the manifest says: nothing (null), the change files
     * published since written into what is shown (only they are fetched), or, when the file itself
     * was rewritten, the whole collection read again.
     */
    async getChanges(id: CollectionId, shown: ShownCollection, options: LoadOptions = {}) {
      const listed = await readManifest(options.signal, true);
      if (!listed.ok) return listed;
      const entry = listed.value.find((c) => c.id === id);
      const version = entry && versionOf(entry);
      if (version && version === shown.version) return ok(null);
      const since = entry && shown.version ? changesSince(entry, shown.version) : null;
      if (!entry || entry.problem || !version || since === null) return readWhole(id, listed, options, true);
      const applied = await decoder.applyChanges(id, shown, since.map((file) => `${root}/${file}`), { signal: options.signal, timeoutMs });
      return applied.ok ? ok({ ...applied.value, version }) : applied;
    },
  };
}
