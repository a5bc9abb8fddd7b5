import { describe, expect, it } from 'vitest';
import { densityPerKm2, rankTowns } from './rank';

describe('rankTowns', () => {
  it('ranks higher-is-better metrics, ties sharing a rank, and flags the last three', () => {
    const r = rankTowns([0.999, 0.995, 0.999, 0.98, 0.99, 0.97], 'higher');
    expect(r.rank).toEqual([1, 3, 1, 5, 4, 6]);
    expect(r.bottomThree).toEqual([false, false, false, true, true, true]);
  });

  it('ranks lower-is-better metrics and leaves towns without a value unranked', () => {
    const r = rankTowns([12, null, 3, 7, 30], 'lower');
    expect(r.rank).toEqual([3, null, 1, 2, 4]);
    expect(r.bottomThree).toEqual([true, false, false, true, true]);
  });

  it('flags every town tied at the third-last place', () => {
    expect(rankTowns([5, 4, 3, 3, 2], 'higher').bottomThree).toEqual([false, false, true, true, true]);
    expect(rankTowns([5, 4, 4, 4, 1], 'higher').bottomThree).toEqual([false, true, true, true, true]);
  });

  it('flags no one when there are three towns or fewer', () => {
    expect(rankTowns([1, 2, 3], 'higher').bottomThree).toEqual([false, false, false]);
  });
});

describe('densityPerKm2', () => {
  it('divides by the area and refuses an unknown one', () => {
    expect(densityPerKm2(150, 60)).toBe(2.5);
    expect(densityPerKm2(3, null)).toBeNull();
    expect(densityPerKm2(3, 0)).toBeNull();
  });
});
