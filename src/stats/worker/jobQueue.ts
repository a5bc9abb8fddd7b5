/** Lets the running job stop for a task, in which urgent jobs that came meanwhile run first. */
export type Pause = () => Promise<void>;

/** What a job is: urgent (the headline figures), a barrier (a data load, which nothing passes), or neither. */
export type JobKind = 'urgent' | 'barrier' | 'normal';

interface Job {
  kind: JobKind;
  run: (pause: Pause) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Runs a job made of steps (a generator) through, at once: for a caller that does not pause (Node, tests). */
export function allSteps<R>(steps: Generator<void, R>): R {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** Runs a job made of steps (a generator), pausing between them. */
export async function inSteps<R>(steps: Generator<void, R>, pause: Pause): Promise<R> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await pause();
  }
}

/**
 * The statistics worker's calls, one job at a time, each in a task of its own so that the calls
 * the page sent meanwhile are heard before the next starts; then an urgent one runs before the
 * others waiting (a range change's headline figures do not wait for the last range's charts), and
 * again at each pause of a job made of steps. Nothing passes a barrier: a question asked after a
 * layer's load is answered over it. `nextTask` runs a function in a task of its own.
 */
export function jobQueue(nextTask: (run: () => void) => void) {
  const jobs: Job[] = [];
  let running = false;
  let scheduled = false;

  /** The next job to run: the first urgent one before any barrier, else (unless only urgent ones may run) the first. */
  const nextIndex = (urgentOnly: boolean): number => {
    for (let i = 0; i < jobs.length; i++) {
      if (jobs[i].kind === 'barrier') break;
      if (jobs[i].kind === 'urgent') return i;
    }
    return urgentOnly || jobs.length === 0 ? -1 : 0;
  };

  const settle = async (job: Job) => {
    try {
      job.resolve(await job.run(pause));
    } catch (e) {
      job.reject(e);
    }
  };

  const pause: Pause = () =>
    new Promise((resume) =>
      nextTask(() => {
        // Urgent jobs take no steps: each runs whole, here.
        for (let i = nextIndex(true); i >= 0; i = nextIndex(true)) void settle(jobs.splice(i, 1)[0]);
        resume();
      }),
    );

  const drain = async () => {
    scheduled = false;
    const i = running ? -1 : nextIndex(false);
    if (i < 0) return;
    running = true;
    await settle(jobs.splice(i, 1)[0]);
    running = false;
    schedule();
  };

  const schedule = () => {
    if (scheduled || running || jobs.length === 0) return;
    scheduled = true;
    nextTask(() => void drain());
  };

  return function enqueue<R>(kind: JobKind, run: (pause: Pause) => R | Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      jobs.push({ kind, run, resolve: resolve as (value: unknown) => void, reject });
      schedule();
    });
  };
}
