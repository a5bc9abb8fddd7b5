import { describe, expect, it } from 'vitest';
import { CHUNK, mapInSlices } from './chunked';

describe('mapInSlices', () => {
  it('maps every item in order, reporting progress after each slice and yielding between them', async () => {
    const items = Array.from({ length: CHUNK * 2 + 10 }, (_, i) => i);
    const progress: number[] = [];
    let yielded = 0;
    const timer = setInterval(() => yielded++, 0);
    const out = await mapInSlices(items, (i) => String(i), (p) => progress.push(p));
    clearInterval(timer);
    expect(out).toHaveLength(items.length);
    expect(out[CHUNK + 3]).toBe(String(CHUNK + 3));
    expect(progress.slice(0, 3)).toEqual([CHUNK / items.length, (2 * CHUNK) / items.length, 1]);
    expect(yielded).toBeGreaterThan(0);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(mapInSlices([1, 2, 3], String, undefined, controller.signal)).rejects.toThrow('cancelled');
  });
});
