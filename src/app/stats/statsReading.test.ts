import { describe, expect, it } from 'vitest';
import type { TownRowSet } from '../../stats/townMetrics';
import { nextFailure, readingOf, STATS_RETRY, type Answered } from './statsReading';

const rows = { towns: [], outside: { code: 'outside', values: {} }, district: { code: 'district', values: {} } } as unknown as TownRowSet;
const answered = (key: string, identity = key): Answered<'townRows'> => ({
  key,
  identity,
  asked: [{ from: 0, to: 1 }],
  figures: { value: rows, source: 'server', missing: [], asOf: 1_000 },
});

describe('what a panel shows for its statistics question', () => {
  it('nothing before an answer, then the figures as current with their source and time', () => {
    expect(readingOf('a', 'a', null, null)).toEqual({ state: 'pending' });
    expect(readingOf('a', 'a', answered('a'), null)).toMatchObject({ state: 'current', source: 'server', asOf: 1_000 });
  });

  it('a failed re-ask of the same question keeps the last figures, stale, with the reason and when it is asked again', () => {
    const failed = nextFailure(null, 'a', 'the server answered 500', 10_000, () => 0);
    expect(readingOf('a', 'a', answered('a'), failed)).toMatchObject({ state: 'stale', value: rows, asOf: 1_000, failure: 'the server answered 500', retryAt: 10_000 + STATS_RETRY.initialMs / 2 });
  });

  it('a failed new question is unavailable: the figures of the question before are not shown for it', () => {
    const failed = nextFailure(null, 'b', 'time-out', 0, () => 1);
    expect(readingOf('b', 'b', answered('a'), failed)).toEqual({ state: 'unavailable', failure: 'time-out', retryAt: STATS_RETRY.initialMs });
  });

  it('unless it has the same identity (the wall’s window moved on): then the last figures stay, stale', () => {
    const failed = nextFailure(null, 'b', 'time-out', 0);
    expect(readingOf('b', 'wall', answered('a', 'wall'), failed).state).toBe('stale');
  });

  it('a failure of an older question does not mark the figures of the current one', () => {
    expect(readingOf('b', 'b', answered('b'), nextFailure(null, 'a', 'x', 0)).state).toBe('current');
  });

  it('asks again later after each failure of the same question in a row, up to the ceiling, and from the start for a new one', () => {
    let failed = nextFailure(null, 'a', 'x', 0, () => 1);
    const delays = [failed.retryAt];
    for (let i = 0; i < 8; i++) delays.push((failed = nextFailure(failed, 'a', 'x', 0, () => 1)).retryAt);
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 120_000, 120_000, 120_000, 120_000]);
    expect(nextFailure(failed, 'b', 'x', 0, () => 1).retryAt).toBe(5_000);
  });
});
