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
