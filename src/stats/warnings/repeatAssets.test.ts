import { describe, expect, it } from 'vitest';
import { caseAt, tableOf } from './testCases';
import { repeatAssets } from './repeatAssets';

const DAY = 86_400_000;
const MIN = 60_000;
const NOW = Date.parse('2026-10-31T12:00:00+08:00');

describe('repeatAssets (golden)', () => {
  const cases = [
    // Three faults on pole A within 90 days: repeats.
    caseAt('a1', NOW - 80 * DAY, NOW - 79 * DAY, NOW, { assetId: 'A' }),
    caseAt('a2', NOW - 30 * DAY, NOW - 29 * DAY, NOW, { assetId: 'A' }),
    caseAt('a3', NOW - DAY, null, NOW + DAY, { assetId: 'A' }),
    // Pole B: the first of three a minute outside the 90 days.
    caseAt('b1', NOW - 90 * DAY, NOW - 89 * DAY, NOW, { assetId: 'B' }),
    caseAt('b2', NOW - 10 * DAY, NOW - 9 * DAY, NOW, { assetId: 'B' }),
    caseAt('b3', NOW - 2 * DAY, NOW - DAY, NOW, { assetId: 'B' }),
    // Pole C: the third reported a minute after now does not count yet.
    caseAt('c1', NOW - 5 * DAY, NOW - 4 * DAY, NOW, { assetId: 'C' }),
    caseAt('c2', NOW - 3 * DAY, NOW - 2 * DAY, NOW, { assetId: 'C' }),
    caseAt('c3', NOW + MIN, null, NOW + DAY, { assetId: 'C' }),
    // Pole D: four, the newest at now.
    ...[60, 40, 20, 0].map((d, k) => caseAt(`d${k}`, NOW - d * DAY, null, NOW + DAY, { assetId: 'D' })),
  ];
  const table = tableOf(cases);
  const assetOf = table.ids.map((id) => String(cases.find((c) => c.id === id)!.properties.assetId));

  it('finds the assets with three cases or more in (now − 90 days, now], most cases first', () => {
    const found = repeatAssets(table, assetOf, NOW, { minCases: 3, days: 90 });
    expect(found.map((r) => [r.asset, r.rows.map((i) => table.ids[i])])).toEqual([
      ['D', ['d0', 'd1', 'd2', 'd3']],
      ['A', ['a1', 'a2', 'a3']],
    ]);
    expect(found[0].last).toBe(NOW);
  });

  it('with two cases, a cover broken again: every asset with two in the window, the most recent first among equals', () => {
    const found = repeatAssets(table, assetOf, NOW, { minCases: 2, days: 90 });
    expect(found.map((r) => r.asset)).toEqual(['D', 'A', 'B', 'C']);
  });

  it('narrows to the rows kept', () => {
    const keep = (row: number) => table.ids[row] !== 'a2';
    expect(repeatAssets(table, assetOf, NOW, { minCases: 3, days: 90 }, keep).map((r) => r.asset)).toEqual(['D']);
  });
});
