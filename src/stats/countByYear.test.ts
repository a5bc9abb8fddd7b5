import { describe, expect, it } from 'vitest';
import { parseCst } from '../layers/common/time';
import { countByYear, yearEdges } from './countByYear';

const times = (...texts: (string | null)[]) => Float64Array.from(texts, (t) => (t === null ? NaN : Date.parse(t)));
const all = (t: Float64Array) => t.keys();

describe('countByYear', () => {
  it('counts by the China-time year and fills empty years with zero', () => {
    const t = times('2021-03-01T10:00:00+08:00', '2021-12-31T23:59:00+08:00', '2023-01-01T00:00:00+08:00');
    expect(countByYear(t, all(t), [2021, 2022, 2023])).toEqual([
      { year: 2021, count: 2 },
      { year: 2022, count: 0 },
      { year: 2023, count: 1 },
    ]);
  });

  it('converts other offsets to China time before taking the year', () => {
    const t = times('2021-12-31T17:00:00Z');
    expect(countByYear(t, all(t), [2021, 2022])).toEqual([
      { year: 2021, count: 0 },
      { year: 2022, count: 1 },
    ]);
  });

  it('skips rows without a time, rows not asked for and years outside the list', () => {
    const t = times(null, '2019-05-05T00:00:00+08:00', '2021-05-05T00:00:00+08:00');
    expect(countByYear(t, all(t), [2021])).toEqual([{ year: 2021, count: 1 }]);
    expect(countByYear(t, [0, 1], [2021])).toEqual([{ year: 2021, count: 0 }]);
  });

  it('splits a range at the China-time year starts, over the years it covers only', () => {
    const from = parseCst(2022, 6, 1);
    const to = parseCst(2024, 3, 1);
    expect(yearEdges([2021, 2022, 2023, 2024, 2025], from, to)).toEqual({
      edges: [from, parseCst(2023, 1, 1), parseCst(2024, 1, 1), to],
      years: [2022, 2023, 2024],
    });
    // A range inside one year is one bucket; a range outside every year is none.
    expect(yearEdges([2021, 2022], from, parseCst(2022, 7, 1)).edges).toEqual([from, parseCst(2022, 7, 1)]);
    expect(yearEdges([2021], from, to)).toEqual({ edges: [], years: [] });
  });
});
