import { readFileSync } from 'node:fs';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { featuresOf } from '../../src/data/columnar/readTable';
import { createStaticSource } from '../../src/data/staticSource';
import type { LoadedTable } from '../../src/data/decode';
import { publishCaseChanges, type CaseFeature } from '../support/caseChanges';

const DATA_DIR = 'public/data';
const ORIGIN = 'http://gis.test';
const ID = 'railway-issues';
const bundledManifest = JSON.parse(readFileSync(`${DATA_DIR}/manifest.json`, 'utf8')) as { collections: { id: string; changes?: unknown }[] };
const bundledFeatures = (JSON.parse(readFileSync(`${DATA_DIR}/${ID}.geojson`, 'utf8')) as { features: CaseFeature[] }).features;

/** The folder as its publisher leaves it: the manifest, the bundled files, and change files written since. */
let changes: { file: string; count: number }[] = [];
let changeFiles = new Map<string, string>();
let entryPatch: Record<string, unknown> = {};
let asked: string[] = [];
const server = setupServer(
  http.get(`${ORIGIN}/data/:file`, ({ params }) => {
    const file = String(params.file);
    asked.push(file);
    if (file === 'manifest.json') {
      return HttpResponse.json({ ...bundledManifest, collections: bundledManifest.collections.map((c) => (c.id === ID ? { ...c, changes, ...entryPatch } : c)) });
    }
    const change = changeFiles.get(file);
    if (change !== undefined) return new HttpResponse(change, { headers: { 'content-type': 'application/geo+json' } });
    try {
      return new HttpResponse(readFileSync(`${DATA_DIR}/${file}`));
    } catch {
      return new HttpResponse(null, { status: 404, statusText: 'Not Found' });
    }
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

/** The collection after each publication, as its features (what a whole read of a rewritten file would give). */
let current: CaseFeature[] = [];
function publish(round: number, changed = 6, added = 2): void {
  const published = publishCaseChanges(ID, current, round, changed, added);
  const file = `${ID}.changes-${String(round).padStart(4, '0')}.geojson`;
  changeFiles.set(file, JSON.stringify({ type: 'FeatureCollection', features: published }));
  changes = [...changes, { file, count: published.length }];
}

beforeEach(() => {
  changes = [];
  changeFiles = new Map();
  entryPatch = {};
  asked = [];
  current = structuredClone(bundledFeatures);
});

const source = () => createStaticSource({ baseUrl: `${ORIGIN}/data`, timeoutMs: 2000 });
const asJson = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
function loaded(result: Awaited<ReturnType<ReturnType<typeof source>['getCollection']>>): LoadedTable {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('given a static folder whose manifest lists change files', () => {
  it('then the first read writes the changes into the file, feature for feature as the collection now is', async () => {
    publish(1);
    publish(2);
    const read = loaded(await source().getCollection(ID));
    expect(featuresOf(read.table)).toEqual(asJson(current.map((f) => ({ type: 'Feature', ...f }))));
    expect(read.table.length).toBe(bundledFeatures.length + 4);
    expect(read.version).toMatch(/#2#railway-issues\.changes-0002\.geojson$/);
  });

  it('then asking what changed reads only the manifest while nothing was published', async () => {
    publish(1);
    const s = source();
    const read = loaded(await s.getCollection(ID));
    asked = [];
    expect(await s.getChanges!(ID, read)).toEqual({ ok: true, value: null });
    expect(asked).toEqual(['manifest.json']);
  });

  it('then a new publication is fetched alone and written in, the same as a whole read of the collection', async () => {
    publish(1);
    const s = source();
    const first = loaded(await s.getCollection(ID));
    publish(2);
    publish(3);
    asked = [];
    const changed = await s.getChanges!(ID, first);
    if (!changed.ok || !changed.value) throw new Error('no changes');
    expect(asked).toEqual(['manifest.json', `${ID}.changes-0002.geojson`, `${ID}.changes-0003.geojson`]);
    const whole = loaded(await source().getCollection(ID));
    expect(featuresOf(changed.value.table)).toEqual(featuresOf(whole.table));
    expect(changed.value.fingerprint).toBe(whole.fingerprint);
    expect(changed.value.version).toBe(whole.version);
  });

  it('then a rewritten file, or a rewritten list of changes, is read whole again', async () => {
    publish(1);
    const s = source();
    const first = loaded(await s.getCollection(ID));
    entryPatch = { arrowSha256: 'f'.repeat(64) };
    asked = [];
    const rewritten = await s.getChanges!(ID, first);
    expect(rewritten.ok && rewritten.value?.table.length).toBe(bundledFeatures.length + 2);
    expect(asked).toEqual(['manifest.json', `${ID}.arrow`, `${ID}.changes-0001.geojson`]);
    entryPatch = {};
    changes = [{ file: `${ID}.changes-9999.geojson`, count: 0 }];
    changeFiles.set(`${ID}.changes-9999.geojson`, JSON.stringify({ type: 'FeatureCollection', features: [] }));
    asked = [];
    const relisted = await s.getChanges!(ID, first);
    expect(relisted.ok && relisted.value?.table.length).toBe(bundledFeatures.length);
    expect(asked).toEqual(['manifest.json', `${ID}.arrow`, `${ID}.changes-9999.geojson`]);
  });

  it('then a change file that cannot be read changes nothing and says which layer failed', async () => {
    const s = source();
    const first = loaded(await s.getCollection(ID));
    changes = [{ file: `${ID}.changes-0001.geojson`, count: 1 }];
    changeFiles.set(`${ID}.changes-0001.geojson`, '{"type":"FeatureCollection","features":[{"ty');
    const broken = await s.getChanges!(ID, first);
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error.message).toMatch(/^railway-issues: .*not valid JSON/);
    changes = [{ file: `${ID}.changes-0002.geojson`, count: 1 }];
    const missing = await s.getChanges!(ID, first);
    expect(!missing.ok && missing.error.message).toContain('404');
  });

  it('then a change refused by the schema leaves its feature as it was, and is counted as refused', async () => {
    const s = source();
    const first = loaded(await s.getCollection(ID));
    const [victim] = current.filter((f) => (f.properties as { status: string }).status === 'dispatched');
    const bad = structuredClone(victim);
    (bad.properties as { status: string }).status = 'teleported';
    changes = [{ file: `${ID}.changes-0001.geojson`, count: 1 }];
    changeFiles.set(changes[0].file, JSON.stringify({ type: 'FeatureCollection', features: [bad] }));
    const changed = await s.getChanges!(ID, first);
    if (!changed.ok || !changed.value) throw new Error('no answer');
    expect(featuresOf(changed.value.table)).toEqual(featuresOf(first.table));
    expect(changed.value.rejected).toEqual([expect.objectContaining({ featureId: victim.id, field: 'properties.status' })]);
  });

  it.each([['../lamps.geojson'], ['http://elsewhere.test/x.geojson'], ['/etc/passwd.geojson'], ['x.arrow']])('then a change file named %s is refused with the layer, and nothing is fetched for it', async (file) => {
    changes = [{ file, count: 1 }];
    const read = await source().getCollection(ID);
    expect(!read.ok && read.error.message).toMatch(/^railway-issues: the manifest's entry is malformed at changes\.0\.file/);
    expect(asked).toEqual(['manifest.json']);
  });
});
