import { formatDateTime, formatNumber, translate, type Lang } from '../../i18n';
import { useNow } from '../useNow';
import { missingWords, sourceWords, timeWords } from './figuresText';
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
  const missing = missingWords(reading.missing, lang);
  const from = sourceWords(reading.source, lang);
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
          {from} · {timeWords(reading.source, lang)} <time dateTime={new Date(reading.asOf).toISOString()}>{formatDateTime(lang, reading.asOf)}</time>
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
