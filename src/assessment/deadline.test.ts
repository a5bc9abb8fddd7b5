import { describe, expect, it } from 'vitest';
import { parseCst } from '../layers/common/time';
import { deadlineAfter, workingDayTest } from './deadline';
import { shippedAssessmentConfig } from '../../test/support/assessmentConfig';

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

describe('the shipped calendar (public/assessment.json)', () => {
  const shipped = shippedAssessmentConfig().calendar;
  const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

  it('makes up working days on weekends only, and never on a holiday', () => {
    for (const day of shipped.workdays) expect([0, 6], day).toContain(weekday(day));
    expect(shipped.workdays.filter((d) => shipped.holidays.includes(d))).toEqual([]);
  });

  it('gives each year of the data its statutory days off: 11 to 2024, 13 from 2025 (weekdays off less days made up)', () => {
    const net = new Map<string, number>();
    for (const day of shipped.holidays) if (![0, 6].includes(weekday(day))) net.set(day.slice(0, 4), (net.get(day.slice(0, 4)) ?? 0) + 1);
    for (const day of shipped.workdays) net.set(day.slice(0, 4), (net.get(day.slice(0, 4)) ?? 0) - 1);
    expect(Object.fromEntries(net)).toEqual({ '2021': 11, '2022': 11, '2023': 11, '2024': 11, '2025': 13, '2026': 13 });
  });

  it('puts a patch reported before the 2026 Spring Festival past its nine days off', () => {
    const isWorking = workingDayTest(shipped);
    // Fri 13 Feb 2026; Sat 14 is made up, 15–23 off, Mon 24 and on worked again.
    expect(deadlineAfter(parseCst(2026, 2, 13, 9, 0), { workingDays: 1 }, isWorking)).toBe(parseCst(2026, 2, 14, 9, 0));
    expect(deadlineAfter(parseCst(2026, 2, 13, 9, 0), { workingDays: 2 }, isWorking)).toBe(parseCst(2026, 2, 24, 9, 0));
  });
});
