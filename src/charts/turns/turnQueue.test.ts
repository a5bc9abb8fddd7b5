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

  it('gives one turn at a time, the next only after the holder is done, in the order they joined', () => {
    const tasks = manualTasks();
    const queue = createTurnQueue(tasks.post);
    const started: string[] = [];
    const a = () => started.push('a');
    const b = () => started.push('b');
    const c = () => started.push('c');
    [a, b, c].forEach((start) => queue.join(start));
    tasks.runNext();
    expect(started).toEqual(['a']);
    expect(tasks.pending()).toBe(0);
    queue.done(a);
    expect(started).toEqual(['a']);
    tasks.runNext();
    expect(started).toEqual(['a', 'b']);
    queue.done(b);
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

  it('ignores done from one that does not hold the turn', () => {
    const tasks = manualTasks();
    const queue = createTurnQueue(tasks.post);
    const started: string[] = [];
    queue.join(() => started.push('a'));
    queue.join(() => started.push('b'));
    tasks.runNext();
    queue.done(() => undefined);
    tasks.runNext();
    expect(started).toEqual(['a']);
  });
});
