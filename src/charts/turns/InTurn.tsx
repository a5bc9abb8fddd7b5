import { useEffect, useState, type ReactNode } from 'react';
import { nextTask } from '../../app/stats/nextTask';
import { createTurnQueue } from './turnQueue';

// Each turn in a task of its own (a message, not a timer: test clocks do not hold it back).
const CHART_MOUNTS = createTurnQueue((run) => void nextTask().then(run));

interface InTurnProps {
  /** The chart's box, kept while it waits, so that the panel does not jump when it is drawn. */
  width?: number | string;
  height: number;
  children: ReactNode;
}

/**
 * A chart that mounts in its own task: charts waiting for their turn hold their place with an
 * empty box of their size. Once drawn, a chart stays, and updates like any other component.
 */
export function InTurn({ width = '100%', height, children }: InTurnProps) {
  const [drawn, setDrawn] = useState(false);
  const [turn] = useState(() => () => setDrawn(true));
  // Leaving the queue ends the turn too: this runs once the chart's commit (its layout effects and
  // measuring included) is done, and the next chart may mount in a task of its own.
  useEffect(() => (drawn ? undefined : CHART_MOUNTS.join(turn)), [drawn, turn]);
  if (!drawn) return <div className="chart-turn" style={{ width, height }} data-waiting="true" aria-hidden="true" />;
  return <>{children}</>;
}
