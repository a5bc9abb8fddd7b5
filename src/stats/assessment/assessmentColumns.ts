/** Sources counted as reports by the public (监督举报): the 12345 hotline and the citizens' app. */
export const CASE_SOURCES = ['patrol', 'hotline', 'app', 'sensor'] as const;
export const PUBLIC_SOURCES: ReadonlySet<number> = new Set([1, 2]);
export const ABSENT_CODE = 0xffff;
export const UNKNOWN_SOURCE = 255;

/**
 * A case table's assessment fields, in its order: the 小类 and responsible unit as indexes into
 * their dictionaries (ABSENT_CODE where the file had none), the failed checks, the source.
 */
export interface AssessmentColumns {
  categoryCode: Uint16Array;
  categoryCodes: string[];
  unit: Uint16Array;
  units: string[];
  reworks: Uint8Array;
  source: Uint8Array;
}

export function emptyAssessmentColumns(n: number): AssessmentColumns {
  return { categoryCode: new Uint16Array(n).fill(ABSENT_CODE), categoryCodes: [], unit: new Uint16Array(n).fill(ABSENT_CODE), units: [], reworks: new Uint8Array(n), source: new Uint8Array(n).fill(UNKNOWN_SOURCE) };
}

const sourceIndex = new Map<unknown, number>(CASE_SOURCES.map((s, i) => [s, i]));

/** Writes case `i`'s fields from its properties (absent ones stay absent). */
export function setAssessmentFields(columns: AssessmentColumns, i: number, p: Record<string, unknown>, dictionaries: { codes: Map<string, number>; units: Map<string, number> }): void {
  const code = p.categoryCode;
  if (typeof code === 'string') columns.categoryCode[i] = indexIn(dictionaries.codes, columns.categoryCodes, code);
  const unit = p.responsibleUnit;
  if (typeof unit === 'string') columns.unit[i] = indexIn(dictionaries.units, columns.units, unit);
  const reworks = p.reworks;
  if (typeof reworks === 'number' && reworks > 0) columns.reworks[i] = Math.min(255, reworks);
  columns.source[i] = sourceIndex.get(p.source) ?? UNKNOWN_SOURCE;
}

function indexIn(map: Map<string, number>, list: string[], value: string): number {
  let k = map.get(value);
  if (k === undefined) {
    if (list.length >= ABSENT_CODE) return ABSENT_CODE;
    k = list.length;
    list.push(value);
    map.set(value, k);
  }
  return k;
}
