import { retryDelay, type BackoffPolicy } from '../../live/backoff';
import type { StatsFailure, StatsFigures, StatsKind, StatsQuestions } from './statistics';

/**
 * What a panel may show for a question:
 * - pending: nothing yet;
 * - current: figures for it (or, briefly while a newer question is on its way, for `asked`);
 * - stale: the last figures of this panel's question, kept after asking again failed, with the
 *   reason and when it is asked again;
 * - unavailable: no figures to show, with the reason and when it is asked again.
 */
export type StatsReading<K extends StatsKind> =
  | { state: 'pending' }
  | ({ state: 'current'; asked: StatsQuestions[K] } & StatsFigures<K>)
  | ({ state: 'stale'; asked: StatsQuestions[K]; failure: StatsFailure; retryAt: number } & StatsFigures<K>)
  | { state: 'unavailable'; failure: StatsFailure; retryAt: number };

/** The last figures a panel received, with the question they answer and its identity. */
export interface Answered<K extends StatsKind> {
  key: string;
  identity: string;
  asked: StatsQuestions[K];
  figures: StatsFigures<K>;
}

/** The last failure of a question: why, how many in a row, and when it is asked again. */
export interface Failed {
  key: string;
  failure: StatsFailure;
  failures: number;
  retryAt: number;
}

/** Statistics are asked again 5 s after a failure, then 10, 20 … up to every 2 minutes (with jitter). */
export const STATS_RETRY: BackoffPolicy = { initialMs: 5_000, maxMs: 120_000 };

/** The failure after `previous` for question `key` at `now`: counts failures of the same question in a row. */
export function nextFailure(previous: Failed | null, key: string, failure: StatsFailure, now: number, random: () => number = Math.random): Failed {
  const failures = previous?.key === key ? previous.failures + 1 : 1;
  return { key, failure, failures, retryAt: now + retryDelay(failures, STATS_RETRY, random) };
}

/**
 * What to show for the question `key` (null: none asked). Figures of another question are kept
 * as stale only when they share its identity (the same panel question with a window that moved on,
 * as on the wall); figures for a question the user changed are never shown for the new one once it failed.
 */
export function readingOf<K extends StatsKind>(key: string | null, identity: string | null, good: Answered<K> | null, failed: Failed | null): StatsReading<K> {
  if (key === null) return { state: 'pending' };
  if (failed?.key === key) {
    if (good && (good.key === key || good.identity === identity)) return { state: 'stale', asked: good.asked, ...good.figures, failure: failed.failure, retryAt: failed.retryAt };
    return { state: 'unavailable', failure: failed.failure, retryAt: failed.retryAt };
  }
  return good ? { state: 'current', asked: good.asked, ...good.figures } : { state: 'pending' };
}

/** A reading with figures to show: current or stale. */
export const hasFigures = <K extends StatsKind>(reading: StatsReading<K>): reading is Extract<StatsReading<K>, { state: 'current' | 'stale' }> => reading.state === 'current' || reading.state === 'stale';

/** The figures of a reading that has some (current or stale), else null. */
export const figuresOf = <K extends StatsKind>(reading: StatsReading<K>): StatsFigures<K>['value'] | null => (hasFigures(reading) ? reading.value : null);
