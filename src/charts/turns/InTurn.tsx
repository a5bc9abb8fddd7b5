import { memo, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { CHART_TURNS } from './chartTurns';

const sameInputs = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/** The latest value, for handlers and formatters of a chart drawn from older inputs. */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

/**
 * The inputs a chart draws, as of its last turn: a chart mounts, and takes new inputs, in a task
 * of its own. `behind` while newer inputs wait for their turn.
 */
export function useChartTurn<T extends readonly unknown[]>(inputs: T): { shown: T | null; behind: boolean } {
  const [shown, setShown] = useState<T | null>(null);
  const behind = shown === null || !sameInputs(shown, inputs);
  const latest = useLatest(inputs);
  // Leaving the queue ends the turn: the cleanup runs once the commit of the inputs taken is done
  // (a chart's layout effects and measuring included), and a chart still behind joins again.
  useEffect(() => (behind ? CHART_TURNS.join(() => setShown(latest.current)) : undefined), [behind, shown, latest]);
  return { shown, behind };
}

interface InTurnProps<T extends readonly unknown[]> {
  /** Everything the chart draws from (compared one by one); the drawing lags them until the chart's turn. */
  inputs: T;
  /** The chart's box, kept while it waits, so that the panel does not jump when it is drawn. */
  width?: number | string;
  height: number;
  /**
   * The chart drawn from the inputs of its last turn, and drawn again only for new ones: what it
   * calls later (handlers, formatters) reads the latest props through `useLatest`.
   */
  children: (shown: T) => ReactNode;
}

interface DrawnProps {
  shown: readonly unknown[];
  draw: (shown: readonly unknown[]) => ReactNode;
}

/** Recharts draws a chart again, from its own store, for any new prop object: only new inputs pass. */
const Drawn = memo(
  ({ shown, draw }: DrawnProps) => draw(shown),
  (before, after) => before.shown === after.shown,
);

/**
 * A chart drawn in turns. Recharts renders a chart's new data synchronously, in the commit that
 * brings it and again from its own store: four charts taking a new time range in one commit made
 * one main-thread task of 100–630 ms at 10×. A chart waiting for its first turn holds its place
 * with an empty box of its size; one showing older inputs is marked `data-behind` (and faded, if
 * the wait is long enough to be seen).
 */
export function InTurn<T extends readonly unknown[]>({ inputs, width = '100%', height, children }: InTurnProps<T>) {
  const { shown, behind } = useChartTurn(inputs);
  return (
    <div className="chart-turn" style={{ width, height }} data-behind={behind} aria-busy={behind}>
      {shown !== null && <Drawn shown={shown} draw={children as DrawnProps['draw']} />}
    </div>
  );
}
