/**
 * A filter change is drawn in the order a user reads it: the headline figures first, then the map
 * and the panels. While the KPI cards are on the page they hold the rest back until they show the
 * change's figures (or say they cannot), at most MAX_WAIT_MS; without them nothing waits.
 */
export const MAX_WAIT_MS = 300;

const waiting = new Map<string, () => void>();
let holders = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

/** Runs `run` once the headline figures are shown: at once when nothing holds. A later run of the same `key` replaces a waiting one. */
export function afterHeadline(key: string, run: () => void): void {
  if (holders === 0) {
    run();
    return;
  }
  waiting.set(key, run);
  timer ??= setTimeout(releaseHeadline, MAX_WAIT_MS);
}

/** Whether a change is still waiting for its headline figures (the map has not drawn it yet). */
export const isWaitingForHeadline = () => waiting.size > 0;

/** The headline figures of the current filters are shown: everything that waited for them runs. */
export function releaseHeadline(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  const runs = [...waiting.values()];
  waiting.clear();
  for (const run of runs) run();
}

/** The headline figures are on the page (until the returned function is called): changes wait for them. */
export function holdForHeadline(): () => void {
  holders++;
  return () => {
    holders--;
    if (holders === 0) releaseHeadline();
  };
}
