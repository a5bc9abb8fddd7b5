import type { AssessmentConfig } from '../../assessment/config';
import type { CaseTable } from '../cases/caseTable';
import { firstReportedAtOrAfter } from '../cases/caseTable';
import { assessment, countGroups, emptyFigures, unitResolver, type AssessedTable, type AssessmentAnswer, type CountedFigures, type GroupFigures } from './assessment';
import { ABSENT_CODE } from './assessmentColumns';
import { addIndicatorCounts, emptyCounts, indicatorRates } from './indicators';
import { shiftMonths, type Period } from './periods';
import { localDate, localMidnight } from '../series/buckets';
import { compositeScore } from './score';

/** A town ('town:CODE') or a responsible unit ('unit:CODE'), as the report and the drill-down name them. */
export type GroupKey = `town:${string}` | `unit:${string}`;

export interface TrendPoint {
  from: number;
  registered: number;
  onTimeClosureRate: number | null;
  score: number | null;
}

export interface CategoryFigures {
  code: string;
  registered: number;
  due: number;
  overdue: number;
  onTimeClosureRate: number | null;
}

export interface OpenCase {
  id: string;
  x: number;
  y: number;
  /** Past its deadline at the period's end. */
  overdue: boolean;
}

export interface AssessmentDetail {
  answer: AssessmentAnswer;
  /** The twelve months ending with the period's last month. */
  months: Period[];
  trend: Record<'district' | GroupKey, TrendPoint[]>;
  /** Each group's categories of the period, the most overdue first (then the lowest on-time closure), at most WORST_SHOWN. */
  worstCategories: Record<GroupKey, CategoryFigures[]>;
  /** Each group's cases still unhandled at the period's end, the overdue first, then by deadline and id, at most OPEN_SHOWN. */
  openCases: Record<GroupKey, OpenCase[]>;
  /** How many were open and overdue in all, where the lists stop short. */
  openCounts: Record<GroupKey, { open: number; overdue: number }>;
}

export const WORST_SHOWN = 5;
export const OPEN_SHOWN = 400;

/** The category of a case with none of its own: the config's default for its layer (for a railway issue, for its class). */
export function defaultCategory(layer: AssessedTable['layer'], railwayClass: string, config: AssessmentConfig): string {
  if (layer === 'lamps') return config.defaults['lamp-faults'].category;
  if (layer === 'manholes') return config.defaults['manhole-defects'].category;
  if (layer === 'patches') return config.defaults.patches.category;
  return config.defaults['railway-issues'].categoryByClass[railwayClass] ?? '';
}

/** The category code of case `i`: its own, else the config's default for its layer. */
function categoryResolver(layer: AssessedTable['layer'], table: CaseTable, config: AssessmentConfig): (i: number) => string {
  const a = table.assessment;
  return (i) => (a && a.categoryCode[i] !== ABSENT_CODE ? a.categoryCodes[a.categoryCode[i]] : defaultCategory(layer, table.categories[table.category[i]], config));
}

/** A group's categories, the most overdue first, then the lowest on-time closure, the most cases and the code; the first WORST_SHOWN. */
export function worstFirst(categories: CategoryFigures[]): CategoryFigures[] {
  return categories
    .sort((a, b) => b.overdue - a.overdue || (a.onTimeClosureRate ?? 2) - (b.onTimeClosureRate ?? 2) || b.registered - a.registered || (a.code < b.code ? -1 : 1))
    .slice(0, WORST_SHOWN);
}

/** Open cases, the overdue first, then the earliest deadline, then by id (as the SQL's collate "C"). */
export const byUrgency = (a: OpenCase & { deadline: number }, b: OpenCase & { deadline: number }) =>
  Number(b.overdue) - Number(a.overdue) || a.deadline - b.deadline || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The twelve calendar months ending with the one the period ends in (China time). */
export function trendMonths(period: Period): Period[] {
  const [year, month] = localDate(period.to - 1);
  const lastStart = localMidnight(year, month);
  return Array.from({ length: 12 }, (_, k) => ({ from: shiftMonths(lastStart, k - 11), to: shiftMonths(lastStart, k - 10) }));
}

/** Each group's twelve monthly points, from its counts per month (a month with none counts nothing). */
export function trendOf(monthly: GroupFigures, months: readonly Period[], config: AssessmentConfig): AssessmentDetail['trend'] {
  const series = (figures: readonly (CountedFigures | undefined)[]): TrendPoint[] =>
    months.map(({ from }, k) => {
      const f = figures[k] ?? emptyFigures();
      return { from, registered: f.counts.registered, onTimeClosureRate: f.rates.onTimeClosureRate, score: compositeScore(f.rates, config.scoring) };
    });
  const trend: AssessmentDetail['trend'] = { district: series(monthly.district) };
  for (const [code, f] of monthly.towns) trend[`town:${code}`] = series(f);
  for (const [code, f] of monthly.units) trend[`unit:${code}`] = series(f);
  return trend;
}

/**
 * What the monthly report and the panel's drill-down show beside the ranking: each town's and
 * unit's twelve-month trend, its worst categories, and its cases left open at the period's end.
 */
export function assessmentDetail(tables: readonly AssessedTable[], townCodes: readonly string[], period: Period, config: AssessmentConfig): AssessmentDetail {
  const lampUnit = config.defaults['lamp-faults'].unit;
  const months = trendMonths(period);
  const trend = trendOf(countGroups(tables, townCodes, months, lampUnit), months, config);

  // Per group and category: counted by addIndicatorCounts, groups numbered as keys are met.
  const keys = new Map<string, number>();
  const slot = (key: string) => {
    let k = keys.get(key);
    if (k === undefined) keys.set(key, (k = keys.size));
    return k;
  };
  const counts: ReturnType<typeof emptyCounts>[] = [];
  const openCases: Record<GroupKey, (OpenCase & { deadline: number })[]> = {};
  const openCounts: AssessmentDetail['openCounts'] = {};
  for (const { layer, table } of tables) {
    const unitOf = unitResolver(layer, table, townCodes, lampUnit);
    const categoryOf = categoryResolver(layer, table, config);
    const groupsOf = (i: number): GroupKey[] => {
      const unit: GroupKey = `unit:${unitOf(i).code}`;
      return table.town[i] >= 0 ? [`town:${townCodes[table.town[i]]}`, unit] : [unit];
    };
    addIndicatorCounts(
      table,
      period.from,
      period.to,
      (i) =>
        groupsOf(i).map((g) => {
          const k = slot(`${g}\u0000${categoryOf(i)}`);
          while (counts.length <= k) counts.push(emptyCounts());
          return k;
        }),
      counts,
    );
    const end = firstReportedAtOrAfter(table, period.to);
    for (let i = 0; i < end; i++) {
      if (table.handled[i] < period.to) continue;
      const overdue = table.deadline[i] < period.to;
      for (const g of groupsOf(i)) {
        const c = (openCounts[g] ??= { open: 0, overdue: 0 });
        c.open++;
        if (overdue) c.overdue++;
        (openCases[g] ??= []).push({ id: table.ids[i], x: table.x[i], y: table.y[i], overdue, deadline: table.deadline[i] });
      }
    }
  }
  const worstCategories: AssessmentDetail['worstCategories'] = {};
  for (const [key, k] of keys) {
    const [group, code] = key.split('\u0000') as [GroupKey, string];
    const c = counts[k];
    (worstCategories[group] ??= []).push({ code, registered: c.registered, due: c.due, overdue: c.overdue, onTimeClosureRate: indicatorRates(c).onTimeClosureRate });
  }
  for (const g of Object.keys(worstCategories) as GroupKey[]) worstCategories[g] = worstFirst(worstCategories[g]);
  const shownOpen: AssessmentDetail['openCases'] = {};
  for (const g of Object.keys(openCases) as GroupKey[]) shownOpen[g] = openCases[g].sort(byUrgency).slice(0, OPEN_SHOWN).map(({ id, x, y, overdue }) => ({ id, x, y, overdue }));
  return { answer: assessment(tables, townCodes, period, config), months, trend, worstCategories, openCases: shownOpen, openCounts };
}
