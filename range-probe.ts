import { writeFileSync } from 'node:fs';
import { launchChromium, openWatchedPage } from './test/browser/support/chromium';
import { serve } from './bench/support/servedBuild';
const dist = process.argv[2] ?? '/tmp/dist-nomin';
const data = process.argv[3] ?? 'public/data-10x';
const browser = await launchChromium();
const { server, origin } = await serve(dist, data);
const { page, context } = await openWatchedPage(browser, origin);
await page.goto(origin + '/');
await page.waitForFunction(() => document.querySelector('[data-testid=town-table][data-complete=true]') !== null && document.querySelector('[data-testid=kpi-cards]')?.getAttribute('data-state') === 'current', undefined, { timeout: 300_000, polling: 200 });
await page.waitForTimeout(3000);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
const times: number[] = [];
for (const preset of ['thisYear', 'lastMonth', 'allTime', 'thisYear']) {
  if (preset === 'allTime') await cdp.send('Profiler.start');
  const t = await page.evaluate((p) => new Promise<number>((resolve) => {
    const select = document.querySelector('[data-testid=time-preset]') as HTMLSelectElement;
    const before = document.querySelector('[data-testid=kpi-cards]')!.getAttribute('data-from');
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      const cards = document.querySelector('[data-testid=kpi-cards]')!;
      if (cards.getAttribute('data-from') !== before && cards.getAttribute('data-state') === 'current') { observer.disconnect(); resolve(performance.now() - t0); }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    select.value = p;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }), preset);
  if (preset === 'allTime') writeFileSync('/tmp/range.cpuprofile', JSON.stringify((await cdp.send('Profiler.stop')).profile));
  times.push(Math.round(t));
  await page.waitForTimeout(2500);
}
console.log('range→KPI', times);
await browser.close(); server.close();
