import { describe, expect, it } from 'vitest';
import { donutArcs } from './donutArcs';

describe('donutArcs', () => {
  it('gives each slice its share of the ring, counterclockwise from three o\'clock', () => {
    const [first, second] = donutArcs([1, 3], 60, 36, 60);
    // A quarter: from three o'clock (120,60) up to twelve (60,0), then back along the inner edge.
    expect(first).toBe('M120,60A60,60 0 0 0 60,0L60,24A36,36 0 0 1 96,60Z');
    // Three quarters: the large arc, from twelve round to three o'clock.
    expect(second).toBe('M60,0A60,60 0 1 0 120,60L96,60A36,36 0 1 1 60,24Z');
  });

  it('draws nothing for a slice of nothing, and the whole ring in two halves for a slice of everything', () => {
    const [none, all] = donutArcs([0, 5], 60, 36, 60);
    expect(none).toBe('');
    expect(all.match(/M/g)).toHaveLength(2);
    expect(donutArcs([0, 0], 60, 36, 60)).toEqual(['', '']);
  });
});
