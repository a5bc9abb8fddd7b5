import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { faultCause } from '../layers/streetLamps/schema';
import { hotspotUrls, parseHotCells, parseHourWeek } from './serverHotspots';

const a = latLngToCell(36.72, 117.53, 8);
const b = latLngToCell(36.6, 117.4, 8);

describe('server hot spots', () => {
  it('asks both collections with the range, the towns, the classes and the case layers', () => {
    const urls = hotspotUrls('/ogcapi', { from: 0, to: 3_600_000, towns: ['370114001'], layers: ['lamps', 'railway'] });
    const params = new URLSearchParams(urls.cells.split('?')[1]);
    expect(urls.hourWeek.split('?')[0]).toBe('/ogcapi/collections/hour-week/items');
    expect([params.get('from'), params.get('to'), params.get('towns'), params.get('layers')]).toEqual(['1970-01-01T00:00:00.000Z', '1970-01-01T01:00:00.000Z', '370114001', 'lamps,railway']);
  });

  it('fills the weekday × hour grid from its non-empty rows', () => {
    const grid = parseHourWeek({ features: [{ properties: { weekday: 0, hour: 8, count: 3 } }, { properties: { weekday: 6, hour: 23, count: '2' } }] })!;
    expect(grid[8]).toBe(3);
    expect(grid[6 * 24 + 23]).toBe(2);
    expect(grid.reduce((s, n) => s + n, 0)).toBe(5);
    expect(parseHourWeek({ features: [{ properties: { weekday: 7, hour: 0, count: 1 } }] })).toBeNull();
  });

  it('picks each cell’s most reported problem as the engine does (ties by layer and category index), busiest first', () => {
    const cells = parseHotCells({
      features: [
        { properties: { cell: b, count: 2, problems: 'railway:garbage:2', town: '' } },
        { properties: { cell: a, count: 4, problems: 'lamps:lightSource:2;lamps:cable:2', town: '370114001' } },
      ],
    })!;
    expect(cells.map((c) => [c.cell, c.town])).toEqual([[a, '370114001'], [b, null]]);
    // Equal counts: the lower category index wins (the engine compares its `layer:index` keys).
    const [first] = (['lightSource', 'cable'] as const).slice().sort((x, y) => (`lamps:${faultCause.values.indexOf(x)}` < `lamps:${faultCause.values.indexOf(y)}` ? -1 : 1));
    expect(cells[0].problem).toBe(first);
    expect(cells[0].dominant).toEqual({ layer: 'lamps', category: faultCause.values.indexOf(first), count: 2 });
    expect(cells[0].boundary.length).toBeGreaterThanOrEqual(6);
  });

  it('refuses an unknown problem and a page that does not hold every cell (the engine answers then)', () => {
    expect(parseHotCells({ features: [{ properties: { cell: a, count: 1, problems: 'lamps:meteor:1', town: '' } }] })).toBeNull();
    expect(parseHotCells({ numberMatched: 2, features: [{ properties: { cell: a, count: 1, problems: 'lamps:cable:1', town: '' } }] })).toBeNull();
  });
});
