import { describe, expect, it } from 'vitest';
import { parseWarnings, warningsUrl } from './serverWarnings';

const NOW = Date.parse('2026-11-01T00:00:00+08:00');
const query = { now: NOW, hours: 24, limit: 5 };
const blank = { town: null, category: null, win: null, moment: null, expected: null, low: null, high: null, p: null, seasonal: null, level: null, asset: null, cases: null, top: null, top_n: null, lon: null, lat: null, layer: null };
const feature = (properties: Record<string, unknown>) => ({ type: 'Feature', geometry: null, properties: { ...blank, ...properties } });
const page = (rows: Record<string, unknown>[]) => ({ type: 'FeatureCollection', features: rows.map(feature) });

const rows = [
  { id: 'due:railway:TLW-1', kind: 'due', layer: 'railway', town: '370114007', category: 'dustNet', moment: NOW + 9.5 * 3.6e6, n: 9.5, level: 'watch', lon: 117.4, lat: 36.7 },
  { id: 'due:lamps:LF-1', kind: 'due', layer: 'lamps', town: '370114009', category: 'lightSource', moment: NOW + 3.4 * 3.6e6, n: 3.4, level: 'high', asset: 'LD-009-00001', top: 'LAMP', lon: 117.5, lat: 36.6 },
  { id: 'due-count:370114009:high', kind: 'due-count', town: '370114009', n: 1, level: 'high' },
  { id: 'due-count:370114007:watch', kind: 'due-count', town: '370114007', n: 12, level: 'watch' },
  { id: 'due-count::watch', kind: 'due-count', town: null, n: 2, level: 'watch' },
  { id: 'due-unit:LAMP:high', kind: 'due-unit', category: 'LAMP', n: 1, level: 'high' },
  { id: 'due-unit::watch', kind: 'due-unit', category: null, n: 14, level: 'watch' },
  { id: 'repeat:lamps:LD-2', kind: 'repeat', layer: 'lamps', town: '370114006', moment: NOW - 3.6e6, n: 3, asset: 'LD-2', cases: 'LF-a,LF-b,LF-c', lon: 117.5, lat: 36.7 },
  { id: 'repeat-count', kind: 'repeat-count', n: 23 },
  { id: 'anomaly:lamps:day:370114006:', kind: 'anomaly', layer: 'lamps', town: '370114006', win: 'day', moment: NOW - 864e5, n: 39, expected: 2.01, low: 0, high: 5, p: 5e-36, seasonal: 0.94, top: 'power', top_n: 14 },
  { id: 'forecast:railway', kind: 'forecast', layer: 'railway', n: 12, expected: 4.5, low: 1, high: 9, seasonal: 1.25, cases: '0,1,0,1,0,0,1;0.5,0.75,0.5,0.75,0.5,0.5,1;12,12.25,12,12.5,12.25,12,12.5' },
  { id: 'forecast:lamps', kind: 'forecast', layer: 'lamps', n: 30, expected: 70, low: 55, high: 86, seasonal: 1, cases: '10,10,10,10,10,10,10;10,10,10,10,10,10,10;31,32,33,34,35,36,37' },
  { id: 'anomaly:manholes:week::sunken', kind: 'anomaly', layer: 'manholes', category: 'sunken', win: 'week', moment: NOW - 7 * 864e5, n: 17, expected: 5.07, low: 2, high: 9, p: 6e-5, seasonal: 0.93 },
];

describe('the server’s early warnings', () => {
  it('are asked at a moment, for some hours, with the list length, towns and class filters', () => {
    const [path, search] = warningsUrl('/ogcapi', { ...query, towns: ['370114006'], classes: { streetLamps: { status: ['normal'] } } }).split('?');
    expect(path).toBe('/ogcapi/collections/warnings/items');
    expect(Object.fromEntries(new URLSearchParams(search))).toMatchObject({ now: '2026-10-31T16:00:00.000Z', hours: '24', shown: '5', towns: '370114006', classes: '{"streetLamps":{"status":["normal"]}}' });
  });

  it('read as the engine answers: lists in its orders, counts per level and town', () => {
    const answer = parseWarnings(page(rows), query)!;
    expect(answer.dueSoon.map((c) => c.id)).toEqual(['LF-1', 'TLW-1']);
    expect(answer.dueSoon[0]).toEqual({ layer: 'lamps', id: 'LF-1', asset: 'LD-009-00001', town: '370114009', deadline: NOW + 3.4 * 3.6e6, hoursLeft: 3.4, level: 'high', category: 'lightSource', unit: 'LAMP', position: [117.5, 36.6] });
    expect(answer.dueSoon[1].unit).toBeNull();
    expect(answer.dueSoonByUnit).toEqual([
      { unit: null, counts: { critical: 0, high: 0, watch: 14 } },
      { unit: 'LAMP', counts: { critical: 0, high: 1, watch: 0 } },
    ]);
    expect(answer.dueSoonCounts).toEqual({ critical: 0, high: 1, watch: 14 });
    expect(answer.dueSoonByTown.map((t) => t.town)).toEqual([null, '370114007', '370114009']);
    expect(answer.repeats).toEqual([{ layer: 'lamps', asset: 'LD-2', town: '370114006', cases: ['LF-a', 'LF-b', 'LF-c'], last: NOW - 3.6e6, position: [117.5, 36.7] }]);
    expect(answer.repeatCount).toBe(23);
    expect(answer.anomalies.map((a) => [a.layer, a.window, a.town, a.category, a.top?.category ?? null])).toEqual([
      ['lamps', 'day', '370114006', null, 'power'],
      ['manholes', 'week', null, 'sunken', null],
    ]);
    expect(answer.anomalies[0].to).toBe(NOW);
    expect(answer.forecast.map((f) => f.layer)).toEqual(['lamps', 'railway']);
    expect(answer.forecast[1]).toEqual({ layer: 'railway', daily: [0, 1, 0, 1, 0, 0, 1], expectedDaily: [0.5, 0.75, 0.5, 0.75, 0.5, 0.5, 1], total: { expected: 4.5, low: 1, high: 9 }, trend: 1.25, backlogNow: 12, backlog: [12, 12.25, 12, 12.5, 12.25, 12, 12.5] });
  });

  it('are refused when a row is not what it claims: an unknown kind or layer, a chance above 1, a due case without its deadline or place', () => {
    for (const broken of [
      { ...rows[0], kind: 'gossip' },
      { ...rows[0], layer: 'parking' },
      { ...rows[9], p: 2 },
      { ...rows[0], moment: null },
      { ...rows[1], lon: null },
      { ...rows[7], cases: null },
      { ...rows[2], n: -1 },
      { ...rows[10], cases: '0,1,0,1,0,0;0,0,0,0,0,0,0;1,1,1,1,1,1,1' },
      { ...rows[10], cases: '0,1,0,1,0,0,1;0,0,0,0,0,0,0' },
      { ...rows[10], layer: 'patches' },
      { ...rows[10], low: null },
    ]) {
      expect(parseWarnings(page([broken]), query), JSON.stringify(broken)).toBeNull();
    }
    expect(parseWarnings({ features: 'lots' }, query)).toBeNull();
    expect(parseWarnings(null, query)).toBeNull();
  });
});
