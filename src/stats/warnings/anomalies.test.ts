import { describe, expect, it } from 'vitest';
import { ANOMALY_RULE, layerAnomalies, seasonalFactor } from './anomalies';
import { caseAt, tableOf, TOWN_CODES } from './testCases';

const DAY = 86_400_000;
const START = Date.parse('2023-01-02T00:00:00+08:00');

/** A steady random stream of faults in both towns: `perDay` a day, times 1.6 in July and August. */
function history(days: number, perDay: number, seed = 11) {
  let s = seed;
  const random = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const poisson = (mean: number) => {
    let [k, p] = [0, random()];
    const limit = Math.exp(-mean);
    while (p > limit) [k, p] = [k + 1, p * random()];
    return k;
  };
  const cases = [];
  for (let d = 0; d < days; d++) {
    const day = START + d * DAY;
    const month = new Date(day + 8 * 3_600_000).getUTCMonth();
    for (const x of [0.5, 1.5]) {
      const n = poisson(perDay * (month === 6 || month === 7 ? 1.6 : 1));
      for (let k = 0; k < n; k++) cases.push(caseAt(`c${cases.length}`, day + Math.floor(random() * DAY), day + DAY, day + 2 * DAY, { x, cause: random() < 0.7 ? 'cable' : 'lightSource' }));
    }
  }
  return cases;
}

const keepAll = () => true;
const bothTowns = Uint8Array.of(1, 1, 1);
const midJuly2025 = Date.parse('2025-07-16T00:00:00+08:00');
const midApril2025 = Date.parse('2025-04-16T00:00:00+08:00');

describe('the baselines and anomalies', () => {
  const steady = history(Math.round((midJuly2025 - START) / DAY), 6);
  const table = tableOf(steady);

  it('expect the summer: the district’s seasonal factor is about the summer’s 1.6 in July and about 1 in April', () => {
    expect(seasonalFactor(table, midJuly2025, keepAll)).toBeGreaterThan(1.35);
    expect(seasonalFactor(table, midJuly2025, keepAll)).toBeLessThan(1.85);
    expect(Math.abs(seasonalFactor(tableOf(steady.filter((c) => Date.parse(String(c.properties.reportedAt)) < midApril2025)), midApril2025, keepAll) - 1)).toBeLessThan(0.25);
  });

  it('flag nothing in a summer peak that comes every year', () => {
    expect(layerAnomalies('lamps', table, TOWN_CODES, midJuly2025, keepAll, bothTowns)).toEqual([]);
  });

  it('flag nothing on ordinary days over a year (at most one chance in a thousand per window each time)', () => {
    let flagged = 0;
    for (let d = 0; d < 40; d++) {
      const now = midJuly2025 - d * 9 * DAY;
      flagged += layerAnomalies('lamps', table, TOWN_CODES, now, keepAll, bothTowns).length;
    }
    expect(flagged).toBeLessThanOrEqual(1);
  });

  it('flag a storm night in one town: its count, the usual range, how unlikely, and its main cause', () => {
    const storm = Array.from({ length: 30 }, (_, k) => caseAt(`storm${k}`, midJuly2025 - 8 * 3_600_000 + k * 60_000, null, midJuly2025 + DAY, { x: 0.5, cause: 'lightSource' }));
    const found = layerAnomalies('lamps', tableOf([...steady, ...storm]), TOWN_CODES, midJuly2025, keepAll, bothTowns);
    const day = found.find((a) => a.window === 'day' && a.town === TOWN_CODES[0] && a.category === null)!;
    expect(day).toBeDefined();
    expect(day.count).toBeGreaterThanOrEqual(30);
    expect(day.expected).toBeGreaterThan(6);
    expect(day.expected).toBeLessThan(14);
    expect(day.high).toBeLessThan(day.count);
    expect(day.low).toBeLessThanOrEqual(day.expected);
    expect(day.p).toBeLessThan(ANOMALY_RULE.pMax);
    expect(day.top).toEqual({ category: 'lightSource', count: expect.any(Number) });
    expect(found.some((a) => a.town === TOWN_CODES[1])).toBe(false);
    // The district's light-source failures of the day stand out too, and the town's own.
    expect(found.some((a) => a.town === null && a.category === 'lightSource' && a.window === 'day')).toBe(true);
    const townCategory = found.find((a) => a.town === TOWN_CODES[0] && a.category === 'lightSource' && a.window === 'day')!;
    expect(townCategory.count).toBe(day.top!.count);
    expect(townCategory.top).toBeUndefined();
    // Most unlikely first.
    expect(found.every((a, i) => i === 0 || found[i - 1].p <= a.p)).toBe(true);
  });

  it('keep to the towns kept: the storm town left out, nothing is flagged in its place', () => {
    const storm = Array.from({ length: 30 }, (_, k) => caseAt(`storm${k}`, midJuly2025 - 8 * 3_600_000 + k * 60_000, null, midJuly2025 + DAY, { x: 0.5, cause: 'lightSource' }));
    const stormTable = tableOf([...steady, ...storm]);
    const onlySecond = Uint8Array.of(0, 0, 1);
    const keepSecond = (row: number) => stormTable.town[row] === 1;
    expect(layerAnomalies('lamps', stormTable, TOWN_CODES, midJuly2025, keepSecond, onlySecond)).toEqual([]);
  });

  it('say nothing without eight weeks of history before the window', () => {
    const young = tableOf(history(40, 6));
    expect(layerAnomalies('lamps', young, TOWN_CODES, START + 40 * DAY, keepAll, bothTowns)).toEqual([]);
  });
});
