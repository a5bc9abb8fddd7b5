/**
 * Hands out turns one at a time: a turn is given in its own task, and the next only once the
 * holder leaves the queue (its turn is over). Recharts draws a chart in one synchronous
 * commit, measuring and dispatching to its store in effects; nine charts mounting in the same
 * commit at load made one main-thread task of 300–500 ms, four taking a new time range at 10×
 * one of 100–630 ms.
 */
export interface TurnQueue {
  /** Waits for a turn; `start` is called in a later task. Returns a function that leaves the queue (or ends the turn). */
  join(start: () => void): () => void;
  /** Whether a turn is going on or waited for. */
  busy(): boolean;
  /** Resolves once no turn is going on or waited for (at once if none is). */
  whenIdle(): Promise<void>;
}

export function createTurnQueue(nextTask: (run: () => void) => void): TurnQueue {
  const waiting: (() => void)[] = [];
  let holder: (() => void) | null = null;
  let scheduled = false;
  let idle: (() => void)[] = [];
  const busy = () => holder !== null || waiting.length > 0;
  const pump = () => {
    if (!busy()) {
      idle.forEach((resolve) => resolve());
      idle = [];
    }
    if (holder || scheduled || waiting.length === 0) return;
    scheduled = true;
    nextTask(() => {
      scheduled = false;
      if (holder) return;
      holder = waiting.shift() ?? null;
      holder?.();
    });
  };
  return {
    join(start) {
      waiting.push(start);
      pump();
      return () => {
        const at = waiting.indexOf(start);
        if (at >= 0) waiting.splice(at, 1);
        if (holder === start) holder = null;
        pump();
      };
    },
    busy,
    whenIdle: () => (busy() ? new Promise<void>((resolve) => idle.push(resolve)) : Promise.resolve()),
  };
}
