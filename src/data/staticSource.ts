import { COLLECTIONS, isCollectionId, timeFieldOf, type CollectionId } from '../layers/registry';
import { dataError, type DataError } from './errors';
import { decodeInThread, type Decoder, type FileFormat } from './decode';

import { fetchJson } from './http';
import { matchesQuery } from './query';
import { encodeTable } from './columnar/encodeTable';
import { featureAt, featuresOf } from './columnar/readTable';
import { err, ok, type Result } from './result';
import type { CollectionSummary, DataSource, LoadOptions } from './source';

type Listed = CollectionSummary & { id: CollectionId; format: FileFormat };

export interface StaticSourceOptions {
  /** Folder holding manifest.json and one {collection}.geojson per collection (and {collection}.arrow where the manifest says so), e.g. `/data`. */
  baseUrl: string;
  timeoutMs?: number;
  /** Where parsing and validation happen; the app passes a worker-backed one. */
  decoder?: Decoder;
}

interface Manifest {
  /** `arrow`: the collection is also written as columns, in {id}.arrow (the name is not taken from the file). */
  collections: { id: string; file: string; count: number; arrow?: boolean }[];
}

/** The default source: the bundled files (Arrow columns, or GeoJSON), works offline on any static host. */
export function createStaticSource({ baseUrl, timeoutMs = 120_000, decoder = decodeInThread }: StaticSourceOptions): DataSource {
  const root = baseUrl.replace(/\/$/, '');
  // Read once: it says how many features there are and which files are written as columns.
  let manifest: Promise<Result<Listed[], DataError>> | null = null;
  const readManifest = (signal?: AbortSignal) => {
    manifest ??= fetchJson(`${root}/manifest.json`, 'manifest', { signal, timeoutMs }).then((read) => {
      if (!read.ok) return read;
      const list = (read.value as Partial<Manifest> | null)?.collections;
      if (!Array.isArray(list)) return err(dataError('payload', 'manifest', 'manifest: "collections" is missing or not an array'));
      return ok(
        list
          .filter((c): c is Manifest['collections'][number] & { id: CollectionId } => typeof c?.id === 'string' && isCollectionId(c.id))
          .map((c): Listed => ({ id: c.id, title: COLLECTIONS[c.id].title, count: typeof c.count === 'number' ? c.count : null, format: c.arrow === true ? 'arrow' : 'geojson' })),
      );
    });
    // A failed read (or one cancelled with its page) is not kept: the next caller asks again.
    void manifest.then((read) => {
      if (!read.ok) manifest = null;
    });
    return manifest;
  };
  return {
    kind: 'static',
    async listCollections(signal) {
      const listed = await readManifest(signal);
      return listed.ok ? ok(listed.value.map(({ id, title, count }): CollectionSummary => ({ id, title, count }))) : listed;
    },
    async getCollection(id: CollectionId, options: LoadOptions = {}) {
      const listed = await readManifest(options.signal);
      // Without a manifest that says otherwise, the GeoJSON file is read: any folder of {id}.geojson works.
      const format = (listed.ok && listed.value.find((c) => c.id === id)?.format) || 'geojson';
      const file = `${root}/${id}.${format}`;
      const decoded = await decoder.fetchAndDecode(id, file, { signal: options.signal, timeoutMs, onBytes: options.onProgress }, format);
      if (!decoded.ok) return decoded;
      const { table, rejected, fingerprint } = decoded.value;
      if (!options.bbox && !options.datetime) return ok({ table, rejected, fingerprint });
      const rows = Array.from({ length: table.length }, (_, i) => i).filter((i) => matchesQuery(featureAt(table, i), options, timeFieldOf(id)));
      return ok({ table: encodeTable(id, featuresOf(table, rows)), rejected });
    },
  };
}
