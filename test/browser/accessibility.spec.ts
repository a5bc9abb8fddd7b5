import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openDashboardForSpec } from './support/session';

const baseUrl = inject('baseUrl');
const session = openDashboardForSpec(baseUrl);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical findings on the page as it is (evaluated through the debugger, so the page's CSP does not apply). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
    // The map canvas is a graphic with its own accessible name; its interior (MapLibre's controls) is audited like the rest.
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v: Violation) => v.impact === 'serious' || v.impact === 'critical')
    .map((v: Violation) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

describe('given the whole dashboard', () => {
  it('then axe-core finds no serious or critical violation in the light theme, in Chinese', async () => {
    await session.watched.page.getByTestId('kpi-cards').waitFor();
    await session.watched.page.getByTestId('town-table').waitFor();
    expect(await seriousViolations(session.watched.page)).toEqual([]);
  });

  it('then none in the dark theme, in English', async () => {
    const page = session.watched.page;
    await page.getByRole('button', { name: '深色模式' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Zhangqiu City Management GIS');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('then every control is reached by Tab, in view, with a visible focus ring', async () => {
    const page = session.watched.page;
    await page.locator('body').focus();
    const unmarked: string[] = [];
    const visited = new Set<string>();
    let last = '';
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const seen = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        const box = el.getBoundingClientRect();
        const path: string[] = [];
        for (let n: Element | null = el; n && n !== document.body; n = n.parentElement) path.unshift(`${n.tagName}:${Array.prototype.indexOf.call(n.parentElement?.children ?? [], n)}`);
        return { ring, shown: box.width > 2 && box.height > 2, key: path.join('/'), name: `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}` };
      });
      // A date input takes several Tabs (day, month, year) without focus leaving it.
      if (!seen || seen.key === last) continue;
      last = seen.key;
      if (visited.has(seen.key)) break;
      visited.add(seen.key);
      if (!seen.ring || !seen.shown) unmarked.push(seen.name);
    }
    expect(visited.size).toBeGreaterThan(60);
    expect(unmarked).toEqual([]);
  });

  it('then the import dialog, with a ledger read and its mapping shown, has none either', async () => {
    const page = session.watched.page;
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-file-input').setInputFiles('test/fixtures/import/good/lamps-ledger.csv');
    await page.locator('[data-testid="import-dialog"][data-step="settings"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
  });
});
