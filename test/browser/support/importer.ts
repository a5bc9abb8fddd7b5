import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** Domain driver for the import dialog: open it, hand it a file, check, review, load. */
export class Importer {
  constructor(readonly page: Page) {}

  dialog() {
    return this.page.getByTestId('import-dialog');
  }

  async step(): Promise<string | null> {
    return this.dialog().getAttribute('data-step');
  }

  /** Opens the dialog from the header and picks a file, as a person would with the file chooser. */
  async chooseFile(path: string): Promise<void> {
    await this.page.getByTestId('import-open').click();
    await this.page.getByTestId('import-file-input').setInputFiles(path);
  }

  /** Drops a file onto the dashboard (not onto the dialog), as dragging it from the desktop does. */
  async dropOnDashboard(path: string, type: string): Promise<void> {
    const content = readFileSync(path, 'latin1');
    const name = path.split('/').pop()!;
    const transfer = await this.page.evaluateHandle(
      ({ content, name, type }) => {
        const bytes = Uint8Array.from(content, (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name, { type }));
        return dt;
      },
      { content, name, type },
    );
    await this.page.locator('.map-wrap').dispatchEvent('dragover', { dataTransfer: transfer });
    await this.page.locator('.map-wrap').dispatchEvent('drop', { dataTransfer: transfer });
  }

  async waitForStep(step: 'pick' | 'settings' | 'review'): Promise<void> {
    await this.page.locator(`[data-testid="import-dialog"][data-step="${step}"]`).waitFor({ timeout: 30_000 });
  }

  async chooseTarget(target: string): Promise<void> {
    await this.page.getByTestId('import-target').selectOption(target);
  }

  async chooseMode(mode: 'replace' | 'append'): Promise<void> {
    await this.page.getByTestId('import-mode').selectOption(mode);
  }

  async check(): Promise<void> {
    await this.page.getByTestId('import-check').click();
  }

  async fileProblem(): Promise<{ code: string | null; text: string | null }> {
    const p = this.page.getByTestId('import-file-problem');
    await p.waitFor({ timeout: 30_000 });
    return { code: await p.getAttribute('data-code'), text: await p.textContent() };
  }

  async counts(): Promise<{ loadable: number; skipped: number }> {
    const c = this.page.getByTestId('import-counts');
    return { loadable: Number(await c.getAttribute('data-loadable')), skipped: Number(await c.getAttribute('data-skipped')) };
  }

  async problems(): Promise<{ index: number; code: string; text: string }[]> {
    return this.page.getByTestId('import-problems').locator('li').evaluateAll((items) =>
      items.map((li) => ({ index: Number(li.getAttribute('data-index')), code: li.getAttribute('data-code') ?? '', text: li.textContent ?? '' })),
    );
  }

  async notices(): Promise<string[]> {
    return this.page.getByTestId('import-notices').locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-code') ?? ''));
  }

  /** Downloads the problem list and returns its text. */
  async downloadReport(): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('import-report').click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  async load(): Promise<void> {
    await this.page.getByTestId('import-load').click();
    await this.dialog().waitFor({ state: 'detached' });
  }

  async close(): Promise<void> {
    await this.dialog().getByRole('button', { name: /关闭|Close/ }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }
}
