import Papa from 'papaparse';
import type { Lang } from '../../i18n';
import { neutraliseCell } from '../cellSafety';
import { contextLines, type ExportContext, type TownStatsTable } from '../townStatsTable';

/** UTF-8 byte-order mark: without it Excel on Chinese Windows reads UTF-8 CSV as GBK. */
export const BOM = '\uFEFF';

/**
 * Town statistics as CSV: what the file holds (range, filters, version, time) in label–value
 * lines, a blank line, then the table with one header row. Every text cell is neutralised.
 */
export function townStatsCsv(table: TownStatsTable, context: ExportContext, lang: Lang): string {
  const safe = (cells: (string | number | null)[]) => cells.map((c) => neutraliseCell(c) ?? '');
  const lines = [...contextLines(context, lang).map(safe), [], safe(table.headers), ...table.rows.map(safe)];
  return BOM + Papa.unparse(lines, { newline: '\r\n' });
}

/** Any features' properties as CSV (one row per feature, the union of their keys as columns). */
export function featuresCsv(features: readonly { properties: Record<string, unknown> | null }[], context: ExportContext, lang: Lang): string {
  const keys = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))];
  const cell = (v: unknown) => neutraliseCell(v === null || v === undefined ? '' : typeof v === 'number' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v)) ?? '';
  const lines = [...contextLines(context, lang).map((l) => l.map(cell)), [], keys.map(cell), ...features.map((f) => keys.map((k) => cell(f.properties?.[k])))];
  return BOM + Papa.unparse(lines, { newline: '\r\n' });
}
