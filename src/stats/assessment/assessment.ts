import type { AssessmentConfig } from '../../assessment/config';
import type { CaseLayer } from '../caseLayers';
import { firstReportedAtOrAfter, type CaseTable } from '../cases/caseTable';
import { ABSENT_CODE } from './assessmentColumns';
import { addIndicatorCounts, emptyCounts, indicatorRates, type IndicatorCounts, type IndicatorRates } from './indicators';
import { previousPeriod, samePeriodLastYear, type Period } from './periods';
import { compositeScore, rankUnits } from './score';

export interface AssessmentQuery {
  period: Period;
  config: AssessmentConfig;
}

export interface AssessedTable {
  layer: CaseLayer | 'patches';
  table: CaseTable;
}

export type Counts = Omit<IndicatorCounts, 'handleMinutes'>;

/** One group's counts and durations in one period, before scoring: what the engine and the SQL both give. */
export interface CountedFigures {
  counts: Counts;
  rates: IndicatorRates;
}

export interface PeriodFigures extends CountedFigures {
  score: number | null;
}

export interface AssessmentRow extends PeriodFigures {
  /** A town code, a unit code, '' for cases with no unit, or 'district'. */
  code: string;
  /** 环比 and 同比: the same figures for the period before and a year before. */
  previous: PeriodFigures;
  lastYear: PeriodFigures;
  rank: number | null;
  flagged: boolean;
}

export interface AssessmentAnswer {
  period: Period;
  previousPeriod: Period;
  lastYearPeriod: Period;
  district: AssessmentRow;
  /** Every town, in the order of the town codes given. */
  towns: AssessmentRow[];
  /** Every responsible unit with a case in one of the three periods: the config's in its order, then the others by code. */
  units: AssessmentRow[];
  /** Cases of the period whose unit came from the config's defaults (files written without one), and those left with none. */
  unitsByDefault: number;
  unitsUnknown: number;
}

/** The three periods' figures of each group (index 0: the period, 1: the one before, 2: a year before). */
export interface GroupFigures {
  district: CountedFigures[];
  towns: Map<string, CountedFigures[]>;
  units: Map<string, CountedFigures[]>;
  unitsByDefault: number;
  unitsUnknown: number;
}

export const UNASSIGNED = '';

/** The period assessed, the one before it (环比) and the same a year before (同比). */
export const comparedPeriods = (period: Period): Period[] => [period, previousPeriod(period), samePeriodLastYear(period)];

/** The unit answerable for case `i` of a layer: its own, else the config's default for its layer (the town, for railway issues and patches). */
export function unitResolver(layer: AssessedTable['layer'], table: CaseTable, townCodes: readonly string[], lampUnit: string): (i: number) => { code: string; byDefault: boolean } {
  const a = table.assessment;
  return (i) => {
    if (a && a.unit[i] !== ABSENT_CODE) return { code: a.units[a.unit[i]], byDefault: false };
    if (layer === 'lamps') return { code: lampUnit, byDefault: true };
    if ((layer === 'railway' || layer === 'patches') && table.town[i] >= 0) return { code: townCodes[table.town[i]], byDefault: true };
    return { code: UNASSIGNED, byDefault: false };
  };
}

function withoutMinutes(c: IndicatorCounts): Counts {
  const out: Partial<IndicatorCounts> = { ...c };
  delete out.handleMinutes;
  return out as Counts;
}

/** Counts every case reported in each of the periods into the district, its town and its unit. */
export function countGroups(tables: readonly AssessedTable[], townCodes: readonly string[], periods: readonly Period[], lampUnit: string): GroupFigures {
  const unitIndex = new Map<string, number>();
  const resolvers = tables.map(({ layer, table }) => unitResolver(layer, table, townCodes, lampUnit));
  const unitOfCase = tables.map(({ table }, t) => {
    const codes = new Int32Array(table.size);
    for (let i = 0; i < table.size; i++) {
      const { code } = resolvers[t](i);
      let k = unitIndex.get(code);
      if (k === undefined) unitIndex.set(code, (k = unitIndex.size));
      codes[i] = k;
    }
    return codes;
  });
  const towns = townCodes.length;
  const perPeriod = periods.map((p) => {
    const counts = Array.from({ length: 1 + towns + unitIndex.size }, emptyCounts);
    tables.forEach(({ table }, t) => {
      const units = unitOfCase[t];
      const withTown = [0, 0, 0];
      const withoutTown = [0, 0];
      const groupsOf = (i: number) => {
        const town = table.town[i];
        if (town < 0) {
          withoutTown[1] = 1 + towns + units[i];
          return withoutTown;
        }
        withTown[1] = 1 + town;
        withTown[2] = 1 + towns + units[i];
        return withTown;
      };
      addIndicatorCounts(table, p.from, p.to, groupsOf, counts);
    });
    return counts.map((c): CountedFigures => ({ counts: withoutMinutes(c), rates: indicatorRates(c) }));
  });
  const across = (g: number) => perPeriod.map((figures) => figures[g]);
  let unitsByDefault = 0;
  let unitsUnknown = 0;
  tables.forEach(({ table }, t) => {
    for (let i = firstReportedAtOrAfter(table, periods[0].from); i < table.size && table.reported[i] < periods[0].to; i++) {
      const { code, byDefault } = resolvers[t](i);
      if (byDefault) unitsByDefault++;
      if (code === UNASSIGNED) unitsUnknown++;
    }
  });
  return {
    district: across(0),
    towns: new Map(townCodes.map((code, k) => [code, across(1 + k)])),
    units: new Map([...unitIndex].map(([code, k]) => [code, across(1 + towns + k)])),
    unitsByDefault,
    unitsUnknown,
  };
}

/** The figures of a group with no case in a period. */
export const emptyFigures = (): CountedFigures => ({ counts: withoutMinutes(emptyCounts()), rates: indicatorRates(emptyCounts()) });

/** Scores and ranks the groups' figures: the answer the panel, the exports and the report read, whether the page or the server counted. */
export function scoredAnswer(groups: GroupFigures, periods: readonly Period[], townCodes: readonly string[], config: AssessmentConfig): AssessmentAnswer {
  const empty = emptyFigures();
  const scored = (f: CountedFigures | undefined): PeriodFigures => {
    const figures = f ?? empty;
    return { ...figures, score: compositeScore(figures.rates, config.scoring) };
  };
  const rowOf = (code: string, f: readonly CountedFigures[] | undefined): AssessmentRow => ({ code, ...scored(f?.[0]), previous: scored(f?.[1]), lastYear: scored(f?.[2]), rank: null, flagged: false });
  const towns = townCodes.map((code) => rowOf(code, groups.towns.get(code)));
  const listed = config.units.map((u) => u.code);
  const others = [...groups.units.keys()].filter((code) => !listed.includes(code)).sort();
  const units = [...listed, ...others]
    .map((code) => rowOf(code, groups.units.get(code)))
    .filter((row) => row.counts.registered + row.previous.counts.registered + row.lastYear.counts.registered > 0);
  // Towns are held to account three at a time; units, fewer and unlike one another, by their own count.
  for (const [rows, flagBottom] of [
    [towns, config.scoring.flagBottom],
    [units, config.scoring.flagBottomUnits],
  ] as const) {
    const ranking = rankUnits(rows.map((r) => ({ code: r.code, score: r.score, due: r.counts.due, registered: r.counts.registered, onTimeClosureRate: r.rates.onTimeClosureRate })), { minCases: config.scoring.minCases, flagBottom });
    rows.forEach((r, k) => Object.assign(r, ranking[k]));
  }
  return {
    period: periods[0],
    previousPeriod: periods[1],
    lastYearPeriod: periods[2],
    district: rowOf('district', groups.district),
    towns,
    units,
    unitsByDefault: groups.unitsByDefault,
    unitsUnknown: groups.unitsUnknown,
  };
}

/**
 * The monthly assessment (考核评价): every indicator per town, per responsible unit and for the
 * district, over the cases reported in the period as they stood at its end, with the same
 * figures for the period before and a year before, a composite score and a ranking.
 */
export function assessment(tables: readonly AssessedTable[], townCodes: readonly string[], period: Period, config: AssessmentConfig): AssessmentAnswer {
  const periods = comparedPeriods(period);
  return scoredAnswer(countGroups(tables, townCodes, periods, config.defaults['lamp-faults'].unit), periods, townCodes, config);
}
