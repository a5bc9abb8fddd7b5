import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
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

  it('then nothing failed and nothing left the origin', () => {
    expect(session.watched.errors).toEqual([]);
    expect(session.watched.offOrigin).toEqual([]);
  });
});
