import { formatDateTime, label, translate, type Lang } from '../../i18n';
import { DOMAIN_LAYERS } from '../../layers/registry';
import { LAYER_OF_STATS, type StatsLayer } from './statsData';
import type { StatsKind, StatsSource } from './statistics';
import type { StatsReading } from './statsReading';

/** Where figures were computed, in words: 服务器统计 / 本页统计. */
export const sourceWords = (source: StatsSource, lang: Lang): string => translate(lang, source === 'server' ? 'stats_fromServer' : 'stats_fromPage');
/** What their time means: as of the server's answer, or when the page's data was loaded. */
export const timeWords = (source: StatsSource, lang: Lang): string => translate(lang, source === 'page' ? 'stats_loadedAt' : 'asOf');

/** The layers figures lack, by name: 路灯、窨井盖. */
export const missingWords = (missing: readonly StatsLayer[], lang: Lang): string => missing.map((l) => label(lang, DOMAIN_LAYERS[LAYER_OF_STATS[l]].title)).join(lang === 'zh' ? '、' : ', ');

/** A reading's provenance in words, for an export's context lines: source, as of when, stale, lacking layers. */
export function figuresText<K extends StatsKind>(reading: StatsReading<K>, lang: Lang): string {
  if (reading.state === 'pending' || reading.state === 'unavailable') return translate(lang, 'stats_unavailable');
  const zh = lang === 'zh';
  const parts = [`${sourceWords(reading.source, lang)}, ${timeWords(reading.source, lang)} ${formatDateTime(lang, reading.asOf)}`];
  if (reading.state === 'stale') parts.push(translate(lang, 'stats_stale'));
  if (reading.missing.length) parts.push(`${translate(lang, 'stats_missing')}: ${missingWords(reading.missing, lang)}`);
  return parts.join(zh ? '；' : '; ');
}
