/**
 * When to rebuild a map whose WebGL context was lost: at once the first time, then after 1, 2,
 * 4 … s (at most 30 s); after MAX_REBUILDS losses without a quiet STABLE_MS between them, not
 * again (a GPU that keeps failing would otherwise blank and flicker the map all day).
 */
export const MAX_REBUILDS = 5;
const STABLE_MS = 10 * 60_000;
const MAX_DELAY_MS = 30_000;

export interface RebuildState {
  /** Losses in the current streak. */
  streak: number;
  lastLossAt: number | null;
}

export const NO_LOSSES: RebuildState = { streak: 0, lastLossAt: null };

/** After a loss at `now`: the new state, and the delay before rebuilding (null: give up). */
export function onContextLoss(state: RebuildState, now: number): { state: RebuildState; delayMs: number | null } {
  const streak = state.lastLossAt !== null && now - state.lastLossAt < STABLE_MS ? state.streak + 1 : 1;
  const next = { streak, lastLossAt: now };
  if (streak > MAX_REBUILDS) return { state: next, delayMs: null };
  return { state: next, delayMs: streak === 1 ? 0 : Math.min(MAX_DELAY_MS, 1000 * 2 ** (streak - 2)) };
}
