import { describe, expect, it } from 'vitest';
import { countByYear } from './countByYear';

const f = (reportedAt: unknown) => ({ properties: { reportedAt } });

describe('countByYear', () => {
  it('counts by the China-time year and fills empty years with zero', () => {
    const features = [f('2021-03-01T10:00:00+08:00'), f('2021-12-31T23:59:00+08:00'), f('2023-01-01T00:00:00+08:00')];
    expect(countByYear(features, 'reportedAt', [2021, 2022, 2023])).toEqual([
      { year: 2021, count: 2 },
      { year: 2022, count: 0 },
      { year: 2023, count: 1 },
    ]);
  });

  it('converts other offsets to China time before taking the year', () => {
    expect(countByYear([f('2021-12-31T17:00:00Z')], 'reportedAt', [2021, 2022])).toEqual([
      { year: 2021, count: 0 },
      { year: 2022, count: 1 },
    ]);
  });

  it('skips features without the field and years outside the list', () => {
    expect(countByYear([f(null), f('2019-05-05T00:00:00+08:00')], 'reportedAt', [2021])).toEqual([{ year: 2021, count: 0 }]);
  });
});
