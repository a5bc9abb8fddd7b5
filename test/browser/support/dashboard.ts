import type { Page } from 'playwright-core';

export type RGB = [number, number, number];

/** Domain driver: what a person sees on the dashboard, in the words of the domain. */
export class Dashboard {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, query = ''): Promise<void> {
    await this.page.goto(`${baseUrl}/${query}`);
    await this.page.waitForFunction(() => document.documentElement.dataset.dataReady === 'true', undefined, { timeout: 60_000 });
    await this.waitForMapIdle();
  }

  /** Until the statistics engine has every layer (the town table says so), so its figures are final. */
  async waitForStats(): Promise<void> {
    await this.page.locator('[data-testid="town-table"][data-complete="true"]').waitFor({ timeout: 60_000 });
  }

  async waitForMapIdle(): Promise<void> {
    await this.page.waitForFunction(() => window.__zqMap?.isIdle() === true, undefined, { timeout: 30_000, polling: 100 });
    // Two more frames so deck.gl's interleaved layers have drawn too.
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }

  /** Zooms in on a place with the mouse wheel, as a person would, and waits for the map to settle. */
  async zoomInOn(lngLat: [number, number], notches = 6): Promise<void> {
    for (let i = 0; i < notches; i++) {
      const { x, y } = await this.screenPoint(lngLat);
      await this.page.mouse.move(x, y);
      await this.page.mouse.wheel(0, -400);
      await this.page.waitForTimeout(250);
    }
    await this.waitForMapIdle();
  }

  layerSwitch(title: string) {
    return this.page.getByRole('checkbox', { name: title });
  }

  opacitySlider(title: string) {
    return this.page.getByRole('slider', { name: new RegExp(`^${title} `) });
  }

  /** A class switch in a layer's legend or filter list. */
  classToggle(layer: string, field: string, value: string) {
    return this.page.getByTestId(`filter-${layer}-${field}`).locator(`[data-class="${value}"] button`);
  }

  /** How many features of a class are drawn, of how many there are. */
  async classCount(layer: string, field: string, value: string): Promise<{ visible: number; total: number }> {
    const item = this.page.getByTestId(`filter-${layer}-${field}`).locator(`[data-class="${value}"]`);
    return { visible: Number(await item.getAttribute('data-visible')), total: Number(await item.getAttribute('data-count')) };
  }

  /** A layer panel's yearly bars of a case collection (by its title), as the table beside the chart reads them: year → count. */
  async yearlyBars(casesTitle: string): Promise<Record<number, number>> {
    const rows = this.page.locator(`figure.yearly[aria-label^="${casesTitle} "] table tr`);
    const read = await rows.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td')?.textContent ?? '']));
    return Object.fromEntries(read.map(([year, count]) => [Number(year), Number(count.replace(/\D/g, ''))]));
  }

  /** Clicks the map at a place, as a person would. */
  async clickAt(lngLat: [number, number]): Promise<void> {
    const { x, y } = await this.screenPoint(lngLat);
    await this.page.mouse.click(x, y);
  }

  async view(): Promise<{ lng: number; lat: number; zoom: number }> {
    return this.page.evaluate(() => window.__zqMap!.view());
  }

  /** Types into the search box and takes the first result with Enter; waits for the flight to end. */
  async searchFor(text: string): Promise<void> {
    const box = this.page.getByRole('combobox', { name: /搜索|Search/ });
    await box.fill(text);
    await this.page.getByTestId('search-results').getByRole('option').first().waitFor();
    await box.press('Enter');
    await this.page.waitForTimeout(900);
    await this.waitForMapIdle();
  }

  details() {
    return this.page.getByTestId('details');
  }

  async countOf(collection: string): Promise<number | null> {
    const el = this.page.getByTestId(`count-${collection}`);
    if ((await el.count()) === 0) return null;
    return Number(await el.getAttribute('data-count'));
  }

  /** Drags across the time overview from one month bar to another (indexes from the first month of the data). */
  async brushMonths(first: number, last: number): Promise<void> {
    const overview = this.page.getByTestId('range-overview');
    const box = (await overview.locator('svg.overview__plot').boundingBox())!;
    const months = Number(await overview.getAttribute('data-months'));
    // The months span the plot's whole width (RangeOverview).
    const xOf = (i: number) => box.x + ((i + 0.5) * box.width) / months;
    const y = box.y + box.height * 0.4;
    await this.page.mouse.move(xOf(first), y);
    await this.page.mouse.down();
    for (let k = 1; k <= 8; k++) await this.page.mouse.move(xOf(first) + ((xOf(last) - xOf(first)) * k) / 8, y);
    await this.page.mouse.up();
  }

  /** The global time range as the KPI cards last computed it (so it is settled once they agree). */
  async kpiRange(): Promise<{ from: number; to: number; town: string }> {
    const cards = this.page.getByTestId('kpi-cards');
    return { from: Number(await cards.getAttribute('data-from')), to: Number(await cards.getAttribute('data-to')), town: (await cards.getAttribute('data-town')) ?? '' };
  }

  async kpiValue(id: string): Promise<number | null> {
    const raw = await this.page.getByTestId(`kpi-${id}`).getAttribute('data-value');
    return raw === '' || raw === null ? null : Number(raw);
  }

  /** A town's value in the town table's column for a metric (null where it has none). */
  async tableValue(town: string, metric: string): Promise<number | null> {
    const raw = await this.page.getByTestId('town-table').locator(`tr[data-town="${town}"] td[data-metric="${metric}"]`).getAttribute('data-value');
    return raw === '' || raw === null ? null : Number(raw);
  }

  async statusOf(collection: string): Promise<string | null> {
    return this.page.getByTestId(`collection-${collection}`).getAttribute('data-status');
  }

  /** Where a longitude / latitude is on screen, in CSS pixels relative to the page. */
  async screenPoint(lngLat: [number, number]): Promise<{ x: number; y: number }> {
    const p = await this.page.evaluate((ll) => window.__zqMap!.project(ll), lngLat);
    const box = await this.page.getByTestId('map').boundingBox();
    return { x: box!.x + p.x, y: box!.y + p.y };
  }

  /** The colours drawn on the map canvas in a square around a place (read back from the GL canvas). */
  async pixelsAround(lngLat: [number, number], radius = 0): Promise<RGB[]> {
    return (await this.pixelsAroundMany([lngLat], radius))[0];
  }

  /** The same for many places at once, from a single copy of the canvas. */
  async pixelsAroundMany(places: [number, number][], radius = 0): Promise<RGB[][]> {
    return this.page.evaluate(
      ({ places, r }) => {
        const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas.maplibregl-canvas')!;
        const scale = canvas.width / canvas.clientWidth;
        const copy = document.createElement('canvas');
        copy.width = canvas.width;
        copy.height = canvas.height;
        const ctx = copy.getContext('2d', { willReadFrequently: true })!;
        ctx.drawImage(canvas, 0, 0);
        const size = 2 * r + 1;
        return places.map((ll) => {
          const p = window.__zqMap!.project(ll);
          const data = ctx.getImageData(Math.round((p.x - r) * scale), Math.round((p.y - r) * scale), size, size).data;
          const out: [number, number, number][] = [];
          for (let i = 0; i < data.length; i += 4) out.push([data[i], data[i + 1], data[i + 2]]);
          return out;
        });
      },
      { places, r: radius },
    );
  }
}

export const hex = (h: string): RGB => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
export const colorDistance = (a: RGB, b: RGB) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
