import { describe, expect, it } from 'vitest';
import { parseCst } from '../layers/common/time';
import { deadlineAfter, workingDayTest } from './deadline';

const calendar = { weekend: [6, 7], holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06'], workdays: ['2025-09-28'] };
const worked = workingDayTest(calendar);

describe('deadlineAfter', () => {
  it('adds calendar hours across a weekend', () => {
    const friday = parseCst(2025, 9, 19, 22, 30);
    expect(deadlineAfter(friday, { hours: 6 }, worked)).toBe(parseCst(2025, 9, 20, 4, 30));
  });

  it('counts working days from the day after the report, at the same time of day', () => {
    const monday = parseCst(2025, 9, 15, 9, 0);
    expect(deadlineAfter(monday, { workingDays: 5 }, worked)).toBe(parseCst(2025, 9, 22, 9, 0));
    expect(deadlineAfter(monday, { workingDays: 1 }, worked)).toBe(parseCst(2025, 9, 16, 9, 0));
  });

  it('skips the weekend: a Friday and a Saturday report with one working day are both due on Monday', () => {
    expect(deadlineAfter(parseCst(2025, 9, 19, 23, 59), { workingDays: 1 }, worked)).toBe(parseCst(2025, 9, 22, 23, 59));
    expect(deadlineAfter(parseCst(2025, 9, 20, 8, 0), { workingDays: 1 }, worked)).toBe(parseCst(2025, 9, 22, 8, 0));
  });

  it('works a made-up Sunday and skips the holidays', () => {
    // Fri 26 Sep → Sun 28 (made up), Mon 29, Tue 30, then 1–3 and 4–5 off, Mon 6 a holiday, Tue 7.
    const friday = parseCst(2025, 9, 26, 10, 0);
    expect(deadlineAfter(friday, { workingDays: 1 }, worked)).toBe(parseCst(2025, 9, 28, 10, 0));
    expect(deadlineAfter(friday, { workingDays: 4 }, worked)).toBe(parseCst(2025, 10, 7, 10, 0));
  });

  it('reads the day in China time: 07:00 on a Monday in China is still Sunday in UTC', () => {
    const earlyMonday = parseCst(2025, 9, 22, 7, 0);
    expect(new Date(earlyMonday).getUTCDay()).toBe(0);
    expect(deadlineAfter(earlyMonday, { workingDays: 1 }, worked)).toBe(parseCst(2025, 9, 23, 7, 0));
  });
});
