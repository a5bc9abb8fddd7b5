import type { Lang } from '../../i18n';
import type { BucketSize } from '../../stats/series/buckets';

const formats = (lang: Lang) => {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const tz = { timeZone: 'Asia/Shanghai' } as const;
  return {
    day: new Intl.DateTimeFormat(locale, { ...tz, month: 'short', day: 'numeric' }),
    month: new Intl.DateTimeFormat(locale, { ...tz, year: 'numeric', month: 'short' }),
  };
};
const cache = { zh: formats('zh'), en: formats('en') };

/** A bucket's name on an axis: its day, the Monday its week starts on, or its month, in China time. */
export function bucketLabel(lang: Lang, size: BucketSize, from: number): string {
  if (size === 'month') return cache[lang].month.format(from);
  const day = cache[lang].day.format(from);
  if (size === 'day') return day;
  return lang === 'zh' ? `${day}起` : `w/c ${day}`;
}
