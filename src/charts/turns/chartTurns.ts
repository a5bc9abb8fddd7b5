import { nextTask } from '../../app/stats/nextTask';
import { createTurnQueue } from './turnQueue';

/** The dashboard's charts' turns, each in a task of its own (a message, not a timer: test clocks do not hold it back). */
export const CHART_TURNS = createTurnQueue((run) => void nextTask().then(run));

/** Whether some chart has not yet drawn its latest inputs (the browser tests wait for none). */
export const areChartsBehind = () => CHART_TURNS.busy();

/** Once every chart has drawn its latest inputs (Recharts' own redraw from its store included). */
export async function chartsDrawn(): Promise<void> {
  await CHART_TURNS.whenIdle();
  // The last turn ends as its commit's effects run; Recharts redraws from its store right after.
  await nextTask();
}
