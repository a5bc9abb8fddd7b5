import { formatDateTime, label, translate, type Lang } from '../../i18n';
import { DOMAIN_LAYERS } from '../../layers/registry';
import { LAYER_OF_STATS } from './statsData';
import type { StatsKind } from './statistics';
import type { StatsReading } from './statsReading';

/** A reading's provenance in words, for an export's context lines: source, as of when, stale, lacking layers. */
export function figuresText<K extends StatsKind>(reading: StatsReading<K>, lang: Lang): string {
  if (reading.state === 'pending' || reading.state === 'unavailable') return translate(lang, 'stats_unavailable');
  const zh = lang === 'zh';
  const parts = [`${translate(lang, reading.source === 'server' ? 'stats_fromServer' : 'stats_fromPage')}, ${translate(lang, reading.source === 'page' ? 'stats_loadedAt' : 'asOf')} ${formatDateTime(lang, reading.asOf)}`];
  if (reading.state === 'stale') parts.push(translate(lang, 'stats_stale'));
  if (reading.missing.length) parts.push(`${translate(lang, 'stats_missing')}: ${reading.missing.map((l) => label(lang, DOMAIN_LAYERS[LAYER_OF_STATS[l]].title)).join(zh ? '、' : ', ')}`);
  return parts.join(zh ? '；' : '; ');
}
