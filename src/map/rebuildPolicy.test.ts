import { describe, expect, it } from 'vitest';
import { MAX_REBUILDS, NO_LOSSES, onContextLoss } from './rebuildPolicy';

describe('rebuilding a map after WebGL context losses', () => {
  it('rebuilds at once the first time, then backs off 1, 2, 4, 8 s, then gives up', () => {
    let state = NO_LOSSES;
    const delays: (number | null)[] = [];
    for (let i = 0; i <= MAX_REBUILDS; i++) {
      const step = onContextLoss(state, 1_000_000 + i * 5_000);
      state = step.state;
      delays.push(step.delayMs);
    }
    expect(delays).toEqual([0, 1000, 2000, 4000, 8000, null]);
  });
  it('starts over after ten quiet minutes', () => {
    const first = onContextLoss(NO_LOSSES, 0).state;
    const second = onContextLoss(first, 1000).state;
    expect(onContextLoss(second, 1000 + 10 * 60_000).delayMs).toBe(0);
  });
});
