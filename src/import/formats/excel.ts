import type { Cell, Workbook } from 'exceljs';
import { err, type Result } from '../../data/result';
import { formatCst } from '../../layers/common/time';
import { MAX_FEATURES } from '../limits';
import type { FileProblem } from '../problems';
import type { ParsedFile } from '../records';
import { tableRecords } from './csv';

/**
 * A cell as the text a person sees in Excel: a formula's last computed result (never evaluated
 * here), a date as China time, rich text joined, a hyperlink's text, an error as its code.
 */
function cellText(cell: Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return formatCst(v.getTime());
  if (typeof v === 'object') {
    if ('result' in v) return v.result === undefined || v.result === null ? '' : v.result instanceof Date ? formatCst(v.result.getTime()) : typeof v.result === 'object' ? '' : String(v.result);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
    return '';
  }
  return String(v);
}

/** Reads an Excel workbook (.xlsx): the chosen sheet, or the first with rows; its first non-empty row is the header. */
export async function parseExcel(bytes: Uint8Array, sheetName?: string): Promise<Result<ParsedFile, FileProblem>> {
  const { default: ExcelJS } = await import('exceljs');
  const book: Workbook = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (e) {
    return err({ code: 'badArchive', format: 'excel', detail: e instanceof Error ? e.message.slice(0, 160) : String(e) });
  }
  const sheets = book.worksheets.filter((s) => s.state === 'visible' || s.state === undefined);
  const names = sheets.map((s) => s.name);
  const sheet = (sheetName ? sheets.find((s) => s.name === sheetName) : undefined) ?? sheets.find((s) => s.actualRowCount > 1) ?? sheets[0];
  if (!sheet) return err({ code: 'noFeatures' });
  if (sheet.actualRowCount - 1 > MAX_FEATURES) return err({ code: 'tooManyFeatures', count: sheet.actualRowCount - 1, limit: MAX_FEATURES });
  const rows: string[][] = [];
  const width = sheet.actualColumnCount;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)).trim());
    if (cells.some((c) => c !== '')) rows.push(cells);
  });
  if (rows.length === 0) return err({ code: 'empty' });
  return tableRecords(rows[0], rows.slice(1), 'excel', { kind: 'sheet', names, chosen: sheet.name });
}
