import { describe, expect, it } from 'vitest';
import { MAX_TIMER_MS, timerDelay } from './timerDelay';

describe('timerDelay: a delay a browser timer can hold', () => {
  it('keeps delays up to 2^31 − 1 ms (about 24.8 days) and cuts longer ones there, instead of firing at once', () => {
    expect(MAX_TIMER_MS).toBe(2 ** 31 - 1);
    expect(timerDelay(1000)).toBe(1000);
    expect(timerDelay(700 * 3_600_000)).toBe(MAX_TIMER_MS);
    expect(timerDelay(Infinity)).toBe(MAX_TIMER_MS);
  });
  it('makes a negative or unreadable delay zero', () => {
    expect(timerDelay(-5)).toBe(0);
    expect(timerDelay(NaN)).toBe(0);
  });
});
