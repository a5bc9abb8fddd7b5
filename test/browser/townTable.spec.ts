import { describe, expect, inject, it } from 'vitest';
import { FULL_SPAN } from '../../src/state/filters';
import { rankRows, townRows } from '../../src/stats/townMetrics';
import { loadEngineFromBuild } from '../support/engine';
import { openDashboardForSpec } from './support/session';

const baseUrl = inject('baseUrl');
const session = openDashboardForSpec(baseUrl);
const expected = townRows(loadEngineFromBuild().query(FULL_SPAN)!);

const table = () => session.watched.page.getByTestId('town-table');
const rowOf = (code: string) => table().locator(`tbody tr[data-town="${code}"]`);
const cellValue = async (code: string, metric: string) => {
  const raw = await table().locator(`tr[data-town="${code}"] td[data-metric="${metric}"]`).getAttribute('data-value');
  return raw === '' || raw === null ? null : Number(raw);
};

describe('given the dashboard over the whole data span', () => {
  it('then the town table lists every town with the engine\'s figures', async () => {
    await session.dashboard.waitForStats();
    expect(await table().locator('tbody tr').count()).toBe(expected.towns.length);
    for (const row of expected.towns) {
      for (const metric of ['lightingRate', 'lampFaults', 'openDefects', 'patchesDetected', 'railwayOpen'] as const) {
        expect(await cellValue(row.code, metric), `${row.code} ${metric}`).toBe(row.values[metric]);
      }
    }
    expect(await cellValue('district', 'lampFaults')).toBe(expected.district.values.lampFaults);
    expect(await cellValue('outside', 'lampFaults')).toBe(expected.outside.values.lampFaults);
  });

  describe('when the table is sorted by lamp faults', () => {
    it('then the towns with fewest faults come first and the three with most are flagged', async () => {
      await table().getByRole('button', { name: /路灯故障上报/ }).click();
      await expect.poll(() => table().getAttribute('data-sort')).toBe('lampFaults');
      const shown = await table().locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.town!));
      const faults = await Promise.all(shown.map((code) => cellValue(code, 'lampFaults')));
      expect(faults).toEqual([...faults].sort((a, b) => a! - b!));
      const ranking = rankRows(expected.towns, 'lampFaults');
      const flagged = expected.towns.filter((_, i) => ranking.bottomThree[i]).map((t) => t.code).sort();
      const shownFlagged = await table().locator('tbody tr[data-bottom]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.town!));
      expect(shownFlagged.sort()).toEqual(flagged);
      expect(flagged.length).toBeGreaterThanOrEqual(3);
      expect(await table().getByRole('columnheader', { name: /路灯故障上报/ }).getAttribute('aria-sort')).toBe('ascending');
    });
  });

  describe('when a town in the table is clicked', () => {
    it('then the whole dashboard filters to it and the row is marked', async () => {
      const { watched } = session;
      const code = expected.towns[0].code;
      await rowOf(code).getByRole('button').click();
      await expect.poll(() => watched.page.getByTestId('town-select').inputValue()).toBe(code);
      expect(await rowOf(code).getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => watched.page.getByTestId('lighting-rate').getAttribute('data-town')).toBe(code);
      // The table is a town selector itself: it keeps every town.
      expect(await table().locator('tbody tr').count()).toBe(expected.towns.length);
    });

    it('then clicking it again returns to the district', async () => {
      const { watched } = session;
      const code = expected.towns[0].code;
      await rowOf(code).getByRole('button').click();
      await expect.poll(() => watched.page.getByTestId('town-select').inputValue()).toBe('');
      expect(await rowOf(code).getAttribute('aria-selected')).toBe('false');
    });
  });

  it('then nothing failed and nothing left the origin', () => {
    expect(session.watched.errors).toEqual([]);
    expect(session.watched.offOrigin).toEqual([]);
  });
});
