import { simplify } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { AssessmentConfig } from '../assessment/config';
import type { Lang } from '../i18n';
import { wholeMonths, type Period } from '../stats/assessment/periods';
import { isoDay } from '../state/timePresets';
import type { AssessmentDetail } from '../stats/assessment/report';

export interface ReportTown {
  code: string;
  name: string;
  /** The town's polygons, simplified for a small map: rings of [lng, lat]. */
  outline: Position[][][];
}

/** Everything the printed assessment shows, computed before it is drawn: the page only lays it out. */
export interface ReportModel {
  lang: Lang;
  /** The district (or the regions' name). */
  title: string;
  period: Period;
  /** The period as its title says it: a month 'YYYY-MM', or first and last day. */
  periodText: string;
  generatedAt: number;
  dataVersion: string;
  config: AssessmentConfig;
  detail: AssessmentDetail;
  towns: ReportTown[];
}

/** A town's boundary for the report's small maps: simplified to about 50 m, which a 6 cm map cannot tell apart. */
export function reportOutline(geometry: Polygon | MultiPolygon): Position[][][] {
  const simple = simplify({ type: 'Feature', properties: {}, geometry }, { tolerance: 0.0005, highQuality: false, mutate: false }).geometry;
  return simple.type === 'Polygon' ? [simple.coordinates] : simple.coordinates;
}

/** The period's text: 'YYYY-MM' for one whole month, else 'first – last' days (China time). */
export function periodText(period: Period): string {
  const first = isoDay(period.from);
  return wholeMonths(period) === 1 ? first.slice(0, 7) : `${first} – ${isoDay(period.to - 1)}`;
}

/** A report's model from the engine's detail and the regions it counted in (their boundaries simplified here). */
export function buildReportModel(input: {
  lang: Lang;
  title: string;
  period: Period;
  generatedAt: number;
  dataVersion: string;
  config: AssessmentConfig;
  detail: AssessmentDetail;
  towns: readonly { code: string; name: string; geometry: Polygon | MultiPolygon }[];
}): ReportModel {
  const { towns, ...rest } = input;
  return { ...rest, periodText: periodText(input.period), towns: towns.map((t) => ({ code: t.code, name: t.name, outline: reportOutline(t.geometry) })) };
}
