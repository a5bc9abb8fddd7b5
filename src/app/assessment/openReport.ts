import type { AssessmentConfig } from '../../assessment/config';
import { translate, type Lang } from '../../i18n';
import { buildReportModel } from '../../report/reportModel';
import { REPORT_STORAGE_PREFIX } from '../../report/readReportModel';
import type { Period } from '../../stats/assessment/periods';
import type { AssessmentDetail } from '../../stats/assessment/report';
import { selectFeatures } from '../../state/store';
import { currentExport } from '../exports/exportContext';

/**
 * Opens the printable report of the period in a new tab: its model is left in localStorage under a
 * one-time key the report page reads and removes. Called from the click itself, so no pop-up blocker
 * stops it. Gives the reason when it cannot.
 */
export function openAssessmentReport(detail: AssessmentDetail, period: Period, config: AssessmentConfig, lang: Lang): string | null {
  const now = Date.now();
  const { state, context } = currentExport(lang, now);
  const towns = selectFeatures(state, 'towns').map((t) => ({ code: t.properties.code, name: lang === 'zh' ? t.properties.name : t.properties.nameEn, geometry: t.geometry }));
  const model = buildReportModel({ lang, title: translate(lang, 'district'), period, generatedAt: now, dataVersion: context.dataVersion, config, detail, towns });
  const key = crypto.randomUUID();
  try {
    // A report left unread (its tab never opened) goes when the next is made.
    for (const stale of Object.keys(window.localStorage).filter((k) => k.startsWith(REPORT_STORAGE_PREFIX))) window.localStorage.removeItem(stale);
    window.localStorage.setItem(REPORT_STORAGE_PREFIX + key, JSON.stringify(model));
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  const base = (import.meta.env.BASE_URL ?? '/').replace(/\/$/, '');
  window.open(`${base}/report.html#${key}`, '_blank', 'noopener');
  return null;
}
