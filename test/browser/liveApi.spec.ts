import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { Importer } from './support/importer';
import { openDashboardForSpec } from './support/session';

const apiBaseUrl = inject('apiBaseUrl');
const manifest = JSON.parse(readFileSync('dist-api/data/manifest.json', 'utf8')) as { collections: { id: string; count: number }[] };
const LIVE = ['lamp-faults', 'manhole-defects'];

const session = openDashboardForSpec(apiBaseUrl);

describe('given the dashboard reading an OGC API - Features server (the MSW mock, dev mode)', () => {
  it('then it says it reads the data API', async () => {
    expect(await session.watched.page.getByTestId('source-badge').textContent()).toBe('数据接口');
  });

  it('then every collection arrives through the API, page by page, complete', async () => {
    for (const { id, count } of manifest.collections) {
      const shown = await session.dashboard.countOf(id);
      if (LIVE.includes(id)) expect(shown, id).toBeGreaterThanOrEqual(count);
      else expect(shown, id).toBe(count);
    }
  });

  it('then new cases from the live feed appear without a reload', async () => {
    const before = (await session.dashboard.countOf('lamp-faults'))!;
    await expect.poll(() => session.dashboard.countOf('lamp-faults'), { timeout: 20_000, interval: 500 }).toBeGreaterThan(before);
  });

  it('then a file imported over a live collection says its live refresh is paused, and restoring the source resumes it', async () => {
    const { watched, dashboard } = session;
    const importer = new Importer(watched.page);
    await importer.chooseFile('test/fixtures/import/good/patches.geojson');
    await importer.waitForStep('settings');
    await importer.chooseTarget('patches');
    await importer.check();
    await importer.waitForStep('review');
    await importer.load();
    const paused = watched.page.getByTestId('refresh-paused-patches');
    await paused.waitFor();
    expect(await paused.textContent()).toBe(' · 实时刷新已暂停');
    await watched.page.getByTestId('imported-patches').getByRole('button').click();
    await expect.poll(() => watched.page.getByTestId('refresh-paused-patches').count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => dashboard.countOf('patches'), { timeout: 30_000 }).toBe(manifest.collections.find((c) => c.id === 'patches')!.count);
  });

  it('then nothing failed and nothing left the origin', () => {
    expect(session.watched.errors).toEqual([]);
    expect(session.watched.offOrigin).toEqual([]);
  });
});
