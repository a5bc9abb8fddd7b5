import Papa from 'papaparse';
import { BOM } from '../exports/formats/csv';
import { neutraliseCell } from '../exports/cellSafety';
import type { Lang } from '../layers/common/labels';
import type { FeatureProblem } from './problems';
import { reasonText, whereText } from './problemText';

const HEADERS = { zh: ['位置', '序号', '编号', '字段', '原因'], en: ['Where', 'Index', 'ID', 'Field', 'Reason'] };

/** The skipped features as CSV for Excel: where each is, its id, the field and the reason; every cell made inert. */
export function problemReportCsv(problems: readonly FeatureProblem[], tabular: boolean, lang: Lang, fieldName: (field: string) => string = (f) => f): string {
  const rows = problems.map((p) => {
    const field = 'field' in p.reason ? fieldName(p.reason.field) : '';
    return [whereText({ ...p, featureId: null }, tabular, lang), p.index, p.featureId ?? '', field, reasonText(p.reason, lang, fieldName)].map((c) => neutraliseCell(c) ?? '');
  });
  return BOM + Papa.unparse([HEADERS[lang], ...rows], { newline: '\r\n' });
}
