import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterHeadline, holdForHeadline, isWaitingForHeadline, MAX_WAIT_MS, releaseHeadline } from './headlineFirst';

describe('the headline figures first', () => {
  afterEach(() => {
    releaseHeadline();
    vi.useRealTimers();
  });

  it('runs at once when no headline figures are on the page', () => {
    const run = vi.fn();
    afterHeadline('map', run);
    expect(run).toHaveBeenCalledOnce();
  });

  it('holds work until the figures are shown, keeping only the latest of each kind', () => {
    const release = holdForHeadline();
    const [first, second, panels] = [vi.fn(), vi.fn(), vi.fn()];
    afterHeadline('map', first);
    afterHeadline('map', second);
    afterHeadline('panels', panels);
    expect(second).not.toHaveBeenCalled();
    expect(isWaitingForHeadline()).toBe(true);
    releaseHeadline();
    expect(isWaitingForHeadline()).toBe(false);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
    expect(panels).toHaveBeenCalledOnce();
    release();
  });

  it('does not hold for longer than its limit when the figures never come', () => {
    vi.useFakeTimers();
    const release = holdForHeadline();
    const run = vi.fn();
    afterHeadline('map', run);
    vi.advanceTimersByTime(MAX_WAIT_MS - 1);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledOnce();
    release();
  });

  it('lets everything go when the figures leave the page', () => {
    const release = holdForHeadline();
    const run = vi.fn();
    afterHeadline('map', run);
    release();
    expect(run).toHaveBeenCalledOnce();
    const after = vi.fn();
    afterHeadline('map', after);
    expect(after).toHaveBeenCalledOnce();
  });
});
