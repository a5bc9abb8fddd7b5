export interface BackoffPolicy {
  /** Delay before the first retry after a failure. */
  initialMs: number;
  /** Ceiling: retries never wait longer than this. */
  maxMs: number;
}

/**
 * Delay before retry number `failures` (1 = the first retry): exponential, capped, with "equal
 * jitter" (half fixed, half random), so that many walls that lost the same server do not all
 * come back to it in the same second, yet none waits less than half its step.
 */
export function retryDelay(failures: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, failures - 1));
  return step / 2 + (step / 2) * random();
}
