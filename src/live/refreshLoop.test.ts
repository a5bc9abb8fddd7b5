import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { retryDelay } from './backoff';
import { isStale, startRefreshLoop, type SourceHealth } from './refreshLoop';

const policy = { initialMs: 5_000, maxMs: 60_000 };

describe('retryDelay', () => {
  it('doubles from the first retry and stops at the ceiling', () => {
    const fixed = () => 1;
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelay(n, policy, fixed))).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });

  it('jitters between half the step and the whole step', () => {
    expect(retryDelay(3, policy, () => 0)).toBe(10_000);
    expect(retryDelay(3, policy, () => 0.5)).toBe(15_000);
    for (let i = 0; i < 200; i++) {
      const d = retryDelay(4, policy);
      expect(d).toBeGreaterThanOrEqual(20_000);
      expect(d).toBeLessThanOrEqual(40_000);
    }
  });
});

describe('isStale', () => {
  const ok: SourceHealth = { lastSuccessAt: 1_000, lastAttemptAt: 1_000, failures: 0, lastError: null, nextAttemptAt: 2_000, refreshing: false };
  it('is stale after a failure, or when the last success is too old', () => {
    expect(isStale(ok, 1_500, 1_000)).toBe(false);
    expect(isStale({ ...ok, failures: 1 }, 1_500, 1_000)).toBe(true);
    expect(isStale(ok, 2_001, 1_000)).toBe(true);
  });
});

describe('startRefreshLoop', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  function run(outcomes: (string | null)[], initialFailure: string | null = null) {
    const attempts: number[] = [];
    const healths: SourceHealth[] = [];
    const stop = startRefreshLoop({
      intervalMs: 30_000,
      retry: policy,
      random: () => 1,
      initialFailure,
      refresh: async () => {
        attempts.push(Date.now());
        return outcomes.shift() ?? null;
      },
      onHealth: (h) => healths.push(h),
    });
    return { attempts, healths, stop, last: () => healths.at(-1)! };
  }

  it('refreshes every interval while the source answers', async () => {
    const loop = run([]);
    await vi.advanceTimersByTimeAsync(95_000);
    expect(loop.attempts).toEqual([30_000, 60_000, 90_000]);
    expect(loop.last()).toMatchObject({ lastSuccessAt: 90_000, failures: 0, nextAttemptAt: 120_000 });
    loop.stop();
  });

  it('backs off exponentially while failing, then returns to the interval', async () => {
    const loop = run(['500', '500', '500', null]);
    await vi.advanceTimersByTimeAsync(30_000 + 5_000 + 10_000 + 20_000 + 30_000 + 1);
    expect(loop.attempts).toEqual([30_000, 35_000, 45_000, 65_000, 95_000]);
    const failing = loop.healths.filter((h) => h.failures > 0 && !h.refreshing);
    expect(failing.map((h) => h.failures)).toEqual([1, 2, 3]);
    expect(failing.every((h) => h.lastError === '500')).toBe(true);
    expect(loop.last()).toMatchObject({ failures: 0, lastError: null, lastSuccessAt: 95_000 });
    loop.stop();
  });

  it('a thrown error counts as a failure, not a crash', async () => {
    const healths: SourceHealth[] = [];
    const stop = startRefreshLoop({
      intervalMs: 1_000,
      retry: policy,
      refresh: () => Promise.reject(new Error('boom')),
      onHealth: (h) => healths.push(h),
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(healths.at(-1)).toMatchObject({ failures: 1, lastError: 'boom' });
    stop();
  });

  it('after a failed first load, starts by retrying with back-off', async () => {
    const loop = run([], 'down at start');
    expect(loop.healths[0]).toMatchObject({ failures: 1, lastError: 'down at start', lastSuccessAt: null });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(loop.attempts).toEqual([5_000]);
    expect(loop.last()).toMatchObject({ failures: 0, lastSuccessAt: 5_000, nextAttemptAt: 35_000 });
    loop.stop();
  });

  it('stop cancels the pending timer and leaves no request behind', async () => {
    const loop = run([]);
    loop.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(loop.attempts).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('holds exactly one timer at a time, however long it runs', async () => {
    const loop = run(Array.from({ length: 500 }, (_, i) => (i % 7 === 0 ? 'timeout' : null)));
    for (let i = 0; i < 500; i++) {
      await vi.advanceTimersByTimeAsync(30_000);
      expect(vi.getTimerCount()).toBe(1);
    }
    loop.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
