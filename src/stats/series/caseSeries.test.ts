import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { caseFlow } from '../cases/caseFlow';
import { buildCaseTable, LIFECYCLE_FIELDS } from '../cases/caseTable';
import { buildTownIndex } from '../towns/townIndex';
import { bucketEdges } from './buckets';
import { caseSeries } from './caseSeries';

const H = 3600_000;
const T0 = Date.parse('2024-01-01T00:00:00+08:00');
const towns = buildTownIndex([
  { code: '370114001', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } },
  { code: '370114002', geometry: { type: 'Polygon', coordinates: [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]] } },
]);
const CATEGORIES = ['a', 'b', 'c'];

function randomCases(n: number, seed: number): Feature<Point, Record<string, unknown>>[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: n }, (_, i) => {
    const reported = T0 + Math.floor(rnd() * 400 * 24) * H;
    const closed = rnd() < 0.8 ? reported + Math.floor(rnd() * 30 * 24) * H : null;
    return {
      type: 'Feature',
      id: `c${i}`,
      geometry: { type: 'Point', coordinates: [rnd() * 2.4 - 0.2, 0.5] },
      properties: {
        reportedAt: new Date(reported).toISOString(),
        handledAt: closed === null ? null : new Date(closed - H).toISOString(),
        closedAt: closed === null ? null : new Date(closed).toISOString(),
        deadline: new Date(reported + 72 * H).toISOString(),
        category: CATEGORIES[Math.floor(rnd() * 3)],
      },
    };
  });
}

const all = (n: number) => new Uint8Array(n).fill(1);

describe('caseSeries', () => {
  const features = randomCases(3000, 7);
  const table = buildCaseTable(features, towns, { ...LIFECYCLE_FIELDS, category: 'category' }, CATEGORIES);

  it('counts each bucket as a naive pass over the cases does', () => {
    const edges = bucketEdges(T0 + 17 * H, T0 + 300 * 24 * H, 'week');
    const keepTown = new Uint8Array([0, 1, 1]);
    const keepCategory = new Uint8Array([1, 0, 1, ...new Array(253).fill(0)]);
    const series = caseSeries(table, edges, { keepTown, keepCategory });
    const kept = features.filter((f) => {
      const x = f.geometry.coordinates[0];
      return x >= 0 && x <= 2 && f.properties.category !== 'b';
    });
    const at = (f: Feature<Point, Record<string, unknown>>, field: string) => (f.properties[field] ? Date.parse(String(f.properties[field])) : Infinity);
    edges.slice(1).forEach((end, k) => {
      const start = edges[k];
      expect(series.reported[k]).toBe(kept.filter((f) => at(f, 'reportedAt') >= start && at(f, 'reportedAt') < end).length);
      expect(series.closed[k]).toBe(kept.filter((f) => at(f, 'closedAt') >= start && at(f, 'closedAt') < end).length);
      expect(series.backlog[k]).toBe(kept.filter((f) => at(f, 'reportedAt') < end && !(at(f, 'closedAt') < end)).length);
    });
    expect(series.reported.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
  });

  it('adds up to the case flow of the whole range', () => {
    const from = T0 + 40 * 24 * H;
    const to = T0 + 200 * 24 * H + 5 * H;
    const series = caseSeries(table, bucketEdges(from, to), { keepTown: all(3), keepCategory: all(256) });
    const flow = caseFlow(table, 2, { from, to, doneStage: 'closed' }).district;
    expect(series.reported.reduce((a, b) => a + b, 0)).toBe(flow.reported);
    expect(series.closed.reduce((a, b) => a + b, 0)).toBe(flow.done);
    expect(series.backlog.at(-1)).toBe(flow.backlog);
  });
});
