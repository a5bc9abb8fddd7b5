import { COLLECTIONS, isCollectionId, type CollectionId } from '../layers/registry';
import { dataError, type FeatureIssue } from './errors';
import type { Decoder } from './decode';
import { decodeInThread } from './decodeInThread';
import { fetchBody, fetchJson } from './http';
import { formatDatetime, WORLD_BBOX } from './query';
import { err, ok } from './result';
import type { CollectionSummary, DataSource, LoadOptions } from './source';
import { type FeatureTable } from './columnar/featureTable';
import { concatAllTables } from './columnar/concatTables';
import { shareTable } from './columnar/shareTable';

export interface OgcApiSourceOptions {
  /** The API landing path, e.g. `/api` or `https://gis.example.org/ogcapi`. */
  baseUrl: string;
  pageSize?: number;
  timeoutMs?: number;
  /** A guard against servers whose `next` links never end. */
  maxPages?: number;
  /** Where parsing and validation happen; the app passes a worker-backed one. */
  decoder?: Decoder;
  /**
   * How the server takes a time range: the standard `datetime`, or `from` / `to` parameters
   * ([from, to)), as the bundled MapServer stack publishes them (MapServer 8.0 ignores datetime on items).
   */
  timeParameters?: 'datetime' | 'fromTo';
  /** The server writes rows flat ("" for null, arrays as text), as MapServer does. */
  flatProperties?: boolean;
  /** Always send a bbox (the whole world when none is asked): MapServer counts faster with one. */
  alwaysBbox?: boolean;
  /**
   * How to reach the next page: the server's `next` link, or `after=<last id>` on the first
   * request (rows ordered by id), which the bundled MapServer stack publishes.
   */
  paging?: 'links' | 'after';
}

function afterKey(first: URL, lastId: string): string {
  const url = new URL(first.href);
  url.searchParams.set('after', lastId);
  return url.href;
}

/** The query parameters of the first page, put back on a `next` link that dropped them. */
function withQuery(next: URL, first: URL): string {
  for (const [key, value] of first.searchParams) if (!next.searchParams.has(key)) next.searchParams.set(key, value);
  return next.href;
}

/** Reads collections from any OGC API - Features server, following `next` links page by page. */
export function createOgcApiSource({
  baseUrl,
  pageSize = 10_000,
  timeoutMs = 30_000,
  maxPages = 10_000,
  decoder = decodeInThread,
  timeParameters = 'datetime',
  flatProperties = false,
  alwaysBbox = false,
  paging = 'links',
}: OgcApiSourceOptions): DataSource {
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
    async getCollection(id: CollectionId, options: LoadOptions = {}) {
      const first = new URL(`collections/${encodeURIComponent(id)}/items`, root);
      first.searchParams.set('limit', String(pageSize));
      for (const [key, value] of Object.entries(options.parameters ?? {})) first.searchParams.set(key, value);
      // Paging by key from the first page on (after= empty): the server leaves such pages as it wrote them.
      if (paging === 'after') first.searchParams.set('after', '');
      if (options.bbox) first.searchParams.set('bbox', options.bbox.join(','));
      else if (alwaysBbox) first.searchParams.set('bbox', WORLD_BBOX);
      if (options.datetime && timeParameters === 'datetime') first.searchParams.set('datetime', formatDatetime(options.datetime));
      if (options.datetime && timeParameters === 'fromTo') {
        if (options.datetime.start !== null) first.searchParams.set('from', new Date(options.datetime.start).toISOString());
        if (options.datetime.end !== null) first.searchParams.set('to', new Date(options.datetime.end).toISOString());
      }
      const pages: FeatureTable[] = [];
      let read = 0;
      const rejected: FeatureIssue[] = [];
      const fingerprints: string[] = [];
      const seen = new Set<string>();
      let next: string | null = first.href;
      let total: number | null = null;
      while (next) {
        if (seen.has(next) || seen.size >= maxPages) {
          return err(dataError('payload', id, `${id}: the server's "next" links repeat or do not end (after ${seen.size} pages)`));
        }
        seen.add(next);
        const body = await fetchBody(next, id, { signal: options.signal, timeoutMs });
        if (!body.ok) return body;
        const decoded = await decoder.decode(id, body.value, { flatProperties });
        if (!decoded.ok) return decoded;
        const offset = read;
        fingerprints.push(decoded.value.fingerprint ?? '');
        pages.push(decoded.value.table);
        rejected.push(...decoded.value.rejected.map((r) => ({ ...r, index: r.index + offset })));
        read += decoded.value.table.length + decoded.value.rejected.length;
        const { page } = decoded.value;
        // Paging by key, each page counts only the rows after it: the first page's count is the total.
        total ??= page.numberMatched;
        options.onProgress?.({ loaded: read, total, unit: 'features' });
        if (paging === 'after') {
          next = page.returned >= pageSize && page.lastId !== null ? afterKey(first, page.lastId) : null;
        } else {
          const link = page.links.find((l) => l.rel === 'next');
          next = link ? withQuery(new URL(link.href, next), first) : null;
        }
      }
      // Pages that stop short of the count the server gave (an empty page in the middle, from a
      // server failing between pages) are not the collection: showing them would drop features.
      if (total !== null && read < total) return err(dataError('payload', id, `${id}: the pages ended after ${read} of the ${total} features the server counted`));
      // Pages are joined here, on the page: into shared memory where it may be, so that the statistics worker is not sent a copy.
      return ok({ table: shareTable(concatAllTables(id, pages)), rejected, fingerprint: fingerprints.join(',') });
    },
  };
}
