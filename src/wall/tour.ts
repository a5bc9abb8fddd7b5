import type { SceneId } from './scenes';

/** The tour's position: which scene shows since when, and until when it is held by someone's touch. */
export interface TourState {
  scenes: readonly SceneId[];
  index: number;
  shownAt: number;
  /** Held until this moment after an interaction (null: running). */
  heldUntil: number | null;
}

export function startTour(scenes: readonly SceneId[], now: number): TourState {
  return { scenes, index: 0, shownAt: now, heldUntil: null };
}

export const currentScene = (t: TourState): SceneId => t.scenes[t.index % t.scenes.length];

/** Someone touched the wall: hold the current scene for `idleMs` from now (each touch extends it). */
export function interact(t: TourState, now: number, idleMs: number): TourState {
  return { ...t, heldUntil: now + idleMs };
}

/** Step to a neighbouring scene by hand (arrow keys); it counts as an interaction. */
export function step(t: TourState, by: 1 | -1, now: number, idleMs: number): TourState {
  const n = t.scenes.length;
  return { ...t, index: (((t.index + by) % n) + n) % n, shownAt: now, heldUntil: now + idleMs };
}

/**
 * When the tour next has something to do: the end of a hold, or the current scene's time being up.
 * After a hold the scene gets a full `sceneMs` again, so nobody sees it flip the moment they let go.
 */
export function nextChangeAt(t: TourState, sceneMs: number): number {
  return t.heldUntil !== null ? t.heldUntil : t.shownAt + sceneMs;
}

/** The tour at `now`: released from a hold that has ended, advanced when its scene's time is up. */
export function advance(t: TourState, now: number, sceneMs: number): TourState {
  if (t.heldUntil !== null) return now >= t.heldUntil ? { ...t, heldUntil: null, shownAt: now } : t;
  if (now < t.shownAt + sceneMs) return t;
  return { ...t, index: (t.index + 1) % t.scenes.length, shownAt: now };
}
