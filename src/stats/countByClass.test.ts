import { describe, expect, it } from 'vitest';
import { countByClass } from './countByClass';

describe('countByClass', () => {
  it('counts every class, zero for absent ones, and unknown values apart', () => {
    const f = (status: unknown) => ({ properties: { status } });
    const counts = countByClass([f('normal'), f('faulty'), f('normal'), f('broken')], 'status', ['normal', 'faulty', 'repairing'] as const);
    expect([...counts]).toEqual([
      ['normal', 2],
      ['faulty', 1],
      ['repairing', 0],
      [null, 1],
    ]);
  });
});
