import { featuresOf } from '../../src/data/columnar/readTable';
import { describe, expect, it } from 'vitest';
import { readCollectionVersions } from '../../src/data/collectionVersions';
import { MAPSERVER_READING } from '../../src/data/createSource';
import { createOgcApiSource } from '../../src/data/ogcApiSource';
import { parseCst } from '../../src/layers/common/time';
import { COLLECTION_IDS } from '../../src/layers/registry';
import { getJson, ogcApi, readData, testStack } from './support';

interface Page {
  features: { id: string; properties: Record<string, unknown> }[];
  links: { rel: string; href: string }[];
  numberMatched: number;
  numberReturned: number;
}

describe('MapServer publishes every collection from PostGIS (OGC API - Features)', () => {
  it('lists every collection of the app and the statistics (town-stats, kpi-windows, case-series, hour-week, hot-cells, asset-counts, case-counts, case-alerts, warnings, assessment, assessment-detail, collection-sizes, collection-versions)', async () => {
    const { collections } = await getJson<{ collections: { id: string }[] }>(`${ogcApi()}/collections?f=json`);
    expect(collections.map((c) => c.id).sort()).toEqual([...COLLECTION_IDS, 'town-stats', 'kpi-windows', 'case-series', 'hour-week', 'hot-cells', 'asset-counts', 'case-counts', 'case-alerts', 'warnings', 'assessment', 'assessment-detail', 'collection-sizes', 'collection-versions'].sort());
  });

  it('sends the app’s pages (after= from the first on) compressed to a client that accepts gzip (lighttpd’s mod_deflate is loaded)', async () => {
    const res = await fetch(`${ogcApi()}/collections/towns/items?f=json&limit=100&bbox=-180,-90,180,90&after=`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.ok).toBe(true);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(((await res.json()) as Page).features).toHaveLength(readData('towns').features.length);
  });

  it.each(COLLECTION_IDS)('%s loads through the app’s own reader exactly as the bundled file holds it', async (id) => {
    const source = createOgcApiSource({ baseUrl: ogcApi(), pageSize: 5000, ...MAPSERVER_READING });
    const loaded = await source.getCollection(id);
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.rejected).toEqual([]);
    const file = readData(id);
    expect(featuresOf(loaded.value.table).length).toBe(file.features.length);
    const byId = new Map(featuresOf(loaded.value.table).map((f) => [String(f.id), f]));
    // Every property of every feature round-trips (numbers, booleans, null stage times, ISO +08:00 times).
    for (const f of file.features) {
      const served = byId.get(String(f.id));
      expect(served, String(f.id)).toBeDefined();
      expect(served!.properties).toEqual(f.properties);
    }
  });

  it('pages by key: after=<last id> walks every row in a bbox once, ordered by id', async () => {
    const bbox = '117.4,36.6,117.6,36.8';
    const ids: string[] = [];
    let after = '';
    let pages = 0;
    let firstMatched = 0;
    for (;;) {
      const page: Page = await getJson<Page>(`${ogcApi()}/collections/lamps/items?f=json&limit=1000&bbox=${bbox}&after=${encodeURIComponent(after)}`);
      if (pages === 0) firstMatched = page.numberMatched;
      pages++;
      ids.push(...page.features.map((f) => f.id));
      if (page.features.length < 1000) break;
      after = page.features.at(-1)!.id;
    }
    const [x0, y0, x1, y1] = bbox.split(',').map(Number);
    const expected = readData('lamps')
      .features.filter((f) => {
        const [x, y] = (f.geometry as { coordinates: number[] }).coordinates;
        return x >= x0 && x <= x1 && y >= y0 && y <= y1;
      })
      .map((f) => String(f.id))
      .sort();
    expect(firstMatched).toBe(expected.length);
    expect(ids).toEqual(expected);
    expect(pages).toBe(Math.ceil((expected.length + 1) / 1000));
  });

  it('filters cases by time with the validated from / to parameters ([from, to), on the report-time index)', async () => {
    const from = parseCst(2025, 6, 1);
    const to = parseCst(2025, 7, 1);
    const page = await getJson<Page>(
      `${ogcApi()}/collections/lamp-faults/items?f=json&limit=1&bbox=-180,-90,180,90&from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}`,
    );
    const expected = readData('lamp-faults').features.filter((f) => {
      const t = Date.parse(String(f.properties!.reportedAt));
      return t >= from && t < to;
    }).length;
    expect(expected).toBeGreaterThan(500);
    expect(page.numberMatched).toBe(expected);
  });

  it('refuses a parameter that fails its check with a 400 naming it, so the text never reaches MapServer', async () => {
    const hostile = encodeURIComponent("2025-01-01'; drop table lamp_faults;--");
    const res = await fetch(`${ogcApi()}/collections/lamp-faults/items?f=json&limit=1&bbox=-180,-90,180,90&from=${hostile}&after=${hostile}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: 'InvalidParameterValue', description: 'from: an ISO 8601 time such as 2025-06-01T00:00:00+08:00' });
  });

  it('marks each collection’s changes: a write to the patches moves their marker and no other', async () => {
    const read = async () => {
      const versions = await readCollectionVersions(ogcApi());
      if (!versions.ok) throw new Error(versions.error.message);
      return versions.value;
    };
    const before = await read();
    expect([...before.keys()].sort()).toEqual([...COLLECTION_IDS].sort());
    const patch = String(readData('patches').features[0].id);
    testStack.sql(`update citygis.patches set status = status where id = '${patch}'`);
    // PostgreSQL publishes a session's counts when it ends; give it a moment.
    await expect.poll(async () => (await read()).get('patches'), { timeout: 5_000 }).not.toBe(before.get('patches'));
    const after = await read();
    for (const id of COLLECTION_IDS.filter((c) => c !== 'patches')) expect(after.get(id), id).toBe(before.get(id));
  });
});
