import { describe, expect, it } from 'vitest';
import { dayRange, isoDay, presetOf, presetRange } from './timePresets';

const cst = (s: string) => Date.parse(`${s}+08:00`);
const END = cst('2026-11-01T00:00:00');

describe('presetRange', () => {
  it('reads "today" at midnight as the day that just ended', () => {
    expect(presetRange('today', END)).toEqual({ from: cst('2026-10-31T00:00:00'), to: END });
  });
  it('gives calendar months, quarters and years in China time', () => {
    expect(presetRange('thisMonth', END)).toEqual({ from: cst('2026-10-01T00:00:00'), to: END });
    expect(presetRange('lastMonth', END)).toEqual({ from: cst('2026-09-01T00:00:00'), to: cst('2026-10-01T00:00:00') });
    expect(presetRange('thisQuarter', END)).toEqual({ from: cst('2026-10-01T00:00:00'), to: END });
    expect(presetRange('thisYear', END)).toEqual({ from: cst('2026-01-01T00:00:00'), to: END });
    expect(presetRange('last7Days', cst('2026-03-02T10:00:00'))).toEqual({ from: cst('2026-02-24T00:00:00'), to: cst('2026-03-02T10:00:00') });
  });
  it('crosses the year for last month in January', () => {
    expect(presetRange('lastMonth', cst('2026-01-15T08:00:00'))).toEqual({ from: cst('2025-12-01T00:00:00'), to: cst('2026-01-01T00:00:00') });
  });
  it('recognises a preset range and a custom one', () => {
    expect(presetOf(presetRange('lastMonth', END), END)).toBe('lastMonth');
    expect(presetOf({ from: cst('2026-05-03T00:00:00'), to: END }, END)).toBeNull();
  });
});

describe('dayRange', () => {
  it('includes both days', () => {
    expect(dayRange('2026-10-01', '2026-10-31')).toEqual({ from: cst('2026-10-01T00:00:00'), to: END });
    expect(isoDay(END - 1)).toBe('2026-10-31');
  });
  it('refuses a reversed or malformed range', () => {
    expect(dayRange('2026-10-31', '2026-10-01')).toBeNull();
    expect(dayRange('2026-1-1', '2026-10-01')).toBeNull();
  });
});
