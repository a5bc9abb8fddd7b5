import { formatDuration, formatNumber, translate, type Lang } from '../../i18n';
import { INDICATORS, indicatorValue, type IndicatorDefinition, type IndicatorId } from '../../assessment/indicatorDefinitions';
import type { PeriodFigures } from '../../stats/assessment/assessment';
import { formatMetric } from '../formatMetric';

export function formatIndicator(lang: Lang, d: IndicatorDefinition, value: number | null): string {
  if (value === null) return translate(lang, 'noValue');
  if (d.format === 'rate') return formatMetric(lang, 'percent', value);
  if (d.format === 'minutes') return formatDuration(lang, value);
  return formatNumber(lang, value);
}

/** A score's change since an earlier period, signed, to one decimal; empty when either has none. */
export function scoreChange(lang: Lang, now: number | null, before: number | null): string {
  if (now === null || before === null) return '';
  const d = Math.round((now - before) * 10) / 10;
  return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${formatNumber(lang, Math.abs(d))}`;
}

/** A change in words: percentage points for a rate, a relative change for a count. */
export function indicatorChange(lang: Lang, id: IndicatorId, now: PeriodFigures, before: PeriodFigures): string {
  const d = INDICATORS.find((x) => x.id === id)!;
  const a = indicatorValue(now, id);
  const b = indicatorValue(before, id);
  if (a === null || b === null) return '—';
  if (d.format === 'rate') {
    const points = Math.round((a - b) * 1000) / 10;
    return `${points > 0 ? '+' : points < 0 ? '−' : '±'}${formatNumber(lang, Math.abs(points))} ${lang === 'zh' ? '个百分点' : 'pts'}`;
  }
  if (b === 0) return '—';
  const pct = Math.round(((a - b) / b) * 1000) / 10;
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${formatNumber(lang, Math.abs(pct))}%`;
}
