import { describe, expect, it } from 'vitest';
import { DATA_END_MS, DATA_START_MS, parseCst } from '../../layers/common/time';
import { assessableMonths, lastWholeMonth, monthOf, monthPeriod } from './assessmentMonths';

describe('assessment months', () => {
  it('reads a month in China time', () => {
    expect(monthOf(parseCst(2025, 10, 1))).toBe('2025-10');
    expect(monthOf(parseCst(2025, 10, 1) - 1)).toBe('2025-09');
    expect(monthPeriod('2025-12')).toEqual({ from: parseCst(2025, 12, 1), to: parseCst(2026, 1, 1) });
  });

  it('assesses by default the last month ended by the data’s moment', () => {
    expect(lastWholeMonth(DATA_END_MS)).toBe('2026-10');
    expect(lastWholeMonth(parseCst(2026, 11, 15, 9))).toBe('2026-10');
    expect(lastWholeMonth(parseCst(2026, 11, 1, 0, 1))).toBe('2026-10');
  });

  it('offers every month of the data, latest first', () => {
    const months = assessableMonths(DATA_END_MS, DATA_START_MS);
    expect(months[0]).toBe('2026-10');
    expect(months[months.length - 1]).toBe('2021-01');
    expect(months).toHaveLength(70);
  });
});
