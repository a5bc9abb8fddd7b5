import type { Lang } from '../../i18n';
import { label } from '../../i18n';
import { METRIC_GROUPS, type MetricGroup } from '../../stats/townMetrics';
import type { TownRowSet } from '../../stats/townMetrics';
import { neutraliseCell } from '../cellSafety';
import { contextLines, definitionLines, metricsOf, townStatsTable, type ExportContext } from '../townStatsTable';

const SHEET_NAMES = { summary: { zh: '汇总', en: 'Summary' }, metadata: { zh: '说明', en: 'About' } };
const SUMMARY_METRICS = ['lightingRate', 'openDefects', 'patchesDetected', 'railwayOpen', 'closureRate', 'overdueCases'] as const;

/**
 * Town statistics as an Excel workbook: a summary sheet, one sheet per layer, and a sheet stating
 * the filters, range, data version, generation time and the definition of every metric. ExcelJS is
 * loaded only when a workbook is made (it is large).
 */
export async function townStatsXlsx(rows: TownRowSet, townName: (code: string) => string, context: ExportContext, lang: Lang): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.created = new Date();
  book.title = context.range;
  const addTable = (name: string, metrics: readonly (typeof SUMMARY_METRICS)[number][] | ReturnType<typeof metricsOf>) => {
    const table = townStatsTable(rows, townName, lang, metrics);
    const sheet = book.addWorksheet(name);
    sheet.addRow(table.headers.map(neutraliseCell)).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(neutraliseCell));
    sheet.columns.forEach((c, i) => (c.width = i < 2 ? 14 : 16));
    sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  };
  addTable(label(lang, SHEET_NAMES.summary), SUMMARY_METRICS);
  for (const group of Object.keys(METRIC_GROUPS) as MetricGroup[]) addTable(label(lang, METRIC_GROUPS[group]), metricsOf(group));
  const about = book.addWorksheet(label(lang, SHEET_NAMES.metadata));
  for (const line of contextLines(context, lang)) about.addRow(line.map(neutraliseCell));
  about.addRow([]);
  for (const line of definitionLines(lang)) about.addRow(line.map(neutraliseCell));
  about.columns = [{ width: 22 }, { width: 28 }, { width: 90 }];
  return book.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}
