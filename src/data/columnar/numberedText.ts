import type { NumberedColumn } from './featureTable';

/** Longest digit run kept as a number: exact in a float64. */
const MAX_DIGITS = 15;

/** Splits "LF-2021-000123" into its prefix's length, its number and its digit count; null without trailing digits. */
export function splitNumbered(text: string): { prefixLength: number; number: number; width: number } | null {
  let start = text.length;
  while (start > 0) {
    const d = text.charCodeAt(start - 1) - 48;
    if (d < 0 || d > 9) break;
    start--;
  }
  const width = text.length - start;
  if (width === 0 || width > MAX_DIGITS) return null;
  let number = 0;
  for (let k = start; k < text.length; k++) number = number * 10 + (text.charCodeAt(k) - 48);
  return { prefixLength: start, number, width };
}

/**
 * Text that is a prefix and a serial number (ids, asset references), kept as a prefix code, a
 * number and a digit count: no string per feature. Null when any value is not of that form.
 */
export function numberedColumn(values: readonly unknown[], missing: Uint8Array | null): NumberedColumn | null {
  const n = values.length;
  const prefixCodes = new Uint32Array(n);
  const numbers = new Float64Array(n);
  const widths = new Uint8Array(n);
  const prefixes: string[] = [];
  const codeOf = new Map<string, number>();
  let last = '';
  let lastCode = -1;
  for (let i = 0; i < n; i++) {
    if (missing && missing[i] !== 0) continue;
    const text = values[i] as string;
    const parts = splitNumbered(text);
    if (!parts) return null;
    // Ids come in runs of one prefix: the last one is checked before a prefix string is made.
    let code = lastCode;
    if (code < 0 || parts.prefixLength !== last.length || !text.startsWith(last)) {
      last = text.slice(0, parts.prefixLength);
      code = codeOf.get(last) ?? -1;
      if (code < 0) {
        code = prefixes.push(last) - 1;
        codeOf.set(last, code);
      }
      lastCode = code;
    }
    prefixCodes[i] = code;
    numbers[i] = parts.number;
    widths[i] = parts.width;
  }
  return { kind: 'numbered', prefixCodes, prefixes, numbers, widths, missing };
}

export function numberedText(column: NumberedColumn, i: number): string {
  return column.prefixes[column.prefixCodes[i]] + String(column.numbers[i]).padStart(column.widths[i], '0');
}

/** Rows by prefix and number, to find a row by its text without making a string per row. */
export type NumberedIndex = Map<string, Map<number, number>>;

export function numberedIndex(column: NumberedColumn, length: number): NumberedIndex {
  const byPrefix = column.prefixes.map(() => new Map<number, number>());
  for (let i = length - 1; i >= 0; i--) if (!column.missing || column.missing[i] === 0) byPrefix[column.prefixCodes[i]].set(column.numbers[i], i);
  return new Map(column.prefixes.map((p, c) => [p, byPrefix[c]]));
}

/** The first row whose text is `text`, if any. */
export function findNumbered(column: NumberedColumn, index: NumberedIndex, text: string): number | undefined {
  const parts = splitNumbered(text);
  if (!parts) return undefined;
  const row = index.get(text.slice(0, parts.prefixLength))?.get(parts.number);
  return row !== undefined && column.widths[row] === parts.width ? row : undefined;
}
