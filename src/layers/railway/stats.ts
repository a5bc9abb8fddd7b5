import * as turf from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { caseFlow, type CaseQuery } from '../../stats/cases/caseFlow';
import { buildCaseTable, firstReportedAtOrAfter, LIFECYCLE_FIELDS, type CaseTable } from '../../stats/cases/caseTable';
import type { Region, TownIndex } from '../../stats/towns/townIndex';
import { issueCategory, type IssueCategory } from './schema';

/** Track length and corridor area per slot (slot 0 = outside every town), measured once at load with Turf. */
export interface RailwayGeometry {
  trackKm: Float64Array;
  corridorKm2: Float64Array;
}

export interface RailwayStats {
  trackKm: number;
  corridorKm2: number;
  reported: number;
  closed: number;
  /** Issues still open at the end of the range. */
  open: number;
  reportedByCategory: Record<IssueCategory, number>;
  /** Quantities of the issues reported in the range: m³ of garbage, m² of net, film and structures, trees. */
  quantityByCategory: Record<IssueCategory, number>;
  /** Issues reported in the range per km of track; null where there is no track. */
  issuesPerKm: number | null;
}

const CATEGORIES = issueCategory.values;

/** A line cut wherever it crosses a town's boundary (the line itself when it does not). */
function splitAt(line: Feature<LineString>, area: Polygon | MultiPolygon): Feature<LineString>[] {
  const parts = turf.lineSplit(line, turf.feature(area)).features;
  return parts.length > 0 ? parts : [line];
}

/**
 * Splits each line at the town boundaries (turf.lineSplit) and gives every piece to the town that
 * holds its midpoint; corridors are intersected with each town (turf.intersect).
 */
export function railwayGeometry(
  railways: readonly Feature<LineString | MultiLineString>[],
  corridors: readonly Feature<Polygon | MultiPolygon>[],
  regions: readonly Region[],
  towns: TownIndex,
): RailwayGeometry {
  const slots = towns.codes.length + 1;
  const trackKm = new Float64Array(slots);
  const corridorKm2 = new Float64Array(slots);
  const sorted = towns.codes.map((code) => regions.find((r) => r.code === code)!);
  for (const railway of railways) {
    for (const line of turf.flatten(railway).features) {
      let pieces = [line];
      for (const town of sorted) pieces = pieces.flatMap((piece) => splitAt(piece, town.geometry));
      for (const piece of pieces) {
        const km = turf.length(piece);
        if (km === 0) continue;
        const [x, y] = turf.along(piece, km / 2).geometry.coordinates;
        trackKm[towns.locate(x, y) + 1] += km;
      }
    }
  }
  for (const corridor of corridors) {
    let inside = 0;
    sorted.forEach((town, t) => {
      const part = turf.intersect(turf.featureCollection([corridor, turf.feature(town.geometry)]));
      if (!part) return;
      const km2 = turf.area(part) / 1e6;
      corridorKm2[t + 1] += km2;
      inside += km2;
    });
    corridorKm2[0] += Math.max(0, turf.area(corridor) / 1e6 - inside);
  }
  return { trackKm, corridorKm2 };
}

export function railwayIssueTable(issues: readonly Feature<Point, Record<string, unknown>>[], towns: TownIndex): CaseTable {
  return buildCaseTable(issues, towns, { ...LIFECYCLE_FIELDS, category: 'category', amount: 'quantity' }, CATEGORIES);
}

/** Railway-corridor figures per slot and for the district over a range. */
export function railwayStats(geometry: RailwayGeometry, issues: CaseTable, townCount: number, query: Omit<CaseQuery, 'doneStage' | 'categories'>): { bySlot: RailwayStats[]; district: RailwayStats } {
  const all = caseFlow(issues, townCount, query);
  const byCategory = CATEGORIES.map((_, c) => caseFlow(issues, townCount, { ...query, categories: new Set([c]) }));
  // Quantities of the issues reported in the range: a second pass over that contiguous run.
  const slots = townCount + 1;
  const quantity = new Float64Array(slots * CATEGORIES.length);
  for (let i = firstReportedAtOrAfter(issues, query.from), end = firstReportedAtOrAfter(issues, query.to); i < end; i++) {
    if ((query.towns && !query.towns.has(issues.town[i])) || (query.within && query.within[i] === 0)) continue;
    quantity[(issues.town[i] + 1) * CATEGORIES.length + issues.category[i]] += issues.amount[i];
  }
  const keepTown = (slot: number) => !query.towns || query.towns.has(slot - 1);
  const figures = (slot: number | null): RailwayStats => {
    const pick = (a: Float64Array) => (slot === null ? Array.from({ length: slots }, (_, s) => (keepTown(s) ? a[s] : 0)).reduce((x, y) => x + y, 0) : keepTown(slot) ? a[slot] : 0);
    const flow = slot === null ? all.district : all.bySlot[slot];
    const trackKm = pick(geometry.trackKm);
    return {
      trackKm,
      corridorKm2: pick(geometry.corridorKm2),
      reported: flow.reported,
      closed: flow.done,
      open: flow.backlog,
      reportedByCategory: Object.fromEntries(CATEGORIES.map((c, k) => [c, slot === null ? byCategory[k].district.reported : byCategory[k].bySlot[slot].reported])) as Record<IssueCategory, number>,
      quantityByCategory: Object.fromEntries(
        CATEGORIES.map((c, k) => [c, slot === null ? Array.from({ length: slots }, (_, s) => quantity[s * CATEGORIES.length + k]).reduce((x, y) => x + y, 0) : quantity[slot * CATEGORIES.length + k]]),
      ) as Record<IssueCategory, number>,
      issuesPerKm: trackKm > 0 ? flow.reported / trackKm : null,
    };
  };
  return { bySlot: Array.from({ length: slots }, (_, s) => figures(s)), district: figures(null) };
}
