import * as turf from '@turf/turf';
import type { Feature, LineString, MultiLineString, Position } from 'geojson';
import { assessmentOf, drawRework, type CaseRules } from './assessment';
import type { Boundaries } from './boundaries';
import { clipLineToArea, offsetMeters, RegionLookup, round, roundCoords, roundPosition } from './geo';
import { caseLifecycle, failedCheckTimes, MS, sampleReportTime } from './lifecycle';
import { END_MS, lastMonthOf, YEARS } from './period';
import { partitionInteger, type Random } from './random';
import type { SourceFacts } from './sources';
import type { GeneratedFeature } from './types';
import { UNIT_OF_CATEGORY, type IssueCategory } from '../../src/layers/railway/schema';

export const DEFAULT_CORRIDOR_M = 500;

/** Zhangqiu 2021: 109 ledger items rectified, with these quantities (illegal structures are not reported; assumed). */
export const ISSUES_2021: Record<IssueCategory, { count: number; total: number }> = {
  garbage: { count: 38, total: 8_618 },
  dustNet: { count: 27, total: 21_320 },
  film: { count: 14, total: 2_960 },
  dangerousTree: { count: 22, total: 1_416 },
  illegalStructure: { count: 8, total: 3_150 },
};
const LATER_YEARS: Record<number, number> = { 2022: 0.9, 2023: 0.8, 2024: 0.75, 2025: 0.7, 2026: 0.55 };

const LINES = [
  { id: 'TL-JIAOJI', nameEn: 'Jiaoji Railway', kind: 'conventional' as const, kmOrigin: 38, weight: 0.65 },
  { id: 'TL-JIQING', nameEn: 'Jinan-Qingdao High-Speed Railway', kind: 'highSpeed' as const, kmOrigin: 31, weight: 0.35 },
];

/** Chaikin corner cutting: turns a hand-placed polyline into a plausible track curve. */
function smooth(coords: Position[], passes: number): Position[] {
  let pts = coords;
  for (let p = 0; p < passes; p++) {
    const next: Position[] = [pts[0]];
    for (let i = 0; i < pts.length - 1; i++) {
      const [a, b] = [pts[i], pts[i + 1]];
      next.push([a[0] * 0.75 + b[0] * 0.25, a[1] * 0.75 + b[1] * 0.25], [a[0] * 0.25 + b[0] * 0.75, a[1] * 0.25 + b[1] * 0.75]);
    }
    next.push(pts[pts.length - 1]);
    pts = next;
  }
  return pts;
}

export function generateRailways(b: Boundaries, facts: SourceFacts): GeneratedFeature<'railways'>[] {
  return facts.approx.railways.map((line, i) => {
    const runs = clipLineToArea(smooth(line.approxRoute, 3), b.district, 100).map((r) => roundCoords(turf.simplify(turf.lineString(r), { tolerance: 0.00002 }).geometry.coordinates, 6));
    const geometry: LineString | MultiLineString = runs.length === 1 ? { type: 'LineString', coordinates: runs[0] } : { type: 'MultiLineString', coordinates: runs };
    const meta = LINES[i];
    return {
      type: 'Feature',
      id: meta.id,
      geometry,
      properties: { id: meta.id, name: line.name.split(' ')[0], nameEn: meta.nameEn, kind: meta.kind, kmOrigin: meta.kmOrigin, lengthKm: round(turf.length(turf.feature(geometry)), 3) },
    };
  });
}

export function generateCorridor(b: Boundaries, railways: GeneratedFeature<'railways'>[], bufferM = DEFAULT_CORRIDOR_M): GeneratedFeature<'railway-corridor'>[] {
  return railways.map((r) => {
    const buffered = turf.buffer(r, bufferM, { units: 'meters', steps: 8 });
    const clipped = buffered && turf.intersect(turf.featureCollection([buffered, b.district]));
    if (!clipped) throw new Error(`corridor of ${r.id} is empty`);
    return {
      type: 'Feature',
      id: `${r.id}-corridor`,
      geometry: { ...clipped.geometry, coordinates: roundCoords(clipped.geometry.coordinates, 6) } as typeof clipped.geometry,
      properties: { railwayId: r.id, bufferM },
    };
  });
}

function yearPlan(year: number, random: Random): Record<IssueCategory, { count: number; total: number }> {
  if (year === 2021) return ISSUES_2021;
  const f = LATER_YEARS[year];
  const plan = {} as Record<IssueCategory, { count: number; total: number }>;
  for (const [cat, { count, total }] of Object.entries(ISSUES_2021) as [IssueCategory, { count: number; total: number }][]) {
    const n = Math.max(1, Math.round(count * f * random.range(0.9, 1.1)));
    plan[cat] = { count: n, total: Math.max(n, Math.round(total * f * random.range(0.85, 1.15))) };
  }
  return plan;
}

function issueSite(railways: GeneratedFeature<'railways'>[], lookup: RegionLookup<string>, random: Random) {
  for (;;) {
    const i = random.weightedIndex(LINES.map((l) => l.weight));
    const railway = railways[i];
    const parts = railway.geometry.type === 'LineString' ? [railway.geometry.coordinates] : (railway.geometry as MultiLineString).coordinates;
    const part = turf.lineString(random.pick(parts));
    const along = random.range(0, turf.length(part));
    const onTrack = turf.along(part, along).geometry.coordinates;
    const bearing = turf.bearing(turf.along(part, Math.max(0, along - 0.05)), turf.along(part, along + 0.05)) + (random.chance(0.5) ? 90 : -90);
    const offset = Math.min(8 + random.logNormal(90, 0.9), 480);
    const p = offsetMeters(onTrack, Math.sin((bearing * Math.PI) / 180) * offset, Math.cos((bearing * Math.PI) / 180) * offset);
    const townCode = lookup.find(p);
    if (!townCode) continue;
    const nearest = turf.nearestPointOnLine(railway as Feature<LineString | MultiLineString>, p, { units: 'kilometers' });
    const km = LINES[i].kmOrigin + (nearest.properties.location ?? 0);
    return {
      railway,
      townCode,
      position: roundPosition(p),
      distanceM: round((nearest.properties.dist ?? 0) * 1000, 1),
      kmMarker: `K${Math.floor(km)}+${String(Math.floor((km % 1) * 1000)).padStart(3, '0')}`,
    };
  }
}

export function generateRailwayIssues(
  b: Boundaries,
  railways: GeneratedFeature<'railways'>[],
  random: Random,
  rules: CaseRules,
  reworkRandom: Random,
): GeneratedFeature<'railway-issues'>[] {
  const lookup = new RegionLookup(b.towns.map((t) => ({ feature: t, value: t.properties.code })));
  const issues: GeneratedFeature<'railway-issues'>[] = [];
  for (const year of YEARS) {
    const drafts: { category: IssueCategory; quantity: number; reportedMs: number }[] = [];
    for (const [category, { count, total }] of Object.entries(yearPlan(year, random)) as [IssueCategory, { count: number; total: number }][]) {
      // 2021's items were all rectified within the year: none is reported after November.
      const lastMonth = year === 2021 ? 11 : lastMonthOf(year);
      for (const quantity of partitionInteger(total, count, random)) {
        drafts.push({ category, quantity, reportedMs: sampleReportTime(random, year, lastMonth, Array(12).fill(1), [0, 0, 0, 0, 0, 0, 0, 1, 3, 3, 3, 2, 1, 2, 3, 3, 2, 1, 0, 0, 0, 0, 0, 0]) });
      }
    }
    drafts.sort((a, b) => a.reportedMs - b.reportedMs || a.category.localeCompare(b.category));
    drafts.forEach(({ category, quantity, reportedMs }, k) => {
      const site = issueSite(railways, lookup, random);
      const id = `TLW-${year}-${String(k + 1).padStart(4, '0')}`;
      const code = rules.railwayCategory(category);
      const rework = drawRework(reworkRandom, site.townCode, MS.day);
      const delays = { dispatch: random.range(0.5, 2) * MS.day, handle: random.range(2, 20) * MS.day + rework.extraMs, check: random.range(1, 3) * MS.day, close: random.range(0.5, 2) * MS.day };
      issues.push({
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates: site.position },
        properties: {
          id,
          railwayId: site.railway.id,
          townCode: site.townCode,
          category,
          quantity,
          unit: UNIT_OF_CATEGORY[category],
          distanceM: site.distanceM,
          kmMarker: site.kmMarker,
          ...caseLifecycle(reportedMs, delays, rules.deadline(code, category, reportedMs), random.weighted({ patrol: 70, hotline: 15, app: 15, sensor: 0 }), END_MS),
          ...assessmentOf(code, site.townCode, failedCheckTimes(reportedMs, delays, rework.stepsMs, END_MS)),
        },
      });
    });
  }
  return issues;
}
