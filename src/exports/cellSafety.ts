/** Characters that make a spreadsheet read a cell as a formula (or smuggle one in after a control character). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made inert for Excel, WPS and LibreOffice: one that would start a formula gets a
 * leading apostrophe (shown as text, as spreadsheet users expect). Numbers stay numbers, so a
 * negative figure is not touched.
 */
export function neutraliseCell(value: string | number | null): string | number | null {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}
