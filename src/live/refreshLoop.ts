import { retryDelay, type BackoffPolicy } from './backoff';
import { timerDelay } from './timerDelay';

/** What the screen says about one source: when it last succeeded, and what went wrong since. */
export interface SourceHealth {
  lastSuccessAt: number | null;
  lastAttemptAt: number | null;
  /** Failed attempts since the last success. */
  failures: number;
  lastError: string | null;
  /** When the next attempt is due (null while one is in flight or the loop is stopped). */
  nextAttemptAt: number | null;
  refreshing: boolean;
}

export const UNKNOWN_HEALTH: SourceHealth = { lastSuccessAt: null, lastAttemptAt: null, failures: 0, lastError: null, nextAttemptAt: null, refreshing: false };

/** A source's data is stale once a refresh has failed, or its last success is older than `staleAfterMs`. */
export function isStale(health: SourceHealth, now: number, staleAfterMs: number): boolean {
  return health.failures > 0 || (health.lastSuccessAt !== null && now - health.lastSuccessAt > staleAfterMs);
}

export interface RefreshLoopOptions {
  intervalMs: number;
  retry: BackoffPolicy;
  /** One refresh: resolves to null on success or to the reason it failed. Must apply nothing when it fails. */
  refresh(signal: AbortSignal): Promise<string | null>;
  onHealth(health: SourceHealth): void;
  /** When the data on screen was loaded (the first load), so the first refresh waits a whole interval. */
  loadedAt?: number | null;
  /** Why the first load failed, if it did: the loop then starts by retrying, with back-off. */
  initialFailure?: string | null;
  random?: () => number;
  now?: () => number;
}

/**
 * Keeps one source current: refreshes every `intervalMs`; after a failure retries with exponential
 * back-off and jitter until the source answers again, then returns to the interval. Exactly one
 * timer or one request is pending at any moment; `stop` cancels both.
 */
export function startRefreshLoop(options: RefreshLoopOptions): () => void {
  const now = options.now ?? Date.now;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let health: SourceHealth = { ...UNKNOWN_HEALTH, lastSuccessAt: options.loadedAt ?? null };

  const report = (next: Partial<SourceHealth>) => {
    health = { ...health, ...next };
    options.onHealth(health);
  };
  const schedule = (delayMs: number) => {
    report({ nextAttemptAt: now() + delayMs, refreshing: false });
    timer = setTimeout(() => void attempt(), timerDelay(delayMs));
  };
  const attempt = async () => {
    timer = undefined;
    report({ refreshing: true, nextAttemptAt: null, lastAttemptAt: now() });
    let problem: string | null;
    try {
      problem = await options.refresh(controller.signal);
    } catch (e) {
      problem = e instanceof Error ? e.message : String(e);
    }
    if (controller.signal.aborted) return;
    if (problem === null) {
      report({ lastSuccessAt: now(), failures: 0, lastError: null });
      schedule(options.intervalMs);
    } else {
      const failures = health.failures + 1;
      report({ failures, lastError: problem });
      schedule(retryDelay(failures, options.retry, options.random));
    }
  };

  if (options.initialFailure) {
    report({ failures: 1, lastError: options.initialFailure });
    schedule(retryDelay(1, options.retry, options.random));
  } else {
    schedule(options.intervalMs);
  }
  return () => {
    controller.abort();
    clearTimeout(timer);
    timer = undefined;
  };
}
