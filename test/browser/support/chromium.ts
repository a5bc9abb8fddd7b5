import type { Browser, BrowserContext, Page } from 'playwright-core';

export { CHROMIUM_PATH, launchChromium } from '../../../scripts/chromium';

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  /** Requests that tried to leave the app's origin (they are blocked). */
  offOrigin: string[];
  /** Every request the page made to its origin, in order. */
  requested: string[];
}

/** A fresh page that records console errors and blocks, and records, every request leaving `origin`. */
export async function openWatchedPage(browser: Browser, origin: string, viewport = { width: 1600, height: 1000 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const errors: string[] = [];
  const offOrigin: string[] = [];
  const requested: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) requested.push(url);
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    offOrigin.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  return { context, page, errors, offOrigin, requested };
}
