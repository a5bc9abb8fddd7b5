/** Takes a screenshot of the built app (served by `vite preview`) for a person to look at: npm run screenshot -- out.png [query] */
import { preview } from 'vite';
import { launchChromium, openWatchedPage } from '../test/browser/support/chromium';
import { Dashboard } from '../test/browser/support/dashboard';

const [out = 'screenshot.png', query = '', width = '1600', height = '1000'] = process.argv.slice(2);
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const base = server.resolvedUrls!.local[0].replace(/\/$/, '');
const browser = await launchChromium();
try {
  const watched = await openWatchedPage(browser, base, { width: Number(width), height: Number(height) });
  const started = performance.now();
  await new Dashboard(watched.page).open(base, query);
  console.log(`ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Figures computed in the stats worker arrive just after the data.
  await watched.page.getByTestId('lighting-rate').waitFor({ timeout: 15_000 }).catch(() => undefined);
  await watched.page.screenshot({ path: out });
  console.log({ errors: watched.errors, offOrigin: watched.offOrigin });
} finally {
  await browser.close();
  await server.close();
}
