import type { Lang } from '../i18n';
import { label } from '../i18n';
import { INDICATORS, indicatorValue, SCORE_DEFINITION } from '../assessment/indicatorDefinitions';
import type { AssessmentAnswer, AssessmentRow } from '../stats/assessment/assessment';
import type { TownStatsTable } from './townStatsTable';

const COLUMN = {
  level: { zh: '层级', en: 'Level' },
  code: { zh: '编码', en: 'Code' },
  name: { zh: '名称', en: 'Name' },
  rank: { zh: '名次', en: 'Rank' },
  flagged: { zh: '末位', en: 'Bottom' },
  score: { zh: '综合得分', en: 'Score' },
  previous: { zh: '环比（上月）', en: 'month before' },
  lastYear: { zh: '同比（去年同月）', en: 'year before' },
};
export const LEVELS = {
  towns: { zh: '镇街', en: 'Town' },
  units: { zh: '责任单位', en: 'Responsible unit' },
  district: { zh: '全区', en: 'District' },
};

/**
 * The assessment as one plain table for CSV and Excel: a row per town, per unit and the district;
 * every indicator, with its value in the month before and a year before beside it. Rates are
 * fractions (0–1) and durations minutes, raw, for the analyst's own formulas.
 */
export function assessmentTable(answer: AssessmentAnswer, names: { town(code: string): string; unit(code: string): string }, lang: Lang, levels: readonly ('towns' | 'units' | 'district')[] = ['towns', 'units', 'district']): TownStatsTable {
  const headers = [COLUMN.level, COLUMN.code, COLUMN.name, COLUMN.rank, COLUMN.flagged, COLUMN.score].map((l) => label(lang, l));
  const keys = ['level', 'code', 'name', 'rank', 'flagged', 'score'];
  headers.push(`${label(lang, COLUMN.score)} ${label(lang, COLUMN.previous)}`, `${label(lang, COLUMN.score)} ${label(lang, COLUMN.lastYear)}`);
  keys.push('score_previous', 'score_lastYear');
  for (const d of INDICATORS) {
    headers.push(label(lang, d.label), `${label(lang, d.label)} ${label(lang, COLUMN.previous)}`, `${label(lang, d.label)} ${label(lang, COLUMN.lastYear)}`);
    keys.push(d.id, `${d.id}_previous`, `${d.id}_lastYear`);
  }
  const yes = lang === 'zh' ? '是' : 'yes';
  const row = (level: keyof typeof LEVELS, r: AssessmentRow, name: string) => [
    label(lang, LEVELS[level]),
    level === 'district' ? '' : r.code,
    name,
    r.rank,
    r.flagged ? yes : '',
    r.score,
    r.previous.score,
    r.lastYear.score,
    ...INDICATORS.flatMap((d) => [indicatorValue(r, d.id), indicatorValue(r.previous, d.id), indicatorValue(r.lastYear, d.id)]),
  ];
  const byRank = (rows: AssessmentRow[]) => [...rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.code < b.code ? -1 : 1));
  const rows: (string | number | null)[][] = [];
  if (levels.includes('towns')) rows.push(...byRank(answer.towns).map((r) => row('towns', r, names.town(r.code))));
  if (levels.includes('units')) rows.push(...byRank(answer.units).map((r) => row('units', r, names.unit(r.code))));
  if (levels.includes('district')) rows.push(row('district', answer.district, label(lang, LEVELS.district)));
  return { keys, headers, rows };
}

/** Each indicator's name and definition, and the score's, for the About sheet. */
export function assessmentDefinitionLines(lang: Lang): [string, string][] {
  return [...INDICATORS.map((d): [string, string] => [label(lang, d.label), label(lang, d.definition)]), [label(lang, COLUMN.score), label(lang, SCORE_DEFINITION)]];
}
