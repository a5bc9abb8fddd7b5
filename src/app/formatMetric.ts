import { formatNumber, translate, type Lang } from '../i18n';
import type { MetricFormat } from '../stats/townMetrics';

const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };
// Built once: a table of towns formats hundreds of figures per render, and each new Intl.NumberFormat costs about 0.1 ms.
const percentFormats = { zh: percentFormat('zh'), en: percentFormat('en') };
const decimalFormats = { zh: decimalFormat('zh'), en: decimalFormat('en') };

function percentFormat(lang: Lang) {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
function decimalFormat(lang: Lang) {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

/** A metric's value as the tables, bars and cards show it: rates as percentages, durations and ratios to one decimal. */
export function formatMetric(lang: Lang, format: MetricFormat, value: number | null): string {
  if (value === null) return translate(lang, 'noValue');
  if (format === 'percent') return percentFormats[lang].format(value);
  if (format === 'decimal' || format === 'hours') return decimalFormats[lang].format(value);
  return formatNumber(lang, value);
}
