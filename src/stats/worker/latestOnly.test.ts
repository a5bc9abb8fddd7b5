import { describe, expect, it } from 'vitest';
import { latestOnly } from './latestOnly';

/** A computation whose calls finish only when the test says so. */
function controllable() {
  const calls: { args: number; finish: (r: string) => void }[] = [];
  const run = (args: number) => new Promise<string>((finish) => calls.push({ args, finish }));
  return { calls, run };
}

describe('latestOnly', () => {
  it('runs a lone request and gives its result', async () => {
    const { calls, run } = controllable();
    const query = latestOnly(run);
    const p = query(1);
    calls[0].finish('one');
    expect(await p).toBe('one');
  });

  it('drops requests superseded while waiting and only runs the newest', async () => {
    const { calls, run } = controllable();
    const query = latestOnly(run);
    const first = query(1);
    const second = query(2);
    const third = query(3);
    expect(await second).toBeNull(); // replaced before it ever ran
    expect(calls.map((c) => c.args)).toEqual([1]);
    calls[0].finish('one');
    expect(await first).toBeNull(); // finished, but a newer request exists
    await Promise.resolve();
    expect(calls.map((c) => c.args)).toEqual([1, 3]);
    calls[1].finish('three');
    expect(await third).toBe('three');
  });

  it('passes errors through and keeps serving', async () => {
    const query = latestOnly(async (n: number) => {
      if (n === 1) throw new Error('bad range');
      return n * 2;
    });
    await expect(query(1)).rejects.toThrow('bad range');
    expect(await query(2)).toBe(4);
  });
});
