import { formatCst, parseCst } from '../layers/common/time';
import { cellText } from './excerpt';
import { MAX_VALUE_LENGTH } from './limits';
import type { FeatureProblemReason } from './problems';
import type { TargetField } from './targets';

export type Converted = { ok: true; value: string | number | boolean | string[] | null } | { ok: false; reason: FeatureProblemReason };

/** A plain decimal number as text (no NaN, Infinity or hexadecimal, which Number() would accept). */
export const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', '是', '√', '有']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', '否', '×', '无', '']);

const shown = (raw: unknown) => cellText(raw, 60);

/** Accepts ISO 8601 with an offset, GDAL's text form (2021/03/05 14:20:00+08), or the local forms ledgers use (2021-03-05 14:20, 2021/3/5, 2021年3月5日), read as China time. */
export function parseTimestamp(text: string): string | null {
  const t = text.trim();
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(t)) {
    const ms = Date.parse(t);
    if (Number.isNaN(ms)) return null;
    return formatCst(ms);
  }
  // GDAL writes date-times as text this way (CSV, KML): 2021/03/16 14:00:00+08, 2021/03/16 06:00:00.5+00.
  const gdal = /^(\d{4})\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d)(\.\d+)?([+-])(\d\d)(\d\d)?$/.exec(t);
  if (gdal) {
    const [year, month, day, hour, minute, second, fraction = '', sign, offsetH, offsetM = '00'] = gdal.slice(1);
    return parseTimestamp(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${sign}${offsetH}:${offsetM}`);
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})秒?)?)?$/.exec(t);
  if (!m) return null;
  const [year, month, day, hour = '0', minute = '0', second = '0'] = m.slice(1);
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const ms = parseCst(y, mo, d, h, mi) + s * 1000;
  // Date.UTC rolls 2月30日 over into March: a day that does not exist comes back as another date.
  if (new Date(ms + 8 * 3600_000).getUTCDate() !== d) return null;
  return formatCst(ms);
}

function parseNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const t = raw.trim().replace(/(\d),(?=\d{3}\b)/g, '$1');
  if (!DECIMAL.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

function matchEnum(field: TargetField, text: string): string | null {
  const e = field.enum;
  if (!e) return null;
  const lower = text.trim().toLowerCase();
  for (const v of e.values) {
    const l = e.labels[v];
    if (v.toLowerCase() === lower || l.zh === text.trim() || l.en.toLowerCase() === lower) return v;
  }
  return null;
}

/** The JSON list a cell may hold (the app's CSV writes a list so), else null. */
function jsonList(text: string): unknown[] | null {
  if (!text.trim().startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** A list of times: a JSON list of them (in a file, or as text in a cell), or one cell of them separated by ; 、 or commas. */
function convertTimes(field: TargetField, raw: unknown): Converted {
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? (jsonList(raw) ?? raw.split(/[;；、,，]/).filter((t) => t.trim() !== '')) : null;
  if (items === null) return { ok: false, reason: { code: 'invalidField', field: field.name, detail: 'expected a list of times' } };
  const times: string[] = [];
  for (const item of items) {
    const value = typeof item === 'string' ? parseTimestamp(item) : null;
    if (value === null) return { ok: false, reason: { code: 'badDate', field: field.name, value: shown(item) } };
    times.push(value);
  }
  return { ok: true, value: times.length > 0 ? times : null };
}

/** Turns one cell or property into the value a field's schema expects, or says why it cannot. */
export function convertValue(field: TargetField, raw: unknown): Converted {
  const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
  // An empty cell is filled by the field's fallback, as an unmapped column would be.
  if (empty) return field.required && !field.fallback ? { ok: false, reason: { code: 'missingField', field: field.name } } : { ok: true, value: null };
  if (typeof raw === 'string' && raw.length > MAX_VALUE_LENGTH) return { ok: false, reason: { code: 'tooLong', field: field.name, length: raw.length } };
  if (field.kind === 'times') return convertTimes(field, raw);
  if (typeof raw === 'object') return { ok: false, reason: { code: 'invalidField', field: field.name, detail: `expected a single value, got ${Array.isArray(raw) ? 'a list' : 'an object'}` } };
  switch (field.kind) {
    case 'text':
      return { ok: true, value: String(raw).trim() };
    case 'number':
    case 'integer': {
      const n = parseNumber(raw);
      if (n === null || (field.kind === 'integer' && !Number.isInteger(n))) return { ok: false, reason: { code: 'badNumber', field: field.name, value: shown(raw) } };
      return { ok: true, value: n };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      const word = String(raw).trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, reason: { code: 'badBoolean', field: field.name, value: shown(raw) } };
    }
    case 'enum': {
      const value = matchEnum(field, String(raw));
      if (value === null) return { ok: false, reason: { code: 'unknownValue', field: field.name, value: shown(raw), allowed: [...(field.enum?.values ?? [])] } };
      return { ok: true, value };
    }
    case 'time': {
      const value = typeof raw === 'string' ? parseTimestamp(raw) : null;
      if (value === null) return { ok: false, reason: { code: 'badDate', field: field.name, value: shown(raw) } };
      return { ok: true, value };
    }
  }
}
