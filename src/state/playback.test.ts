import { describe, expect, it } from 'vitest';
import { stepWindow, windowAt } from './playback';

const cst = (s: string) => Date.parse(`${s}T00:00:00+08:00`);
const BOUNDS = { from: cst('2021-01-01'), to: cst('2026-11-01') };

describe('playback windows', () => {
  it('finds the calendar day, Monday week and month holding a moment', () => {
    const t = cst('2026-10-15') + 5 * 3600_000;
    expect(windowAt(t, 'day')).toEqual({ from: cst('2026-10-15'), to: cst('2026-10-16') });
    expect(windowAt(t, 'week')).toEqual({ from: cst('2026-10-12'), to: cst('2026-10-19') });
    expect(windowAt(t, 'month')).toEqual({ from: cst('2026-10-01'), to: cst('2026-11-01') });
  });

  it('starts from the window holding the range start, then steps by whole windows', () => {
    const first = stepWindow({ from: cst('2025-02-10'), to: cst('2025-06-01') }, 'month', 1, BOUNDS)!;
    expect(first).toEqual({ from: cst('2025-02-01'), to: cst('2025-03-01') });
    expect(stepWindow(first, 'month', 1, BOUNDS)).toEqual({ from: cst('2025-03-01'), to: cst('2025-04-01') });
    expect(stepWindow(first, 'month', -1, BOUNDS)).toEqual({ from: cst('2025-01-01'), to: cst('2025-02-01') });
  });

  it('stops at the ends of the data', () => {
    expect(stepWindow({ from: cst('2026-10-01'), to: cst('2026-11-01') }, 'month', 1, BOUNDS)).toBeNull();
    expect(stepWindow({ from: cst('2021-01-01'), to: cst('2021-01-02') }, 'day', -1, BOUNDS)).toBeNull();
  });
});
