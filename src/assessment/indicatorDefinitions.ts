import type { Label } from '../layers/common/labels';
import type { Counts } from '../stats/assessment/assessment';
import type { IndicatorRates } from '../stats/assessment/indicators';

export type IndicatorId = keyof Counts | keyof IndicatorRates;

export interface IndicatorDefinition {
  id: IndicatorId;
  label: Label;
  /** How it is computed, in words: in the panel, the export's About sheet and the report. */
  definition: Label;
  format: 'count' | 'rate' | 'minutes';
  better: 'higher' | 'lower' | null;
}

/** Every assessment indicator in column order: counts, then rates, then durations. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  { id: 'registered', format: 'count', better: null, label: { zh: '立案数', en: 'Registered' }, definition: { zh: '考核期内上报立案的案件数（以下各项均就这些案件、按考核期末的状态计算）', en: 'Cases reported in the period (every figure below is over these cases, as they stood at the period’s end)' } },
  { id: 'due', format: 'count', better: null, label: { zh: '应结案数', en: 'Due' }, definition: { zh: '处置时限在期末之前（含期末）到期的案件，加上时限未到但期末前已结案的案件', en: 'Cases whose deadline fell by the period’s end, plus those closed before it though due later' } },
  { id: 'closed', format: 'count', better: null, label: { zh: '结案数', en: 'Closed' }, definition: { zh: '期末前已结案的案件数', en: 'Cases closed by the period’s end' } },
  { id: 'closedOnTime', format: 'count', better: null, label: { zh: '按期结案数', en: 'Closed on time' }, definition: { zh: '期末前已结案、且通过核查的处置在处置时限内完成的案件数（恰在时限那一分钟算按期）', en: 'Cases closed by the period’s end whose accepted handling came by the deadline (to the minute)' } },
  { id: 'handled', format: 'count', better: null, label: { zh: '处置数', en: 'Handled' }, definition: { zh: '期末前已处置的案件数', en: 'Cases handled by the period’s end' } },
  { id: 'handleDue', format: 'count', better: null, label: { zh: '应处置数', en: 'Due for handling' }, definition: { zh: '处置时限在期末之前到期、或期末前已处置的案件数', en: 'Cases whose deadline fell by the period’s end, or handled before it' } },
  { id: 'handledOnTime', format: 'count', better: null, label: { zh: '按期处置数', en: 'Handled on time' }, definition: { zh: '期末前在处置时限内处置的案件数', en: 'Cases handled by their deadline, by the period’s end' } },
  { id: 'reworked', format: 'count', better: null, label: { zh: '返工数', en: 'Sent back' }, definition: { zh: '已处置的案件中，曾因核查不通过被退回重新处置的案件数（退回两次也只算一件）', en: 'Handled cases that a failed check sent back to handling at least once (twice counts once)' } },
  { id: 'overdue', format: 'count', better: 'lower', label: { zh: '超期数', en: 'Overdue' }, definition: { zh: '超过处置时限才处置、或期末时已过时限仍未处置的案件数（与仪表盘“超期案件”同一口径）', en: 'Cases handled after their deadline, or unhandled past it at the period’s end (as the dashboard’s “Overdue cases”)' } },
  { id: 'publicReports', format: 'count', better: null, label: { zh: '公众举报数', en: 'Public reports' }, definition: { zh: '经12345热线或市民随手拍上报的案件数', en: 'Cases reported through the 12345 hotline or the citizens’ app' } },
  { id: 'closureRate', format: 'rate', better: 'higher', label: { zh: '结案率', en: 'Closure rate (assessed)' }, definition: { zh: '结案数 ÷ 应结案数。注意：仪表盘的“处结率”是结案数 ÷ 立案数，两者口径不同', en: 'Closed ÷ due. Not the dashboard’s “Closure rate”, which is closed ÷ reported' } },
  { id: 'onTimeClosureRate', format: 'rate', better: 'higher', label: { zh: '按期结案率', en: 'On-time closure rate' }, definition: { zh: '按期结案数 ÷ 应结案数', en: 'Closed on time ÷ due' } },
  { id: 'onTimeHandlingRate', format: 'rate', better: 'higher', label: { zh: '按期处置率', en: 'On-time handling rate' }, definition: { zh: '按期处置数 ÷ 应处置数', en: 'Handled on time ÷ due for handling' } },
  { id: 'reworkRate', format: 'rate', better: 'lower', label: { zh: '返工率', en: 'Rework rate' }, definition: { zh: '返工数 ÷ 处置数', en: 'Sent back ÷ handled' } },
  { id: 'publicReportRate', format: 'rate', better: 'lower', label: { zh: '监督举报率', en: 'Public report rate' }, definition: { zh: '公众举报数 ÷ 立案数：越低说明巡查越早发现问题', en: 'Public reports ÷ registered: lower means the patrols found problems first' } },
  { id: 'meanHandleMinutes', format: 'minutes', better: 'lower', label: { zh: '平均处置时长', en: 'Mean time to handle' }, definition: { zh: '已处置案件从上报到处置的平均时长', en: 'Mean time from report to handling of the handled cases' } },
  { id: 'medianHandleMinutes', format: 'minutes', better: 'lower', label: { zh: '处置时长中位数', en: 'Median time to handle' }, definition: { zh: '已处置案件从上报到处置时长的中位数（偶数件取较小的中间值）', en: 'Median time from report to handling (the lower middle of an even count)' } },
];

export const SCORE_DEFINITION: Label = {
  zh: '综合得分：结案率、按期结案率、按期处置率、返工率、监督举报率各按配置的区间折算为0–100分，再按权重加权平均（无数据的指标不计入）；应结案数低于最低件数的单位列出但不排名；同分时依次比较按期结案率、立案数、编码',
  en: 'Composite score: closure, on-time closure, on-time handling, rework and public report rates each scored 0–100 on their configured band, then averaged by weight (an indicator with no figure is left out); a unit with fewer cases due than the minimum is listed, not ranked; ties go to the higher on-time closure rate, then more cases registered, then the code',
};

/** A row's value of one indicator. */
export function indicatorValue(row: { counts: Counts; rates: IndicatorRates }, id: IndicatorId): number | null {
  return id in row.counts ? row.counts[id as keyof Counts] : row.rates[id as keyof IndicatorRates];
}
