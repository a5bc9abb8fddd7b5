import type { Label } from '../layers/common/labels';

/** The printed report's own words (the indicators' names and definitions are indicatorDefinitions'). */
export const REPORT_TEXT = {
  heading: { zh: '城市管理考核评价月报', en: 'City management assessment report' },
  period: { zh: '考核期', en: 'Period' },
  generatedAt: { zh: '生成时间', en: 'Generated at' },
  dataVersion: { zh: '数据版本', en: 'Data version' },
  summary: { zh: '全区概况', en: 'District summary' },
  indicator: { zh: '指标', en: 'Indicator' },
  thisPeriod: { zh: '本期', en: 'This period' },
  previous: { zh: '上期', en: 'Period before' },
  mom: { zh: '环比', en: 'Change' },
  lastYear: { zh: '去年同期', en: 'Year before' },
  yoy: { zh: '同比', en: 'Change' },
  district: { zh: '全区', en: 'District' },
  townRanking: { zh: '镇街排名', en: 'Towns ranked' },
  unitRanking: { zh: '责任单位排名', en: 'Responsible units ranked' },
  rank: { zh: '名次', en: 'Rank' },
  score: { zh: '综合得分', en: 'Score' },
  town: { zh: '镇街', en: 'Town' },
  unit: { zh: '责任单位', en: 'Unit' },
  notRanked: { zh: '件数不足，不排名', en: 'too few cases to rank' },
  bottom: { zh: '末位', en: 'bottom' },
  trend: { zh: '近 12 个月走势', en: 'The last 12 months' },
  registeredSeries: { zh: '立案数', en: 'Registered' },
  onTimeSeries: { zh: '按期结案率', en: 'On-time closure rate' },
  openMap: { zh: '期末未处置案件', en: 'Cases open at the period’s end' },
  openLegend: { zh: '未处置', en: 'open' },
  overdueLegend: { zh: '已超期', en: 'overdue' },
  openCount: { zh: '未处置 {open} 件，其中超期 {overdue} 件', en: '{open} open, {overdue} of them overdue' },
  mapShows: { zh: '图上标出 {shown} 件', en: '{shown} shown on the map' },
  worst: { zh: '问题最突出的小类', en: 'Worst categories' },
  category: { zh: '小类', en: 'Category' },
  definitions: { zh: '指标口径', en: 'Definitions' },
  none: { zh: '本期无案件', en: 'No case in this period' },
  unitsByDefault: { zh: '件案件的责任单位取自默认规则', en: 'cases were given their default unit' },
  unitsUnknown: { zh: '件案件没有责任单位', en: 'cases have no unit' },
  page: { zh: '第 {n} 页', en: 'Page {n}' },
  configAbout: { zh: '考核表', en: 'Tables' },
} satisfies Record<string, Label>;

/** A report text with its {placeholders} filled. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}
