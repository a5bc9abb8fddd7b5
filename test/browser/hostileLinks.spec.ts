import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA_END_MS, DATA_START_MS } from '../../src/layers/common/time';
import { launchChromium, openWatchedPage, type WatchedPage } from './support/chromium';
import { Dashboard } from './support/dashboard';
import { Wall } from './support/wall';

/**
 * Links a stranger could send a planner or post on the wall's screen: each leaves the page
 * responsive, fetches nothing off the app's origin and throws nothing.
 */
const baseUrl = inject('baseUrl');
let watched: WatchedPage;
const browser = launchChromium();
beforeAll(async () => {
  watched = await openWatchedPage(await browser, baseUrl);
});
afterAll(async () => (await browser).close());

/** How long the page takes to draw its next frame. */
async function nextFrameMs(): Promise<number> {
  const started = Date.now();
  await watched.page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  return Date.now() - started;
}

/**
 * Nothing left the origin, nothing was thrown, and the page answers at once. A page a link froze
 * misses every frame; one busy for a moment (its panels drawing their first figures on a loaded
 * machine) misses one: three tries, one of them within a second.
 */
async function expectUnharmed() {
  expect(watched.offOrigin).toEqual([]);
  expect(watched.errors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
  const frames = [await nextFrameMs()];
  while (frames.length < 3 && frames.at(-1)! >= 1000) frames.push(await nextFrameMs());
  expect(Math.min(...frames)).toBeLessThan(1000);
}

describe('given a link whose basemap style names another host in disguise', () => {
  it.each(['/\\evil.example/s.json', '/%09/evil.example/s.json', '/%0A/evil.example/s.json'])('when %s is opened, then the style is not fetched and the map shows the offline basemap', async (style) => {
    const fetched: string[] = [];
    watched.page.on('request', (r) => fetched.push(r.url()));
    await new Dashboard(watched.page).open(baseUrl, `?basemap=${style}`);
    expect(fetched.filter((u) => new URL(u).hostname === 'evil.example' || new URL(u).pathname.endsWith('/s.json'))).toEqual([]);
    await expectUnharmed();
  });
});

describe('given a link with a time range of every millisecond there is', () => {
  it('when it is opened, then the range is cut to the data’s span and the cards show it at once', async () => {
    await new Dashboard(watched.page).open(baseUrl, '?time=0..8640000000000000');
    const cards = watched.page.getByTestId('kpi-cards');
    await cards.waitFor();
    expect(Number(await cards.getAttribute('data-from'))).toBe(DATA_START_MS);
    expect(Number(await cards.getAttribute('data-to'))).toBe(DATA_END_MS);
    await expectUnharmed();
  });
});

describe('given a wall whose configuration names another host in disguise, or holds prototype keys', () => {
  it('when ?wallConfig=/\\evil.example/s.json is opened, then the wall reads its own wall.json and runs', async () => {
    const fetched: string[] = [];
    watched.page.on('request', (r) => fetched.push(r.url()));
    await new Wall(watched.page).open(baseUrl, '?wallConfig=/%5Cevil.example/s.json');
    expect(fetched.filter((u) => new URL(u).hostname === 'evil.example' || new URL(u).pathname.endsWith('/s.json'))).toEqual([]);
    expect(fetched.some((u) => u === `${baseUrl}/wall.json`)).toBe(true);
    await expectUnharmed();
  });

  it('when wall.json holds constructor and __proto__, then the wall runs on its other settings and says which it ignored', async () => {
    await watched.page.route(`${baseUrl}/wall.json`, (route) => route.fulfill({ contentType: 'application/json', body: '{"constructor": 1, "__proto__": {"x": 1}, "alerts": {"constructor": 2, "overdueMax": 9}}' }));
    try {
      await new Wall(watched.page).open(baseUrl);
      const problems = watched.page.getByTestId('config-problems');
      expect(await problems.getAttribute('title')).toBe(['wall.json: unknown setting "constructor"', 'wall.json: unknown setting "__proto__"', 'wall.json: unknown alert "constructor"'].join('\n'));
      await expectUnharmed();
    } finally {
      await watched.page.unroute(`${baseUrl}/wall.json`);
    }
  });
});
