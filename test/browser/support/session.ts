import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, openWatchedPage, type WatchedPage } from './chromium';
import { Dashboard } from './dashboard';

export interface DashboardSession {
  browser: Browser;
  watched: WatchedPage;
  dashboard: Dashboard;
}

/**
 * For a spec file: one Chromium, one watched page with the dashboard open on `baseUrl` (loaded and
 * idle) before the first test, closed after the last. Fields are filled in by the time tests run.
 */
export function openDashboardForSpec(baseUrl: string, query = ''): DashboardSession {
  const session = {} as DashboardSession;
  beforeAll(async () => {
    session.browser = await launchChromium();
    session.watched = await openWatchedPage(session.browser, baseUrl);
    session.dashboard = new Dashboard(session.watched.page);
    await session.dashboard.open(baseUrl, query);
  });
  afterAll(() => session.browser?.close());
  return session;
}
