import type { CollectionId } from '../layers/registry';
import { decodeCollection } from './decode';
import type { DataError } from './errors';
import { fetchBody } from './http';
import { itemsPageUrl, itemsUrl } from './query';
import { ok, type Result } from './result';
import type { TypedFeature } from './validate';

/**
 * Single features of the collections the server keeps (SERVED_COLLECTIONS), read when the page
 * needs one: a feature by id (OGC API's items/{id}) and the features whose id starts with a prefix.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A feature by id, or null when the server has none. */
export async function servedFeature<C extends CollectionId>(ogcApiUrl: string, collection: C, id: string, signal?: AbortSignal): Promise<Result<TypedFeature<C> | null, DataError>> {
  const body = await fetchBody(`${itemsUrl(ogcApiUrl, collection, id)}?f=json`, collection, { signal, timeoutMs: 30_000 });
  if (!body.ok) return body.error.status === 404 ? ok(null) : body;
  // One feature, read as a collection of one: the same parsing and checks as every page.
  const page = encoder.encode(`{"type":"FeatureCollection","features":[${decoder.decode(body.value)}]}`).buffer;
  const decoded = decodeCollection(collection, page, { flatProperties: true });
  return decoded.ok ? ok(decoded.value.features[0] ?? null) : decoded;
}

/** The cases filed against one asset (the server's validated `asset` parameter), at most `limit`. */
export async function servedCasesOf<C extends CollectionId>(ogcApiUrl: string, collection: C, assetId: string, limit: number, signal?: AbortSignal): Promise<Result<TypedFeature<C>[], DataError>> {
  return readPage(collection, itemsPageUrl(ogcApiUrl, collection, { limit: String(limit), asset: assetId }), signal);
}

/** The first features, by id, whose id starts with `prefix` (the server's validated `prefix` parameter). */
export async function servedIdsStartingWith<C extends CollectionId>(ogcApiUrl: string, collection: C, prefix: string, limit: number, signal?: AbortSignal): Promise<Result<TypedFeature<C>[], DataError>> {
  return readPage(collection, itemsPageUrl(ogcApiUrl, collection, { limit: String(limit), prefix }), signal);
}

async function readPage<C extends CollectionId>(collection: C, url: string, signal?: AbortSignal): Promise<Result<TypedFeature<C>[], DataError>> {
  const body = await fetchBody(url, collection, { signal, timeoutMs: 30_000 });
  if (!body.ok) return body;
  const decoded = decodeCollection(collection, body.value, { flatProperties: true });
  return decoded.ok ? ok(decoded.value.features) : decoded;
}
