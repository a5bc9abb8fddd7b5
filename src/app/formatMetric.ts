import { formatNumber, translate, type Lang } from '../i18n';
import type { MetricFormat } from '../stats/townMetrics';

/** A metric's value as the tables, bars and cards show it: rates as percentages, durations and ratios to one decimal. */
export function formatMetric(lang: Lang, format: MetricFormat, value: number | null): string {
  if (value === null) return translate(lang, 'noValue');
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  if (format === 'percent') return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  if (format === 'decimal' || format === 'hours') return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value);
  return formatNumber(lang, value);
}
