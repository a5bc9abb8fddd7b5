import { formatDateTime, formatNumber, label, translate, type Lang } from '../../i18n';
import { DOMAIN_LAYERS } from '../../layers/registry';
import { useNow } from '../useNow';
import { LAYER_OF_STATS } from './statsData';
import type { StatsKind } from './statistics';
import type { StatsReading } from './statsReading';

/** Seconds until `at`, ticking (a separate component, so only it re-renders each second). */
function RetryCountdown({ lang, at }: { lang: Lang; at: number }) {
  const now = useNow();
  const seconds = Math.ceil((at - now) / 1000);
  return <span data-testid="stats-retry">{seconds > 0 ? `${formatNumber(lang, seconds)} ${translate(lang, 'stats_retryIn')}` : translate(lang, 'stats_retrying')}</span>;
}

/**
 * What a panel's figures are: where from and as of when (`showSource`), and always when they are
 * stale, unavailable or lack a layer's data, so that no figure passes for more than it is.
 */
export function StatsNote<K extends StatsKind>({ lang, reading, testid, showSource = false }: { lang: Lang; reading: StatsReading<K>; testid: string; showSource?: boolean }) {
  if (reading.state === 'pending') return null;
  if (reading.state === 'unavailable') {
    return (
      <p className="stats-note stats-note--unavailable" role="status" data-testid={testid} data-state="unavailable" title={reading.failure}>
        ✖ {translate(lang, 'stats_unavailable')} · <RetryCountdown lang={lang} at={reading.retryAt} />
      </p>
    );
  }
  const missing = reading.missing.map((l) => label(lang, DOMAIN_LAYERS[LAYER_OF_STATS[l]].title)).join(lang === 'zh' ? '、' : ', ');
  const from = translate(lang, reading.source === 'server' ? 'stats_fromServer' : 'stats_fromPage');
  if (reading.state === 'current' && !missing && !showSource) return null;
  return (
    <p
      className={`stats-note stats-note--${reading.state}`}
      role="status"
      data-testid={testid}
      data-state={reading.state}
      data-source={reading.source}
      data-as-of={reading.asOf}
      data-missing={reading.missing.join(',')}
      title={reading.state === 'stale' ? reading.failure : undefined}
    >
      {reading.state === 'stale' ? (
        <>
          ⚠ {translate(lang, 'stats_stale')} · {translate(lang, 'asOf')} <time dateTime={new Date(reading.asOf).toISOString()}>{formatDateTime(lang, reading.asOf)}</time> · <RetryCountdown lang={lang} at={reading.retryAt} />
        </>
      ) : (
        <>
          {from} · {translate(lang, reading.source === 'page' ? 'stats_loadedAt' : 'asOf')} <time dateTime={new Date(reading.asOf).toISOString()}>{formatDateTime(lang, reading.asOf)}</time>
        </>
      )}
      {missing && (
        <span className="stats-note__missing" data-testid={`${testid}-missing`}>
          {' '}
          · ⚠ {translate(lang, 'stats_missing')}: {missing}
        </span>
      )}
    </p>
  );
}
