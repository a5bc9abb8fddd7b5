import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openWatchedPage, type WatchedPage } from './support/chromium';
import { Dashboard } from './support/dashboard';

const apiBaseUrl = inject('apiBaseUrl');
const manifest = JSON.parse(readFileSync('dist-api/data/manifest.json', 'utf8')) as { collections: { id: string; count: number }[] };
const LIVE = ['lamp-faults', 'manhole-defects'];

let browser: Browser;
let watched: WatchedPage;
let dashboard: Dashboard;

beforeAll(async () => {
  browser = await launchChromium();
  watched = await openWatchedPage(browser, apiBaseUrl);
  dashboard = new Dashboard(watched.page);
  await dashboard.open(apiBaseUrl);
});
afterAll(() => browser?.close());

describe('given the dashboard reading an OGC API - Features server (the MSW mock, dev mode)', () => {
  it('then it says it reads the data API', async () => {
    expect(await watched.page.getByTestId('source-badge').textContent()).toBe('数据接口');
  });

  it('then every collection arrives through the API, page by page, complete', async () => {
    for (const { id, count } of manifest.collections) {
      const shown = await dashboard.countOf(id);
      if (LIVE.includes(id)) expect(shown, id).toBeGreaterThanOrEqual(count);
      else expect(shown, id).toBe(count);
    }
  });

  it('then new cases from the live feed appear without a reload', async () => {
    const before = (await dashboard.countOf('lamp-faults'))!;
    await expect.poll(() => dashboard.countOf('lamp-faults'), { timeout: 20_000, interval: 500 }).toBeGreaterThan(before);
  });

  it('then nothing failed and nothing left the origin', () => {
    expect(watched.errors).toEqual([]);
    expect(watched.offOrigin).toEqual([]);
  });
});
