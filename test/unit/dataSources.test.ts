import { featuresOf } from '../../src/data/columnar/readTable';
import { readFileSync } from 'node:fs';
import { delay, http, HttpResponse, type JsonBodyType } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOgcApiSource } from '../../src/data/ogcApiSource';
import { createStaticSource } from '../../src/data/staticSource';
import { createFileStore, createMockApiServer } from '../../mocks/node';

const DATA_DIR = 'public/data';
const ORIGIN = 'http://gis.test';
const manifest = JSON.parse(readFileSync(`${DATA_DIR}/manifest.json`, 'utf8')) as { collections: { id: string; count: number }[] };
const countOf = (id: string) => manifest.collections.find((c) => c.id === id)!.count;

const fileResponse = (file: string) => {
  try {
    return new HttpResponse(readFileSync(`${DATA_DIR}/${file}`), { headers: { 'content-type': 'application/json' } });
  } catch {
    return new HttpResponse(null, { status: 404, statusText: 'Not Found' });
  }
};
const serveFile = http.get(`${ORIGIN}/data/:file`, ({ params }) => fileResponse(String(params.file)));
/** The same folder as a host that has only the GeoJSON files: a manifest that lists no columns files. */
const serveGeoJsonOnly = http.get(`${ORIGIN}/geojson/:file`, ({ params }) => {
  if (params.file !== 'manifest.json') return fileResponse(String(params.file));
  return HttpResponse.json({ ...manifest, collections: manifest.collections.map(({ id, count }) => ({ id, file: `${id}.geojson`, count })) });
});
const server = createMockApiServer(createFileStore(DATA_DIR), `${ORIGIN}/api`);
server.use(serveFile, serveGeoJsonOnly);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  server.use(serveFile, serveGeoJsonOnly);
});
afterAll(() => server.close());

const staticSource = () => createStaticSource({ baseUrl: `${ORIGIN}/data`, timeoutMs: 2000 });
const geoJsonSource = () => createStaticSource({ baseUrl: `${ORIGIN}/geojson`, timeoutMs: 2000 });
const apiSource = (pageSize = 5000) => createOgcApiSource({ baseUrl: `${ORIGIN}/api`, pageSize, timeoutMs: 2000 });
const lampFeature = (props: Record<string, unknown> = {}) => ({
  type: 'Feature',
  id: 'LD-001-00001',
  geometry: { type: 'Point', coordinates: [117.53, 36.72] },
  properties: { id: 'LD-001-00001', road: '经十东路', townCode: '370114001', lampCount: 2, lampType: 'led', powerW: 120, installedYear: 2018, status: 'normal', retrofit2021: false, ...props },
});

describe.each([
  ['static GeoJSON files', geoJsonSource, (body: JsonBodyType) => http.get(`${ORIGIN}/geojson/lamps.geojson`, () => HttpResponse.json(body))],
  ['OGC API', () => apiSource(), (body: JsonBodyType) => http.get(`${ORIGIN}/api/collections/lamps/items`, () => HttpResponse.json(body))],
] as const)('%s source', (_name, make, respondWith) => {
  it('lists every collection', async () => {
    const result = await make().listCollections();
    expect(result.ok && result.value.map((c) => c.id).sort()).toEqual(manifest.collections.map((c) => c.id).sort());
  });

  it('loads a whole collection with nothing rejected', async () => {
    const result = await make().getCollection('lamps');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(featuresOf<'lamps'>(result.value.table)).toHaveLength(countOf('lamps'));
    expect(result.value.rejected).toEqual([]);
  });

  it('filters by datetime', async () => {
    const result = await make().getCollection('railway-issues', { datetime: { start: Date.parse('2021-01-01T00:00:00+08:00'), end: Date.parse('2021-12-31T23:59:59+08:00') } });
    expect(result.ok && featuresOf<'lamps'>(result.value.table).length).toBe(109);
  });

  it('filters by bbox', async () => {
    const bbox = [117.5, 36.7, 117.56, 36.74] as const;
    const result = await make().getCollection('lamps', { bbox });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(featuresOf<'lamps'>(result.value.table).length).toBeGreaterThan(100);
    expect(featuresOf<'lamps'>(result.value.table).length).toBeLessThan(countOf('lamps'));
    for (const f of featuresOf<'lamps'>(result.value.table)) {
      const [x, y] = f.geometry.coordinates;
      expect(x >= bbox[0] && x <= bbox[2] && y >= bbox[1] && y <= bbox[3]).toBe(true);
    }
  });

  it('names the layer and the status on a server error', async () => {
    server.use(http.get(/lamps/, () => new HttpResponse('boom', { status: 500, statusText: 'Internal Server Error' })));
    const result = await make().getCollection('lamps');
    expect(result).toMatchObject({ ok: false, error: { kind: 'http', collection: 'lamps', status: 500 } });
    expect(!result.ok && result.error.message).toMatch(/^lamps: .*500/);
  });

  it('reports malformed JSON as a parse error', async () => {
    server.use(http.get(/lamps/, () => new HttpResponse('{"type": "FeatureCollection", "features": [', { headers: { 'content-type': 'application/json' } })));
    const result = await make().getCollection('lamps');
    expect(result).toMatchObject({ ok: false, error: { kind: 'parse', collection: 'lamps' } });
  });

  it('refuses a payload that is not a FeatureCollection', async () => {
    server.use(respondWith({ type: 'Feature', geometry: null, properties: {} }));
    const result = await make().getCollection('lamps');
    expect(result).toMatchObject({ ok: false, error: { kind: 'payload', collection: 'lamps' } });
    expect(!result.ok && result.error.message).toContain('FeatureCollection');
  });

  it('accepts an empty collection', async () => {
    server.use(respondWith({ type: 'FeatureCollection', features: [], numberMatched: 0, links: [] }));
    const result = await make().getCollection('lamps');
    expect(result).toMatchObject({ ok: true, value: { table: { length: 0 }, rejected: [] } });
  });

  it('rejects a bad feature by layer, feature and field, and keeps the good ones', async () => {
    const bad = { ...lampFeature({ id: 'LD-001-00002', lampCount: 'two' }), id: 'LD-001-00002' };
    const changed = { ...lampFeature({ id: 'LD-001-00003', townCode: undefined, town_code: '370114001' }), id: 'LD-001-00003' };
    server.use(respondWith({ type: 'FeatureCollection', features: [lampFeature(), bad, changed], links: [] }));
    const result = await make().getCollection('lamps');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(featuresOf<'lamps'>(result.value.table).map((f) => f.properties.id)).toEqual(['LD-001-00001']);
    expect(result.value.rejected).toEqual([
      expect.objectContaining({ collection: 'lamps', index: 1, featureId: 'LD-001-00002', field: 'properties.lampCount' }),
      expect.objectContaining({ collection: 'lamps', index: 2, featureId: 'LD-001-00003', field: 'properties.townCode' }),
    ]);
  });

  it('rejects coordinates out of range', async () => {
    server.use(respondWith({ type: 'FeatureCollection', features: [{ ...lampFeature(), geometry: { type: 'Point', coordinates: [517.5, 36.7] } }] }));
    const result = await make().getCollection('lamps');
    expect(result.ok && result.value.rejected[0]).toMatchObject({ field: 'geometry.coordinates.0' });
  });

  it('gives up on a server that does not answer in time', async () => {
    server.use(http.get(/lamps/, async () => {
      await delay('infinite');
      return HttpResponse.json({});
    }));
    const result = await make().getCollection('lamps');
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', collection: 'lamps' } });
  });

  it('stops when the caller cancels', async () => {
    server.use(http.get(/lamps/, async () => {
      await delay(1000);
      return HttpResponse.json({});
    }));
    const controller = new AbortController();
    const pending = make().getCollection('lamps', { signal: controller.signal });
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'aborted' } });
  });
});

describe('static files source, columns', () => {
  it('reads the Arrow file the manifest lists, never the GeoJSON, to the same features and fingerprint', async () => {
    server.use(http.get(`${ORIGIN}/data/:file.geojson`, () => HttpResponse.error()));
    for (const id of ['lamps', 'patches', 'lamp-faults'] as const) {
      const fromColumns = await staticSource().getCollection(id);
      const fromGeoJson = await geoJsonSource().getCollection(id);
      if (!fromColumns.ok || !fromGeoJson.ok) throw new Error(`${id} did not load`);
      expect(featuresOf(fromColumns.value.table)).toEqual(featuresOf(fromGeoJson.value.table));
      expect(fromColumns.value.fingerprint).toBe(fromGeoJson.value.fingerprint);
    }
  });

  it('filters the columns by bbox like the GeoJSON', async () => {
    const bbox = [117.5, 36.7, 117.56, 36.74] as const;
    const [a, b] = await Promise.all([staticSource().getCollection('lamps', { bbox }), geoJsonSource().getCollection('lamps', { bbox })]);
    expect(a.ok && b.ok && featuresOf(a.value.table).map((f) => f.id)).toEqual(b.ok && featuresOf(b.value.table).map((f) => f.id));
  });

  it('reports a damaged Arrow file as a parse error naming the layer', async () => {
    const whole = readFileSync(`${DATA_DIR}/lamps.arrow`);
    server.use(http.get(`${ORIGIN}/data/lamps.arrow`, () => new HttpResponse(whole.subarray(0, 5000))));
    const result = await staticSource().getCollection('lamps');
    expect(result).toMatchObject({ ok: false, error: { kind: 'parse', collection: 'lamps' } });
  });
});

describe('OGC API paging', () => {
  it('follows next links until every feature is read, in the same order as the file', async () => {
    const progress: number[] = [];
    const paged = await apiSource(3000).getCollection('lamps', { onProgress: (p) => progress.push(p.loaded) });
    const whole = await staticSource().getCollection('lamps');
    expect(paged.ok && whole.ok).toBe(true);
    if (!paged.ok || !whole.ok) return;
    expect(featuresOf<'lamps'>(paged.value.table).map((f) => f.id)).toEqual(featuresOf<'lamps'>(whole.value.table).map((f) => f.id));
    expect(progress).toEqual([3000, 6000, 9000, 12000, countOf('lamps')]);
  });

  it('sends the caller’s own parameters on every page, the pages after the first included', async () => {
    const asked: URLSearchParams[] = [];
    server.use(http.get(`${ORIGIN}/api/collections/lamps/items`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      asked.push(params);
      const next = asked.length < 3 ? [{ rel: 'next', href: `${request.url.split('?')[0]}?offset=${asked.length}` }] : [];
      return HttpResponse.json({ type: 'FeatureCollection', features: [lampFeature({ id: `LD-${asked.length}` })], links: next });
    }));
    const read = await apiSource().getCollection('lamps', { parameters: { town: '370114001', classes: '{"streetLamps":{"status":["faulty"]}}' } });
    expect(read.ok && featuresOf(read.value.table)).toHaveLength(3);
    expect(asked.map((p) => [p.get('town'), p.get('classes')])).toEqual(Array(3).fill(['370114001', '{"streetLamps":{"status":["faulty"]}}']));
  });

  it('fails on a second page that breaks, naming the layer', async () => {
    let calls = 0;
    server.use(http.get(`${ORIGIN}/api/collections/lamps/items`, ({ request }) => {
      calls++;
      if (calls === 2) return new HttpResponse('not json', { status: 200 });
      return HttpResponse.json({ type: 'FeatureCollection', features: [lampFeature()], links: [{ rel: 'next', href: `${request.url.split('?')[0]}?offset=1` }] });
    }));
    expect(await apiSource().getCollection('lamps')).toMatchObject({ ok: false, error: { kind: 'parse', collection: 'lamps' } });
  });

  it('refuses pages that end short of the count the first page gave (an empty page from a server failing between pages)', async () => {
    let calls = 0;
    server.use(http.get(`${ORIGIN}/api/collections/lamps/items`, ({ request }) => {
      calls++;
      if (calls === 2) return HttpResponse.json({ type: 'FeatureCollection', features: [], numberMatched: 0, numberReturned: 0, links: [] });
      return HttpResponse.json({ type: 'FeatureCollection', features: [lampFeature()], numberMatched: 3, numberReturned: 1, links: [{ rel: 'next', href: `${request.url.split('?')[0]}?offset=1` }] });
    }));
    const result = await apiSource().getCollection('lamps');
    expect(result).toMatchObject({ ok: false, error: { kind: 'payload', collection: 'lamps' } });
    expect(!result.ok && result.error.message).toContain('1 of the 3');
  });

  it('refuses next links that go round in a circle', async () => {
    server.use(http.get(`${ORIGIN}/api/collections/lamps/items`, ({ request }) =>
      HttpResponse.json({ type: 'FeatureCollection', features: [lampFeature()], links: [{ rel: 'next', href: request.url }] }),
    ));
    const result = await apiSource().getCollection('lamps');
    expect(result).toMatchObject({ ok: false, error: { kind: 'payload' } });
  });
});

describe('mock OGC API', () => {
  it('answers 400 to a bad limit, bbox or datetime and 404 to an unknown collection', async () => {
    const status = async (path: string) => (await fetch(`${ORIGIN}/api/${path}`)).status;
    expect(await status('collections/lamps/items?limit=0')).toBe(400);
    expect(await status('collections/lamps/items?bbox=1,2,3')).toBe(400);
    expect(await status('collections/lamps/items?datetime=yesterday')).toBe(400);
    expect(await status('collections/nope/items')).toBe(404);
  });

  it('reports numberMatched and numberReturned', async () => {
    const body = (await (await fetch(`${ORIGIN}/api/collections/patches/items?limit=100&offset=50`)).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ type: 'FeatureCollection', numberMatched: countOf('patches'), numberReturned: 100 });
  });
});
