import { COLLECTIONS, isCollectionId, type CollectionId } from '../layers/registry';
import { dataError, type FeatureIssue } from './errors';
import { decodeInThread, type Decoder } from './decode';
import { fetchBody, fetchJson } from './http';
import { formatDatetime } from './query';
import { err, ok } from './result';
import type { CollectionSummary, DataSource, LoadOptions } from './source';
import type { TypedFeature } from './validate';

export interface OgcApiSourceOptions {
  /** The API landing path, e.g. `/api` or `https://gis.example.org/ogcapi`. */
  baseUrl: string;
  pageSize?: number;
  timeoutMs?: number;
  /** A guard against servers whose `next` links never end. */
  maxPages?: number;
  /** Where parsing and validation happen; the app passes a worker-backed one. */
  decoder?: Decoder;
}

/** Reads collections from any OGC API - Features server, following `next` links page by page. */
export function createOgcApiSource({ baseUrl, pageSize = 10_000, timeoutMs = 30_000, maxPages = 10_000, decoder = decodeInThread }: OgcApiSourceOptions): DataSource {
  const root = new URL(baseUrl.replace(/\/?$/, '/'), globalThis.location?.href ?? 'http://localhost/');
  return {
    kind: 'ogc-api',
    async listCollections(signal) {
      const res = await fetchJson(new URL('collections', root).href, 'collections', { signal, timeoutMs });
      if (!res.ok) return res;
      const list = (res.value as { collections?: unknown }).collections;
      if (!Array.isArray(list)) return err(dataError('payload', 'collections', 'collections: "collections" is missing or not an array'));
      return ok(
        list
          .filter((c): c is { id: CollectionId; numberMatched?: number } => typeof c?.id === 'string' && isCollectionId(c.id))
          .map((c): CollectionSummary => ({ id: c.id, title: COLLECTIONS[c.id].title, count: typeof c.numberMatched === 'number' ? c.numberMatched : null })),
      );
    },
    async getCollection<C extends CollectionId>(id: C, options: LoadOptions = {}) {
      const first = new URL(`collections/${encodeURIComponent(id)}/items`, root);
      first.searchParams.set('limit', String(pageSize));
      if (options.bbox) first.searchParams.set('bbox', options.bbox.join(','));
      if (options.datetime) first.searchParams.set('datetime', formatDatetime(options.datetime));
      const features: TypedFeature<C>[] = [];
      const rejected: FeatureIssue[] = [];
      const fingerprints: string[] = [];
      const seen = new Set<string>();
      let next: string | null = first.href;
      while (next) {
        if (seen.has(next) || seen.size >= maxPages) {
          return err(dataError('payload', id, `${id}: the server's "next" links repeat or do not end (after ${seen.size} pages)`));
        }
        seen.add(next);
        const body = await fetchBody(next, id, { signal: options.signal, timeoutMs });
        if (!body.ok) return body;
        const decoded = await decoder(id, body.value);
        if (!decoded.ok) return decoded;
        const offset = features.length + rejected.length;
        fingerprints.push(decoded.value.fingerprint ?? '');
        features.push(...decoded.value.features);
        rejected.push(...decoded.value.rejected.map((r) => ({ ...r, index: r.index + offset })));
        options.onProgress?.({ loaded: features.length + rejected.length, total: decoded.value.page.numberMatched, unit: 'features' });
        const link = decoded.value.page.links.find((l) => l.rel === 'next');
        next = link ? new URL(link.href, next).href : null;
      }
      return ok({ features, rejected, fingerprint: fingerprints.join(',') });
    },
  };
}
