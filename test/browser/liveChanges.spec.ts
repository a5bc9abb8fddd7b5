import { readFileSync } from 'node:fs';
import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeCase, publishCaseChanges, type CaseFeature } from '../support/caseChanges';
import { launchChromium, openWatchedPage, type WatchedPage } from './support/chromium';
import { Wall } from './support/wall';

const baseUrl = inject('baseUrl');
const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8')) as { collections: { id: string }[] };
const casesOf = (id: string) => (JSON.parse(readFileSync(`dist/data/${id}.geojson`, 'utf8')) as { features: CaseFeature[] }).features;

/** What the folder's publisher has put out since the wall opened: the change files and their listing in the manifest. */
const published = new Map<string, { file: string; count: number }[]>();
const files = new Map<string, string>();
function publish(id: string, features: CaseFeature[]): void {
  const list = published.get(id) ?? [];
  const file = `${id}.changes-${String(list.length + 1).padStart(4, '0')}.geojson`;
  files.set(file, JSON.stringify({ type: 'FeatureCollection', features }));
  published.set(id, [...list, { file, count: features.length }]);
}

let browser: Browser;
let watched: WatchedPage;
let wall: Wall;
/** Change files served, by name (this spec's route answers them, so the page's request log does not see them). */
const served: string[] = [];
const reads = (file: string) => [...watched.requested.map((url) => new URL(url).pathname.split('/').pop()), ...served].filter((name) => name === file).length;
const markers = (kind: string) => watched.page.locator(`.alert-marker--${kind}`).evaluateAll((ms) => ms.map((m) => (m as HTMLElement).dataset.alert).sort());

beforeAll(async () => {
  browser = await launchChromium();
  watched = await openWatchedPage(browser, baseUrl, { width: 1920, height: 1080 });
  // The folder as its publisher changes it: the manifest lists the change files, which are served beside the bundled ones.
  await watched.context.route(/\/data\/(manifest\.json|[a-z-]+\.changes-\d+\.geojson)$/, async (route: Route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop()!;
    if (name !== 'manifest.json') served.push(name);
    if (name !== 'manifest.json') return files.has(name) ? route.fulfill({ body: files.get(name), contentType: 'application/geo+json' }) : route.fulfill({ status: 404 });
    const collections = manifest.collections.map((c) => (published.has(c.id) ? { ...c, changes: published.get(c.id) } : c));
    return route.fulfill({ json: { ...manifest, collections } });
  });
  wall = new Wall(watched.page);
  await wall.open(baseUrl, 'refresh=1&scenes=overview&railwayDays=5');
});
afterAll(() => browser?.close());

describe('given the wall on a static folder whose publisher puts out change files', () => {
  it('then a publication of patches is written in: the new ones counted, and only the change file read', async () => {
    const before = await wall.source('patches');
    const patches = casesOf('patches');
    publish('patches', publishCaseChanges('patches', patches, 1, 20, 5));
    await expect.poll(async () => (await wall.source('patches')).cases, { timeout: 30_000 }).toBe(before.cases + 5);
    expect(reads('patches.changes-0001.geojson')).toBe(1);
    expect(reads('patches.arrow')).toBe(1);
    expect((await wall.source('patches')).stale).toBe(false);
  });

  it('then railway issues closed in a publication take their alerts off the wall', async () => {
    // The alerts come with the statistics, which may still be answering the patches' publication.
    await expect.poll(() => markers('railwayOpen'), { timeout: 30_000 }).toEqual(['railwayOpen:370114001', 'railwayOpen:370114007']);
    const open = casesOf('railway-issues').filter((f) => (f.properties as { closedAt: string | null }).closedAt === null);
    for (const f of open) closeCase('railway-issues', f.properties);
    publish('railway-issues', open);
    await expect.poll(() => markers('railwayOpen'), { timeout: 30_000 }).toEqual([]);
    expect(reads('railway-issues.arrow')).toBe(1);
  });

  it('then nothing was thrown and nothing left the origin', () => {
    expect(watched.errors).toEqual([]);
    expect(watched.offOrigin).toEqual([]);
  });
});
