import { http, HttpResponse } from 'msw';
import type { Feature } from 'geojson';
import { matchesQuery, parseBbox, parseDatetime, type FeatureQuery } from '../src/data/query';
import { COLLECTIONS, isCollectionId, timeFieldOf } from '../src/layers/registry';
import type { FeatureStore } from './featureStore';
import { faultyAnswer, type FaultSwitch } from './faults';

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 10_000;

const exception = (status: number, code: string, description: string) => HttpResponse.json({ code, description }, { status });

const encoder = new TextEncoder();

/**
 * The features of each page served, as bytes. MSW answers on the page's own thread, and the
 * wall's tests read whole collections every few seconds: writing them out again each time cost
 * seconds per refresh at 1×. The store only appends, so a page with the same first and last
 * feature and the same length is the same page.
 */
class PageBytes {
  private readonly pages = new Map<string, { first: Feature; last: Feature; bytes: Uint8Array }>();

  constructor(private readonly capacity = 128) {}

  of(key: string, features: readonly Feature[]): Uint8Array {
    const cached = this.pages.get(key);
    const first = features[0];
    const last = features[features.length - 1];
    if (cached && cached.first === first && cached.last === last && features.length > 0) return cached.bytes;
    const bytes = encoder.encode(`[${features.map((f) => JSON.stringify(f)).join(',')}]`);
    this.pages.delete(key);
    if (this.pages.size >= this.capacity) this.pages.delete(this.pages.keys().next().value!);
    if (features.length > 0) this.pages.set(key, { first, last, bytes });
    return bytes;
  }
}

/** A FeatureCollection page: the cached features between the collection's other members. */
function pageBody(features: Uint8Array, members: Record<string, unknown>): Uint8Array {
  const head = encoder.encode('{"type":"FeatureCollection","features":');
  const tail = encoder.encode(`,${JSON.stringify(members).slice(1)}`);
  const body = new Uint8Array(head.length + features.length + tail.length);
  body.set(head);
  body.set(features, head.length);
  body.set(tail, head.length + features.length);
  return body;
}

export function createOgcApiHandlers(store: FeatureStore, baseUrl = '/api', faults?: FaultSwitch) {
  const root = baseUrl.replace(/\/$/, '');
  const pageBytes = new PageBytes();
  const describe = (id: string, href: string) => ({
    id,
    title: COLLECTIONS[id as keyof typeof COLLECTIONS].title.zh,
    description: COLLECTIONS[id as keyof typeof COLLECTIONS].title.en,
    itemType: 'feature',
    crs: ['http://www.opengis.net/def/crs/OGC/1.3/CRS84'],
    links: [{ rel: 'items', type: 'application/geo+json', href: `${href}/collections/${id}/items` }],
  });

  return [
    http.get(`${root}/`, ({ request }) =>
      HttpResponse.json({
        title: 'Zhangqiu city-management features (mock)',
        links: [{ rel: 'data', type: 'application/json', href: new URL(`${root}/collections`, request.url).href }],
      }),
    ),
    http.get(`${root}/collections`, ({ request }) => {
      const href = new URL(root, request.url).href;
      return HttpResponse.json({ collections: store.ids().map((id) => describe(id, href)), links: [] });
    }),
    http.get(`${root}/collections/:id`, ({ params, request }) => {
      const id = String(params.id);
      if (!isCollectionId(id) || !store.ids().includes(id)) return exception(404, 'NotFound', `no collection "${id}"`);
      return HttpResponse.json(describe(id, new URL(root, request.url).href));
    }),
    http.get(`${root}/collections/:id/items`, async ({ params, request }) => {
      const id = String(params.id);
      if (!isCollectionId(id) || !store.ids().includes(id)) return exception(404, 'NotFound', `no collection "${id}"`);
      const url = new URL(request.url);
      const limit = Number(url.searchParams.get('limit') ?? DEFAULT_LIMIT);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return exception(400, 'InvalidParameterValue', `limit must be 1-${MAX_LIMIT}`);
      if (!Number.isInteger(offset) || offset < 0) return exception(400, 'InvalidParameterValue', 'offset must be a whole number ≥ 0');
      const query: FeatureQuery = {};
      const bbox = url.searchParams.get('bbox');
      if (bbox !== null) {
        const parsed = parseBbox(bbox);
        if (!parsed) return exception(400, 'InvalidParameterValue', 'bbox must be minLon,minLat,maxLon,maxLat');
        query.bbox = parsed;
      }
      const datetime = url.searchParams.get('datetime');
      if (datetime !== null) {
        const parsed = parseDatetime(datetime);
        if (!parsed) return exception(400, 'InvalidParameterValue', 'datetime must be an RFC 3339 instant or interval');
        query.datetime = parsed;
      }
      const fault = faults?.faultFor(id);
      if (fault) {
        const answer = await faultyAnswer(fault, async () => (await store.features(id)).slice(offset, offset + limit), faults!.slowMs);
        if (answer) return answer;
      }
      const timeField = timeFieldOf(id);
      const all = await store.features(id);
      const matched = query.bbox || query.datetime ? all.filter((f) => matchesQuery(f, query, timeField)) : all;
      const page = matched.slice(offset, offset + limit);
      const link = (rel: string, o: number) => {
        const u = new URL(url);
        u.searchParams.set('offset', String(o));
        u.searchParams.set('limit', String(limit));
        return { rel, type: 'application/geo+json', href: u.href };
      };
      const links = [link('self', offset)];
      if (offset + limit < matched.length) links.push(link('next', offset + limit));
      if (offset > 0) links.push(link('prev', Math.max(0, offset - limit)));
      const body = pageBody(pageBytes.of(`${id}?${url.searchParams.get('bbox')}&${url.searchParams.get('datetime')}&${offset}&${limit}`, page), { numberMatched: matched.length, numberReturned: page.length, timeStamp: new Date().toISOString(), links });
      return new HttpResponse(body, { headers: { 'content-type': 'application/geo+json' } });
    }),
  ];
}
