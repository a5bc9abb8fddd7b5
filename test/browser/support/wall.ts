import type { Page } from 'playwright-core';

export interface LayoutReport {
  /** Smallest font size of any visible text on the wall, in CSS pixels. */
  minFontPx: number;
  /** Visible text smaller than the wall's unit (innerHeight / 54). */
  small: string[];
  /** Elements whose content is cut off (overflow hidden / auto / clip and content larger than the box). */
  clipped: string[];
  /** Visible text reaching outside the viewport. */
  outside: string[];
  pageScrolls: boolean;
}

/** Domain driver for wall mode: what the command centre sees on its video wall. */
export class Wall {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, query = ''): Promise<void> {
    await this.page.goto(`${baseUrl}/?wall=1${query ? `&${query.replace(/^[?&]/, '')}` : ''}`);
    await this.waitUntilReady();
  }

  /** Data loaded, the headline figures in, the map idle. */
  async waitUntilReady(): Promise<void> {
    await this.page.waitForFunction(() => document.documentElement.dataset.dataReady === 'true', undefined, { timeout: 60_000 });
    await this.page.locator('[data-testid="wall-kpis"][data-from]').waitFor({ timeout: 60_000 });
    await this.page.waitForFunction(() => window.__zqMap?.isIdle() === true, undefined, { timeout: 30_000, polling: 100 });
  }

  scene(): Promise<string | null> {
    return this.page.getByTestId('wall-scene').getAttribute('data-scene');
  }

  async source(layer: string): Promise<{ stale: boolean; failures: number; cases: number; lastSuccess: number | null; text: string }> {
    const item = this.page.getByTestId(`source-${layer}`);
    const [stale, failures, cases, lastSuccess, text] = await Promise.all([
      item.getAttribute('data-stale'),
      item.getAttribute('data-failures'),
      item.getAttribute('data-cases'),
      item.getAttribute('data-last-success'),
      item.textContent(),
    ]);
    return { stale: stale === 'true', failures: Number(failures), cases: Number(cases), lastSuccess: lastSuccess ? Number(lastSuccess) : null, text: text ?? '' };
  }

  kpi(id: string): Promise<string | null> {
    return this.page.getByTestId(`wall-kpi-${id}`).getAttribute('data-value');
  }

  /** Text sizes and overflow over the whole wall (the map's canvas excluded; its attribution and scale included). */
  layout(): Promise<LayoutReport> {
    return this.page.evaluate(() => {
      const unit = window.innerHeight / 54;
      const describe = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      const report = { minFontPx: Infinity, small: [] as string[], clipped: [] as string[], outside: [] as string[], pageScrolls: false };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement!;
        if (!node.textContent?.trim() || el.closest('.visually-hidden')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const rect = range.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        report.minFontPx = Math.min(report.minFontPx, size);
        if (size < unit - 0.01) report.small.push(`${describe(el)} ${size}px`);
        if (rect.left < -0.5 || rect.top < -0.5 || rect.right > window.innerWidth + 0.5 || rect.bottom > window.innerHeight + 0.5) report.outside.push(describe(el));
        // Text on the map (attribution, scale) must stay inside the map, which clips it.
        const map = el.closest('.maplibregl-map')?.getBoundingClientRect();
        if (map && (rect.right > map.right + 0.5 || rect.bottom > map.bottom + 0.5)) report.outside.push(`${describe(el)} (beyond the map: text ${Math.round(rect.right)},${Math.round(rect.bottom)}, map ${Math.round(map.right)},${Math.round(map.bottom)})`);
      }
      for (const el of document.querySelectorAll('.wall *')) {
        if (el.closest('.maplibregl-canvas-container') || el.classList.contains('maplibregl-map') || el.closest('.maplibregl-marker')) continue;
        const style = getComputedStyle(el);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) report.clipped.push(`${describe(el)} ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
      }
      const root = document.documentElement;
      report.pageScrolls = root.scrollWidth > window.innerWidth || root.scrollHeight > window.innerHeight;
      return report;
    });
  }

  /** The map canvas's drawing-buffer size against its CSS size (equal ratios mean drawn at the real resolution). */
  canvasResolution(): Promise<{ cssWidth: number; cssHeight: number; width: number; height: number; dpr: number }> {
    return this.page.evaluate(() => {
      const canvas = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
      const rect = canvas.getBoundingClientRect();
      return { cssWidth: rect.width, cssHeight: rect.height, width: canvas.width, height: canvas.height, dpr: window.devicePixelRatio };
    });
  }
}
