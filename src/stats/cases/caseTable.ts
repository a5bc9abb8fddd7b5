import type { Feature, Point } from 'geojson';
import type { TownIndex } from '../towns/townIndex';
import { buildCaseIndex, type CaseIndex } from './caseIndex';
import { emptyAssessmentColumns, setAssessmentFields, type AssessmentColumns } from '../assessment/assessmentColumns';

/**
 * Cases as columns of typed arrays, sorted by report time; each case's town is assigned once,
 * here, when the layer loads. NaN marks a stage not reached.
 */
export interface CaseTable {
  readonly size: number;
  readonly ids: readonly string[];
  /** Longitude and latitude of each case, for spatial filters. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly town: Int16Array;
  readonly reported: Float64Array;
  readonly handled: Float64Array;
  readonly closed: Float64Array;
  readonly deadline: Float64Array;
  /** Index into `categories` of each case's class (cause, defect, category…). */
  readonly category: Uint8Array;
  readonly categories: readonly string[];
  /** How much each case weighs: lamps affected, m³ of garbage… (1 when the layer has no such field). */
  readonly amount: Float64Array;
  /** Whole minutes from report to closing and to handling, computed once (-1 while not reached). */
  readonly minutesToClose: Int32Array;
  readonly minutesToHandle: Int32Array;
  readonly index: CaseIndex;
  /** The monthly assessment's fields (category code, unit, rework, source); built by buildCaseTable. */
  readonly assessment?: AssessmentColumns;
}

export interface CaseFields {
  reported: string;
  handled: string;
  closed: string;
  deadline: string;
  category: string;
  amount?: string;
}

export const LIFECYCLE_FIELDS = { reported: 'reportedAt', handled: 'handledAt', closed: 'closedAt', deadline: 'deadline' } as const;

/** A stage time: ISO text, or epoch milliseconds where the features were rebuilt from columns for the engine. */
const time = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN);

export function buildCaseTable(
  features: readonly Feature<Point, Record<string, unknown>>[],
  towns: TownIndex,
  fields: CaseFields,
  categories: readonly string[],
): CaseTable {
  const n = features.length;
  const reportedRaw = new Float64Array(n);
  for (let i = 0; i < n; i++) reportedRaw[i] = time(features[i].properties[fields.reported]);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => reportedRaw[a] - reportedRaw[b] || a - b);
  const categoryIndex = new Map(categories.map((c, i) => [c, i]));
  const table = {
    size: n,
    ids: new Array<string>(n),
    x: new Float64Array(n),
    y: new Float64Array(n),
    town: new Int16Array(n),
    reported: new Float64Array(n),
    handled: new Float64Array(n),
    closed: new Float64Array(n),
    deadline: new Float64Array(n),
    category: new Uint8Array(n),
    categories,
    amount: new Float64Array(n),
    minutesToClose: new Int32Array(n),
    minutesToHandle: new Int32Array(n),
    assessment: emptyAssessmentColumns(n),
  };
  const dictionaries = { codes: new Map<string, number>(), units: new Map<string, number>() };
  const minutes = (from: number, to: number) => (to >= from ? Math.round((to - from) / 60_000) : -1);
  order.forEach((source, i) => {
    const f = features[source];
    const p = f.properties;
    const [x, y] = f.geometry.coordinates;
    table.ids[i] = String(f.id ?? p.id);
    table.x[i] = x;
    table.y[i] = y;
    table.town[i] = towns.locate(x, y);
    table.reported[i] = reportedRaw[source];
    table.handled[i] = time(p[fields.handled]);
    table.closed[i] = time(p[fields.closed]);
    table.deadline[i] = time(p[fields.deadline]);
    table.category[i] = categoryIndex.get(String(p[fields.category])) ?? 255;
    table.amount[i] = fields.amount ? Number(p[fields.amount]) : 1;
    table.minutesToClose[i] = minutes(table.reported[i], table.closed[i]);
    table.minutesToHandle[i] = minutes(table.reported[i], table.handled[i]);
    setAssessmentFields(table.assessment, i, p, dictionaries);
  });
  return { ...table, index: buildCaseIndex(table) };
}

/** The first index whose report time is at or after `t` (the table is sorted by report time). */
export function firstReportedAtOrAfter(table: CaseTable, t: number): number {
  let lo = 0;
  let hi = table.size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table.reported[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
