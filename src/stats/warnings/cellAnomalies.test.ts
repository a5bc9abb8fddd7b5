import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cellAnomalies } from './cellAnomalies';
import { caseAt, tableOf } from './testCases';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-02T00:00:00+08:00');
const keepAll = () => true;

/** Ten weeks of cases scattered over both towns (a degree square each), about 30 a day. */
function scattered(seed = 5) {
  let s = seed;
  const random = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: 70 * 30 }, (_, k) => {
    const t = NOW - 70 * DAY + Math.floor(random() * 70 * DAY);
    return caseAt(`c${k}`, t, t + DAY, t + 2 * DAY, { x: random() * 2, y: random() });
  });
}

describe('clusters in space and time (a test per H3 cell)', () => {
  const background = scattered();

  it('flag nothing in cases scattered at random', () => {
    expect(cellAnomalies('lamps', tableOf(background), NOW, keepAll, 1)).toEqual([]);
  });

  it('flag the one cell where eight cases fell this week, with its count, usual range and chance', () => {
    const at = { x: 0.731, y: 0.402 };
    const cluster = Array.from({ length: 8 }, (_, k) => caseAt(`hit${k}`, NOW - (k + 1) * 12 * 3_600_000, null, NOW + DAY, at));
    const [found, ...rest] = cellAnomalies('lamps', tableOf([...background, ...cluster]), NOW, keepAll, 1);
    expect(rest).toEqual([]);
    expect(found.cell).toBe(latLngToCell(at.y, at.x, 8));
    expect(found.count).toBeGreaterThanOrEqual(8);
    expect(found.high).toBeLessThan(found.count);
    expect(found.p).toBeLessThan(1e-4);
    expect(found).toMatchObject({ layer: 'lamps', from: NOW - 7 * DAY, to: NOW });
    expect(found.boundary.length).toBe(6);
  });

  it('do not flag the same eight cases spread a week each over the weeks before', () => {
    const at = { x: 0.731, y: 0.402 };
    const steady = Array.from({ length: 9 }, (_, w) => Array.from({ length: 8 }, (_, k) => caseAt(`s${w}-${k}`, NOW - (w * 7 + 1) * DAY - k * 3_600_000, null, NOW, at))).flat();
    expect(cellAnomalies('lamps', tableOf([...background, ...steady]), NOW, keepAll, 1)).toEqual([]);
  });
});
