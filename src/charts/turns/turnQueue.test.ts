import { describe, expect, it } from 'vitest';
import { createTurnQueue } from './turnQueue';

function manualTasks() {
  const tasks: (() => void)[] = [];
  return { post: (run: () => void) => tasks.push(run), runNext: () => tasks.shift()?.(), pending: () => tasks.length };
}

describe('createTurnQueue', () => {
  it('starts nobody in the task that joins', () => {
    const tasks = manualTasks();
    const queue = createTurnQueue(tasks.post);
    const started: string[] = [];
    queue.join(() => started.push('a'));
    expect(started).toEqual([]);
    tasks.runNext();
    expect(started).toEqual(['a']);
  });

  it('gives one turn at a time, the next only after the holder’s turn ends, in the order they joined', () => {
    const tasks = manualTasks();
    const queue = createTurnQueue(tasks.post);
    const started: string[] = [];
    const [endA, endB] = ['a', 'b', 'c'].map((name) => queue.join(() => started.push(name)));
    tasks.runNext();
    expect(started).toEqual(['a']);
    expect(tasks.pending()).toBe(0);
    endA();
    expect(started).toEqual(['a']);
    tasks.runNext();
    expect(started).toEqual(['a', 'b']);
    endB();
    tasks.runNext();
    expect(started).toEqual(['a', 'b', 'c']);
  });

  it('passes over one that leaves before its turn, and moves on when the holder leaves', () => {
    const tasks = manualTasks();
    const queue = createTurnQueue(tasks.post);
    const started: string[] = [];
    const a = () => started.push('a');
    const leaveA = queue.join(a);
    const leaveB = queue.join(() => started.push('b'));
    queue.join(() => started.push('c'));
    leaveB();
    tasks.runNext();
    leaveA();
    tasks.runNext();
    expect(started).toEqual(['a', 'c']);
  });

  it('does not end the holder’s turn when one that waits leaves', () => {
    const tasks = manualTasks();
    const queue = createTurnQueue(tasks.post);
    const started: string[] = [];
    queue.join(() => started.push('a'));
    const leaveB = queue.join(() => started.push('b'));
    tasks.runNext();
    leaveB();
    tasks.runNext();
    expect(started).toEqual(['a']);
  });

  it('is busy from the first join until the last turn ends', () => {
    const tasks = manualTasks();
    const queue = createTurnQueue(tasks.post);
    expect(queue.busy()).toBe(false);
    const endA = queue.join(() => {});
    const endB = queue.join(() => {});
    expect(queue.busy()).toBe(true);
    tasks.runNext();
    endA();
    expect(queue.busy()).toBe(true);
    tasks.runNext();
    endB();
    expect(queue.busy()).toBe(false);
  });

  it('tells when the last turn has ended', async () => {
    const tasks = manualTasks();
    const queue = createTurnQueue(tasks.post);
    await queue.whenIdle();
    const end = queue.join(() => {});
    let idle = false;
    void queue.whenIdle().then(() => (idle = true));
    tasks.runNext();
    await Promise.resolve();
    expect(idle).toBe(false);
    end();
    await Promise.resolve();
    expect(idle).toBe(true);
  });
});
