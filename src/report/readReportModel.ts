import { err, ok, type Result } from '../data/result';
import type { ReportModel } from './reportModel';

declare global {
  interface Window {
    __REPORT_MODEL__?: unknown;
  }
}

/** Where the dashboard leaves a report's model for the report page it opens; read once, then removed. */
export const REPORT_STORAGE_PREFIX = 'citygis-report:';

/** The report's model, checked for the parts the page reads before it draws anything. */
export function readReportModel(w: Pick<Window, '__REPORT_MODEL__' | 'localStorage'>, key: string): Result<ReportModel, string> {
  let raw: unknown = w.__REPORT_MODEL__;
  if (raw === undefined && /^[a-z0-9-]{1,64}$/.test(key)) {
    const stored = w.localStorage.getItem(REPORT_STORAGE_PREFIX + key);
    w.localStorage.removeItem(REPORT_STORAGE_PREFIX + key);
    try {
      raw = stored === null ? undefined : (JSON.parse(stored) as unknown);
    } catch {
      raw = undefined;
    }
  }
  const m = raw as Partial<ReportModel> | undefined;
  const shaped =
    m && typeof m === 'object' && (m.lang === 'zh' || m.lang === 'en') && typeof m.title === 'string' && typeof m.periodText === 'string' && Array.isArray(m.towns) && m.detail?.answer && m.config?.scoring;
  if (!shaped) return err('没有可显示的考核报告：请从仪表盘的“考核评价”中打开。 No report to show: open it from the dashboard’s Assessment panel.');
  return ok(m as ReportModel);
}
