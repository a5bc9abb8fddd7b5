import { describe, expect, it } from 'vitest';
import { inSteps, jobQueue } from './jobQueue';

/** Tasks run when the test says, in order, as the worker's event loop would run them. */
function tasks() {
  const queue: (() => void)[] = [];
  return {
    nextTask: (run: () => void) => void queue.push(run),
    /** Runs tasks (and the promise reactions they start) until none are left. */
    async runAll() {
      for (let task = queue.shift(); task; task = queue.shift()) {
        task();
        await new Promise((r) => setImmediate(r));
      }
    },
  };
}

describe('the stats worker’s job queue', () => {
  it('runs an urgent job before the normal ones waiting, but never before a load sent ahead of it', async () => {
    const loop = tasks();
    const enqueue = jobQueue(loop.nextTask);
    const ran: string[] = [];
    const job = (name: string) => () => void ran.push(name);
    void enqueue('normal', job('town table'));
    void enqueue('normal', job('hot spots'));
    void enqueue('urgent', job('kpis 1'));
    void enqueue('barrier', job('load lamps'));
    void enqueue('normal', job('series'));
    void enqueue('urgent', job('kpis 2'));
    await loop.runAll();
    expect(ran).toEqual(['kpis 1', 'town table', 'hot spots', 'load lamps', 'kpis 2', 'series']);
  });

  it('runs urgent jobs that came while a job made of steps paused, then finishes it', async () => {
    const loop = tasks();
    const enqueue = jobQueue(loop.nextTask);
    const ran: string[] = [];
    function* sparklines() {
      for (let w = 0; w < 3; w++) {
        ran.push(`window ${w}`);
        if (w === 0) {
          // The page asks the next range's headline figures, and another chart, while the sparklines compute.
          void enqueue('normal', () => void ran.push('series'));
          void enqueue('urgent', () => void ran.push('kpis'));
        }
        yield;
      }
      return 'sparklines';
    }
    const done = enqueue('normal', (pause) => inSteps(sparklines(), pause));
    await loop.runAll();
    expect(await done).toBe('sparklines');
    expect(ran).toEqual(['window 0', 'kpis', 'window 1', 'window 2', 'series']);
  });

  it('answers each job with its own result or error', async () => {
    const loop = tasks();
    const enqueue = jobQueue(loop.nextTask);
    const a = enqueue('normal', () => 42);
    const b = enqueue('urgent', () => {
      throw new Error('no towns');
    });
    const failed = expect(b).rejects.toThrow('no towns');
    await loop.runAll();
    expect(await a).toBe(42);
    await failed;
  });
});
