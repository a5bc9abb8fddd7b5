import { describe, expect, it } from 'vitest';
import { dueLevel, dueSoonRows } from './dueSoon';
import { caseAt, tableOf } from './testCases';

const H = 3_600_000;
const MIN = 60_000;
const NOW = Date.parse('2026-10-31T12:00:00+08:00');
describe('dueSoonRows (golden)', () => {
  const table = tableOf([
    caseAt('in-a-minute', NOW - 20 * H, null, NOW + MIN),
    caseAt('at-the-horizon', NOW - H, null, NOW + 24 * H),
    caseAt('past-the-horizon-by-a-minute', NOW - H, null, NOW + 24 * H + MIN),
    caseAt('due-now-is-overdue', NOW - 5 * H, null, NOW),
    caseAt('late-by-a-minute', NOW - 5 * H, null, NOW - MIN),
    caseAt('handled-a-minute-ago', NOW - 5 * H, NOW - MIN, NOW + 3 * H),
    caseAt('handled-later-still-open-now', NOW - 5 * H, NOW + H, NOW + 3 * H),
    caseAt('reported-after-now', NOW + MIN, null, NOW + 5 * H),
    caseAt('reported-at-now', NOW, null, NOW + 10 * H),
  ]);
  const rows = dueSoonRows(table, NOW, 24);
  const ids = rows.map((r) => table.ids[r.row]);

  it('lists the cases not handled at now whose deadline is in (now, now + 24 h], soonest first', () => {
    expect(ids).toEqual(['in-a-minute', 'handled-later-still-open-now', 'reported-at-now', 'at-the-horizon']);
  });

  it('gives the hours left and the level of each', () => {
    expect(rows.map((r) => [Math.round(r.hoursLeft * 60), r.level])).toEqual([
      [1, 'critical'],
      [180, 'high'],
      [600, 'watch'],
      [1440, 'watch'],
    ]);
  });

  it('escalates at 2 and 8 hours left', () => {
    expect([dueLevel(2), dueLevel(2.01), dueLevel(8), dueLevel(8.01)]).toEqual(['critical', 'high', 'high', 'watch']);
  });

  it('narrows to the rows kept', () => {
    const keep = (row: number) => table.ids[row] !== 'in-a-minute';
    expect(dueSoonRows(table, NOW, 24, keep).map((r) => table.ids[r.row])).toEqual(['handled-later-still-open-now', 'reported-at-now', 'at-the-horizon']);
  });
});

describe('dueSoonRows equals a direct scan of the open cases', () => {
  it('over random tables and moments', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 20; round++) {
      const cases = Array.from({ length: 300 }, (_, k) => {
        const reported = NOW - random() * 30 * 24 * H;
        const deadline = reported + (random() * 96 - 12) * H;
        const handled = random() < 0.5 ? null : reported + random() * 72 * H;
        return caseAt(`c${k}`, Math.round(reported / MIN) * MIN, handled === null ? null : Math.round(handled / MIN) * MIN, Math.round(deadline / MIN) * MIN);
      });
      const now = NOW - Math.round(random() * 20 * 24) * H;
      const hours = 1 + Math.floor(random() * 48);
      const table = tableOf(cases);
      const direct = cases
        .filter((c) => {
          const p = c.properties as Record<string, string | null>;
          const [reported, deadline] = [Date.parse(p.reportedAt!), Date.parse(p.deadline!)];
          const handled = p.handledAt === null ? Infinity : Date.parse(p.handledAt);
          return reported <= now && handled > now && deadline > now && deadline <= now + hours * H;
        })
        .map((c) => String(c.id))
        .sort();
      expect(dueSoonRows(table, now, hours).map((r) => table.ids[r.row]).sort()).toEqual(direct);
    }
  });
});
