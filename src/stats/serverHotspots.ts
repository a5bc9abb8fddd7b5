import { faultCause } from '../layers/streetLamps/schema';
import { defectType } from '../layers/manholes/schema';
import { issueCategory } from '../layers/railway/schema';
import { busiestFirst, describeCell } from './hotspots/hotCells';
import { figure, statsCollectionUrl } from './serverTownStats';
import type { CaseLayer, HotspotAnswer, StatsRange } from './worker/statsApi';

/** Each case layer's categories in the engine's order (its tables hold a category as its index here). */
const CATEGORIES: Record<CaseLayer, readonly string[]> = { lamps: faultCause.values, manholes: defectType.values, railway: issueCategory.values };

export type HotspotQuery = Pick<StatsRange, 'from' | 'to' | 'towns' | 'classes'> & { layers?: CaseLayer[] };

/** The addresses of the server's hot spots for a query: cases by weekday and hour, and by H3 cell. */
export function hotspotUrls(ogcApiUrl: string, q: HotspotQuery): { hourWeek: string; cells: string } {
  const params = { from: new Date(q.from).toISOString(), to: new Date(q.to).toISOString(), layers: (q.layers ?? ['lamps', 'manholes', 'railway']).join(',') };
  return { hourWeek: statsCollectionUrl(ogcApiUrl, 'hour-week', params, q), cells: statsCollectionUrl(ogcApiUrl, 'hot-cells', params, q) };
}

type Rows = { properties?: Record<string, unknown> }[];
const rowsOf = (payload: unknown): Rows | null => {
  const p = payload as { features?: unknown; numberMatched?: unknown } | null;
  if (!Array.isArray(p?.features)) return null;
  // A page that does not hold every row would drop cells: the engine answers then.
  return typeof p.numberMatched === 'number' && p.numberMatched > p.features.length ? null : (p.features as Rows);
};

/** An hour-week page as the engine's grid (grid[weekday * 24 + hour]); null when it is not one. */
export function parseHourWeek(payload: unknown): number[] | null {
  const rows = rowsOf(payload);
  if (!rows) return null;
  const grid = new Array<number>(7 * 24).fill(0);
  for (const { properties: p } of rows) {
    const [weekday, hour, count] = [figure(p?.weekday), figure(p?.hour), figure(p?.count)];
    if (weekday === null || hour === null || count === null || weekday < 0 || weekday > 6 || hour < 0 || hour > 23) return null;
    grid[weekday * 24 + hour] = count;
  }
  return grid;
}

/** A hot-cells page as the engine's cells (busiest first, each with its most reported problem); null when it is not one. */
export function parseHotCells(payload: unknown): HotspotAnswer['cells'] | null {
  const rows = rowsOf(payload);
  if (!rows) return null;
  const cells: HotspotAnswer['cells'] = [];
  for (const { properties: p } of rows) {
    const count = figure(p?.count);
    if (typeof p?.cell !== 'string' || typeof p.problems !== 'string' || count === null) return null;
    const problems = new Map<string, number>();
    for (const part of p.problems.split(';')) {
      const [layer, category, n] = part.split(':');
      const index = CATEGORIES[layer as CaseLayer]?.indexOf(category) ?? -1;
      if (index < 0 || !(Number(n) > 0)) return null;
      problems.set(`${layer}:${index}`, Number(n));
    }
    const described = describeCell(p.cell, count, problems);
    const town = typeof p.town === 'string' && p.town !== '' ? p.town : null;
    cells.push({ ...described, town, problem: CATEGORIES[described.dominant.layer as CaseLayer][described.dominant.category] });
  }
  return cells.sort(busiestFirst);
}
