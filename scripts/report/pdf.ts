import { existsSync } from 'node:fs';
import { build, preview } from 'vite';
import type { ReportModel } from '../../src/report/reportModel';
import { hasChromium, launchChromium, CHROMIUM_PATH } from '../chromium';
import { InputError } from './inputs';

const DIST = 'dist';

/**
 * The assessment report as a PDF: the built report page (report.html, the app's own components)
 * served on loopback and printed by Debian's headless Chromium, with the model handed to it before
 * its code runs. Nothing leaves the machine; the CJK font is the local Noto Sans CJK, embedded.
 */
export async function printReport(model: ReportModel): Promise<Buffer> {
  if (!hasChromium()) throw new InputError(`--format pdf: the PDF is printed by Debian's Chromium, not found at ${CHROMIUM_PATH}; install it with: bash scripts/setup.sh --browser`);
  if (!existsSync(`${DIST}/report.html`)) {
    console.error('building the app first (dist/report.html is missing)…');
    await build({ logLevel: 'warn' });
  }
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', open: false }, logLevel: 'warn' });
  const browser = await launchChromium();
  try {
    const origin = server.resolvedUrls!.local[0].replace(/\/$/, '');
    const context = await browser.newContext({ locale: model.lang === 'zh' ? 'zh-CN' : 'en-GB', timezoneId: 'Asia/Shanghai' });
    // The page reads only its own origin.
    await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort('blockedbyclient')));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript((m) => {
      window.__REPORT_MODEL__ = m;
    }, model);
    await page.goto(`${origin}/report.html`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
    if (errors.length) throw new Error(`the report page failed: ${errors.join('; ')}`);
    const pageNumbers = `<div style="font-size:8px;width:100%;text-align:center;color:#666;font-family:'Noto Sans CJK SC',sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: pageNumbers });
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
