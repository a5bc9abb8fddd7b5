import type { CollectionId } from '../layers/registry';
import { dataError, type DataError } from './errors';
import { err, ok, type Result } from './result';
import { validateFeatureCollection, type ValidatedFeatures } from './validate';

/** Paging members an OGC API page carries beside its features (absent in plain files). */
export interface PageInfo {
  numberMatched: number | null;
  links: { rel: string; href: string }[];
}

export type DecodedPage<C extends CollectionId> = ValidatedFeatures<C> & { page: PageInfo };

/** Turns a response body into validated features: JSON parsing and schema checks, the heavy part of loading. */
export type Decoder = <C extends CollectionId>(id: C, body: ArrayBuffer) => Promise<Result<DecodedPage<C>, DataError>>;

function pageInfo(payload: unknown): PageInfo {
  const p = payload as { numberMatched?: unknown; links?: unknown };
  const links = Array.isArray(p.links)
    ? p.links.filter((l): l is { rel: string; href: string } => typeof l?.rel === 'string' && typeof l?.href === 'string').map(({ rel, href }) => ({ rel, href }))
    : [];
  return { numberMatched: typeof p.numberMatched === 'number' ? p.numberMatched : null, links };
}

export function decodeCollection<C extends CollectionId>(id: C, body: ArrayBuffer): Result<DecodedPage<C>, DataError> {
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder().decode(body));
  } catch (e) {
    return err(dataError('parse', id, `${id}: the response is not valid JSON (${e instanceof Error ? e.message : String(e)})`));
  }
  const validated = validateFeatureCollection(id, payload);
  if (!validated.ok) return validated;
  const text = JSON.stringify((payload as { features: unknown }).features);
  return ok({ ...validated.value, fingerprint: `${text.length}:${fnv1a(text)}`, page: pageInfo(payload) });
}

/** FNV-1a over UTF-16 code units: fast and good enough to notice that a collection changed. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}

/** Decodes on the calling thread: for Node, tests and small payloads. */
export const decodeInThread: Decoder = async (id, body) => decodeCollection(id, body);
