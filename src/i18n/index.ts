import type { Label, Lang } from '../layers/common/labels';
import { messages, type MessageKey } from './messages';

export type { Lang };

export function translate(lang: Lang, key: MessageKey): string {
  return messages[key][lang];
}

export function label(lang: Lang, l: Label): string {
  return l[lang];
}

const numberFormats = { zh: new Intl.NumberFormat('zh-CN'), en: new Intl.NumberFormat('en-GB') };
export function formatNumber(lang: Lang, n: number): string {
  return numberFormats[lang].format(n);
}

const dateTimeFormats = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }),
};
/** A moment in China time, as these users read it whatever the viewer's time zone. */
export function formatDateTime(lang: Lang, epochMs: number): string {
  return dateTimeFormats[lang].format(epochMs);
}

const clockDates = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' }),
};
const clockTimes = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
/** The date with its weekday, China time, as a wall clock shows it. */
export function formatClockDate(lang: Lang, epochMs: number): string {
  return clockDates[lang].format(epochMs);
}
/** hh:mm:ss, China time (the same in both languages). */
export function formatClockTime(epochMs: number): string {
  return clockTimes.format(epochMs);
}

/** A duration in minutes as days, hours and minutes (the two largest non-zero units). */
export function formatDuration(lang: Lang, minutes: number): string {
  const units: [number, string, string][] = [
    [Math.floor(minutes / 1440), '天', 'd'],
    [Math.floor((minutes % 1440) / 60), '小时', 'h'],
    [Math.round(minutes % 60), '分钟', 'min'],
  ];
  const shown = units.filter(([n]) => n > 0).slice(0, 2);
  if (shown.length === 0) return lang === 'zh' ? '0分钟' : '0 min';
  return shown.map(([n, zh, en]) => (lang === 'zh' ? `${n}${zh}` : `${n} ${en}`)).join(lang === 'zh' ? '' : ' ');
}

/** Square metres, with 亩 (the unit land enforcement reports in) beside them in Chinese. */
export function formatArea(lang: Lang, m2: number): string {
  const sqm = `${formatNumber(lang, Math.round(m2))} m²`;
  return lang === 'zh' ? `${sqm}（${(m2 / 666.6667).toFixed(2)} 亩）` : sqm;
}
