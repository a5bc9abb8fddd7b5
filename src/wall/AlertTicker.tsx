import { useEffect, useState } from 'react';
import { useTownName } from '../app/details/useTownName';
import { formatClockTime, formatNumber, label, translate } from '../i18n';
import type { Lang } from '../layers/common/labels';
import type { WallAlert } from './alerts';
import type { CaseAlertsUnavailable } from './useWallAlerts';
import { CASE_CATEGORIES, CASES_TITLE } from '../app/warnings/warningLayers';

const PAGE_MS = 8_000;

/** Two decimals: lighting rates sit close to their threshold (99.66% is below 99.7%, yet rounds to it). */
const precisePercent = (lang: Lang, v: number) =>
  new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);

function describe(lang: Lang, alert: WallAlert): string {
  const t = (key: 'lightingRate' | 'overdueCases' | 'newPatches' | 'railwayOpen' | 'days' | 'dueSoon' | 'withinTwoHours' | 'anomaly' | 'cluster' | 'repeat') =>
    translate(lang, `alert_${key}`);
  const sep = lang === 'zh' ? '' : ' ';
  switch (alert.kind) {
    case 'lightingRate':
      return `${t('lightingRate')}${sep}${precisePercent(lang, alert.threshold)}: ${precisePercent(lang, alert.value)}`;
    case 'overdueCases':
      return `${t('overdueCases')}${sep}${formatNumber(lang, alert.threshold)}: ${formatNumber(lang, alert.value)}`;
    case 'newPatches':
      return `${t('newPatches')}: ${formatNumber(lang, alert.value)}`;
    case 'railwayOpen':
      return `${t('railwayOpen')}${sep}${alert.threshold}${sep}${t('days')}: ${formatNumber(lang, alert.value)} (${alert.oldestDays}${sep}${t('days')})`;
    case 'dueSoon':
      return `${t('dueSoon')}: ${formatNumber(lang, alert.value)} (${t('withinTwoHours')}${sep}${formatNumber(lang, alert.critical ?? 0)})`;
    case 'repeat':
      // "3 处设施反复故障" / "3 assets failing again"
      return `${formatNumber(lang, alert.value)} ${t('repeat')}`;
    case 'anomaly':
    case 'cluster': {
      const a = alert.anomaly!;
      const labels = a.category === undefined ? undefined : CASE_CATEGORIES[a.layer].labels[a.category];
      const what = labels ? `${translate(lang, CASES_TITLE[a.layer])}·${label(lang, labels)}` : translate(lang, CASES_TITLE[a.layer]);
      return `${what}${sep}${translate(lang, `anomalyWindow_${a.window}`)}${sep}${t(alert.kind)}: ${formatNumber(lang, alert.value)} (${translate(lang, 'usualRange')}${sep}${formatNumber(lang, a.low)}–${formatNumber(lang, a.high)})`;
    }
  }
}

/**
 * The alert ticker: as many alerts as the wall is wide, a page at a time, turning every few
 * seconds (nothing scrolls out of sight half-read); each can be acknowledged.
 */
export function AlertTicker({
  lang,
  alerts,
  acknowledged,
  onAcknowledge,
  caseAlertsUnavailable,
  warningsUnavailable = false,
}: {
  lang: Lang;
  alerts: readonly WallAlert[];
  acknowledged: ReadonlySet<string>;
  onAcknowledge: (incident: string) => void;
  /** The server's patch and railway alerts could not be read (source=server). */
  caseAlertsUnavailable: CaseAlertsUnavailable | null;
  /** The early warnings could not be computed (the server does not compute them yet). */
  warningsUnavailable?: boolean;
}) {
  const townName = useTownName();
  const perPage = Math.max(2, Math.floor(window.innerWidth / (window.innerHeight * 0.5)));
  const pages = Math.max(1, Math.ceil(alerts.length / perPage));
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (pages <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), PAGE_MS);
    return () => clearInterval(timer);
  }, [pages]);
  const first = (page % pages) * perPage;
  const unacknowledged = alerts.filter((a) => !acknowledged.has(a.incident)).length;
  return (
    <footer className="wall-ticker" data-testid="alert-ticker" data-count={alerts.length} data-unacknowledged={unacknowledged} aria-live="polite">
      <span className="wall-ticker__count">
        ⚠ {translate(lang, 'wall_alerts')} {formatNumber(lang, alerts.length)}
        {pages > 1 && ` · ${(page % pages) + 1}/${pages}`}
      </span>
      {caseAlertsUnavailable && (
        <span className="wall-ticker__unavailable" data-testid="case-alerts-unavailable" data-last-good={caseAlertsUnavailable.lastGoodAt ?? ''}>
          ⚠ {translate(lang, 'wall_caseAlertsUnavailable')}
          {caseAlertsUnavailable.lastGoodAt !== null && ` · ${translate(lang, 'wall_caseAlertsLastGood')} ${formatClockTime(caseAlertsUnavailable.lastGoodAt)}`}
        </span>
      )}
      {warningsUnavailable && (
        <span className="wall-ticker__unavailable" data-testid="warnings-unavailable">
          ⚠ {translate(lang, 'wall_warningsUnavailable')}
        </span>
      )}
      {alerts.length === 0 && !caseAlertsUnavailable && !warningsUnavailable && <span className="wall-ticker__empty">{translate(lang, 'wall_noAlerts')}</span>}
      <ul className="wall-ticker__list">
        {alerts.slice(first, first + perPage).map((alert) => {
          const done = acknowledged.has(alert.incident);
          return (
            <li key={alert.key} className={`wall-alert wall-alert--${alert.kind}${done ? ' wall-alert--acknowledged' : ''}`} data-alert={alert.key}>
              <span className="wall-alert__text">
                <strong>{townName(alert.town)}</strong> {describe(lang, alert)}
              </span>
              <button type="button" disabled={done} onClick={() => onAcknowledge(alert.incident)}>
                {translate(lang, done ? 'wall_acknowledged' : 'wall_acknowledge')}
              </button>
            </li>
          );
        })}
      </ul>
    </footer>
  );
}
