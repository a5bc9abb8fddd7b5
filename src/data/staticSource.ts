import { COLLECTIONS, isCollectionId, timeFieldOf, type CollectionId } from '../layers/registry';
import { dataError } from './errors';
import { decodeInThread, type Decoder } from './decode';
import { fetchJson } from './http';
import { matchesQuery } from './query';
import { encodeTable } from './columnar/encodeTable';
import { featureAt, featuresOf } from './columnar/readTable';
import { err, ok } from './result';
import type { CollectionSummary, DataSource, LoadOptions } from './source';

export interface StaticSourceOptions {
  /** Folder holding manifest.json and one {collection}.geojson per collection, e.g. `/data`. */
  baseUrl: string;
  timeoutMs?: number;
  /** Where parsing and validation happen; the app passes a worker-backed one. */
  decoder?: Decoder;
}

interface Manifest {
  collections: { id: string; file: string; count: number }[];
}

/** The default source: the bundled GeoJSON files, works offline on any static host. */
export function createStaticSource({ baseUrl, timeoutMs = 120_000, decoder = decodeInThread }: StaticSourceOptions): DataSource {
  const root = baseUrl.replace(/\/$/, '');
  return {
    kind: 'static',
    async listCollections(signal) {
      const manifest = await fetchJson(`${root}/manifest.json`, 'manifest', { signal, timeoutMs });
      if (!manifest.ok) return manifest;
      const list = (manifest.value as Partial<Manifest>).collections;
      if (!Array.isArray(list)) return err(dataError('payload', 'manifest', 'manifest: "collections" is missing or not an array'));
      return ok(
        list
          .filter((c): c is Manifest['collections'][number] & { id: CollectionId } => typeof c?.id === 'string' && isCollectionId(c.id))
          .map((c): CollectionSummary => ({ id: c.id, title: COLLECTIONS[c.id].title, count: typeof c.count === 'number' ? c.count : null })),
      );
    },
    async getCollection(id: CollectionId, options: LoadOptions = {}) {
      const decoded = await decoder.fetchAndDecode(id, `${root}/${id}.geojson`, { signal: options.signal, timeoutMs, onBytes: options.onProgress });
      if (!decoded.ok) return decoded;
      const { table, rejected, fingerprint } = decoded.value;
      if (!options.bbox && !options.datetime) return ok({ table, rejected, fingerprint });
      const rows = Array.from({ length: table.length }, (_, i) => i).filter((i) => matchesQuery(featureAt(table, i), options, timeFieldOf(id)));
      return ok({ table: encodeTable(id, featuresOf(table, rows)), rejected });
    },
  };
}
