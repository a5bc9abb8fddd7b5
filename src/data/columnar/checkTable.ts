import { z } from 'zod';
import { COLLECTIONS, type CollectionId } from '../../layers/registry';
import { rowRulesOf } from '../../layers/common/rowRules';
import type { FeatureIssue } from '../errors';
import { err, ok, type Result } from '../result';
import { encodeTable } from './encodeTable';
import { ABSENT, GEOMETRY_TYPES, NULL, PRESENT, type Column, type FeatureTable } from './featureTable';
import { featuresOf, idAt, valueAt } from './readTable';
import { numberedText } from './numberedText';
import { timeText } from './timeText';

/**
 * Checks a table that arrived as columns (an Arrow file) against its collection's schema, as
 * validateFeatureCollection checks GeoJSON, at the cost of the distinct values rather than of every
 * feature: each field's schema runs once per dictionary entry or distinct number, times are checked
 * as numbers, then the schema's row rules run per feature. A feature that fails is refused with the
 * reason, as from GeoJSON; a table whose layout is broken (offsets out of range) is refused whole.
 */
export function checkTable(id: CollectionId, table: FeatureTable): Result<{ table: FeatureTable; rejected: FeatureIssue[] }, string> {
  const layout = layoutProblem(table);
  if (layout) return err(layout);
  const schema = COLLECTIONS[id].properties;
  if (!(schema instanceof z.ZodObject)) return err(`${id}: the schema is not an object`);
  const shape = schema.shape as Record<string, z.ZodType>;
  const problems = new Map<number, { field: string; message: string }>();
  const refuse = (row: number, field: string, message: string) => {
    if (!problems.has(row)) problems.set(row, { field, message });
  };
  if (table.ids && (table.ids.kind === 'json' || table.ids.kind === 'boolean')) return err(`${id}: feature ids must be text or numbers`);
  checkGeometry(id, table, refuse);
  for (const [field, fieldSchema] of Object.entries(shape)) checkField(table, field, fieldSchema, refuse);
  checkRows(table, schema, problems, refuse);
  const kept = Object.keys(table.properties).filter((k) => Object.hasOwn(shape, k));
  const extra = kept.length !== Object.keys(table.properties).length;
  if (!problems.size && !extra) return ok({ table, rejected: [] });
  const rejected: FeatureIssue[] = [...problems.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, p]) => ({ collection: id, index, featureId: idAt(table, index), ...p }));
  const properties = Object.fromEntries(kept.map((k) => [k, table.properties[k]])) as Record<string, Column>;
  const narrowed = { ...table, properties };
  if (!problems.size) return ok({ table: narrowed, rejected });
  const rows = Array.from({ length: table.length }, (_, i) => i).filter((i) => !problems.has(i));
  return ok({ table: encodeTable(id, featuresOf(narrowed, rows)), rejected });
}

type Refuse = (row: number, field: string, message: string) => void;

const firstIssue = (result: z.ZodSafeParseResult<unknown>): string | null => (result.success ? null : (result.error.issues[0]?.message ?? 'invalid'));

/** One field over every feature: its schema once per distinct value, once for null and once for absent. */
function checkField(table: FeatureTable, field: string, schema: z.ZodType, refuse: Refuse): void {
  const n = table.length;
  const column = Object.hasOwn(table.properties, field) ? table.properties[field] : undefined;
  const ask = (value: unknown) => firstIssue(schema.safeParse(value));
  if (!column) {
    const issue = ask(undefined);
    if (issue) for (let i = 0; i < n; i++) refuse(i, field, issue);
    return;
  }
  const missing = column.missing;
  const whenNull = missing?.includes(NULL) ? ask(null) : null;
  const whenAbsent = missing?.includes(ABSENT) ? ask(undefined) : null;
  const issueOfPresent = presentChecker(column, ask);
  for (let i = 0; i < n; i++) {
    const state = missing ? missing[i] : PRESENT;
    const issue = state === NULL ? whenNull : state === ABSENT ? whenAbsent : issueOfPresent(i);
    if (issue) refuse(i, field, issue);
  }
}

/** The issue with a present value of the column, if any, asking the schema as few times as the encoding allows. */
function presentChecker(column: Column, ask: (value: unknown) => string | null): (i: number) => string | null {
  switch (column.kind) {
    case 'string':
    case 'json': {
      const verdicts = column.dictionary.map((text) => (column.kind === 'string' ? ask(text) : parsedJson(text, ask)));
      return (i) => (column.codes[i] < verdicts.length ? verdicts[column.codes[i]] : 'a dictionary code out of range');
    }
    case 'numbered':
      // Serial numbers are mostly distinct: the text is checked for each feature.
      return (i) => (column.prefixCodes[i] < column.prefixes.length ? ask(numberedText(column, i)) : 'a dictionary code out of range');
    case 'time':
      return timeChecker(column, ask);
    case 'boolean': {
      const verdicts = [ask(false), ask(true)];
      return (i) => (column.values[i] <= 1 ? verdicts[column.values[i]] : 'not a boolean');
    }
    case 'number': {
      const verdicts = new Map<number, string | null>();
      return (i) => {
        const v = column.values[i];
        let verdict = verdicts.get(v);
        if (verdict === undefined) verdicts.set(v, (verdict = ask(v)));
        return verdict;
      };
    }
  }
}

function parsedJson(text: string, ask: (value: unknown) => string | null): string | null {
  try {
    return ask(JSON.parse(text));
  } catch {
    return 'not JSON text';
  }
}

/**
 * Times are numbers written back as ISO text of one offset: any whole millisecond within the years
 * 0000-9999 (whole seconds unless the column writes milliseconds) makes text of the same form, so
 * the field's schema is asked about the first time only, and every time is checked as a number.
 */
function timeChecker(column: Extract<Column, { kind: 'time' }>, ask: (value: unknown) => string | null): (i: number) => string | null {
  const shift = column.offsetMinutes * 60_000;
  const earliest = Date.UTC(0, 0, 1) - shift;
  const latest = Date.UTC(9999, 11, 31, 23, 59, 59, 999) - shift;
  let asked = false;
  let form: string | null = null;
  return (i) => {
    const v = column.values[i];
    if (!Number.isInteger(v) || v < earliest || v > latest) return 'not a time between the years 0000 and 9999';
    if (!column.millis && v % 1000 !== 0) return 'a time with milliseconds in a column written without them';
    if (!asked) {
      asked = true;
      form = ask(timeText(v, column.offsetMinutes, column.millis));
    }
    return form;
  };
}

/** The schema's row rules over each feature still standing, filled with the fields they read (times as epoch milliseconds). */
function checkRows(table: FeatureTable, schema: z.ZodType, problems: ReadonlyMap<number, unknown>, refuse: Refuse): void {
  for (const rule of rowRulesOf(schema)) {
    const columns = rule.fields.map((f) => [f, Object.hasOwn(table.properties, f) ? table.properties[f] : undefined] as const);
    const row: Record<string, unknown> = {};
    let at = 0;
    const ctx = {
      value: row,
      issues: [],
      addIssue(issue: { path?: PropertyKey[]; message?: string } | string) {
        const i = typeof issue === 'string' ? { message: issue } : issue;
        refuse(at, i.path?.length ? i.path.join('.') : '(feature)', i.message ?? 'invalid');
      },
    } as unknown as z.RefinementCtx;
    for (at = 0; at < table.length; at++) {
      if (problems.has(at)) continue;
      for (const [f, c] of columns) row[f] = c ? valueAt(c, at, EPOCH_TIMES) : undefined;
      rule.check(row, ctx);
    }
  }
}

const EPOCH_TIMES = { epochTimes: true };

const ALLOWED_TYPES = {
  point: ['Point'],
  line: ['LineString', 'MultiLineString'],
  polygon: ['Polygon', 'MultiPolygon'],
} as const;

/** Offsets that start at 0, never fall and end where the next level does: else nothing can be read. */
function layoutProblem(table: FeatureTable): string | null {
  const g = table.geometry;
  const n = table.length;
  const positions = g.coordinates.length / g.dimensions;
  if (g.types.length !== n) return 'geometry: one type per feature expected';
  if (!Number.isInteger(positions)) return 'geometry: coordinates do not divide into positions';
  if (!g.offsets) return positions === n ? null : 'geometry: one position per feature expected';
  const levels: [string, Uint32Array, number][] = [
    ['features', g.offsets.parts, g.offsets.rings.length - 1],
    ['parts', g.offsets.rings, g.offsets.positions.length - 1],
    ['rings', g.offsets.positions, positions],
  ];
  if (g.offsets.parts.length !== n + 1) return 'geometry: one offset per feature expected';
  for (const [level, offsets, end] of levels) {
    if (offsets[0] !== 0 || offsets[offsets.length - 1] !== end) return `geometry: the ${level}' offsets do not span their values`;
    for (let i = 1; i < offsets.length; i++) if (offsets[i] < offsets[i - 1]) return `geometry: the ${level}' offsets go backwards`;
  }
  return null;
}

/** Each feature's geometry as the schema's geometry would check it: type, part and ring sizes, closed rings, coordinates on the globe. */
function checkGeometry(id: CollectionId, table: FeatureTable, refuse: Refuse): void {
  const kind = COLLECTIONS[id].geometry;
  const allowed = new Set<number>(ALLOWED_TYPES[kind].map((t) => GEOMETRY_TYPES.indexOf(t)));
  const g = table.geometry;
  const d = g.dimensions;
  const c = g.coordinates;
  const badPosition = (p: number) => {
    const lon = c[p * d];
    const lat = c[p * d + 1];
    // NaN altitude is a position without one; an infinite one is not a number JSON can hold.
    return !(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90) || (d === 3 && Math.abs(c[p * d + 2]) === Infinity);
  };
  for (let i = 0; i < table.length; i++) {
    const type = GEOMETRY_TYPES[g.types[i]] as string | undefined;
    if (!allowed.has(g.types[i])) {
      refuse(i, 'geometry', `${type ?? 'an unknown'} geometry where ${ALLOWED_TYPES[kind].join(' or ')} is expected`);
      continue;
    }
    if (!g.offsets) {
      if (badPosition(i)) refuse(i, 'geometry.coordinates', 'a position off the globe');
      continue;
    }
    const { parts, rings, positions } = g.offsets;
    const partCount = parts[i + 1] - parts[i];
    const single = type === 'Point' || type === 'LineString' || type === 'Polygon';
    if (partCount === 0 || (single && partCount !== 1)) refuse(i, 'geometry.coordinates', `a ${type} with ${partCount} parts`);
    for (let part = parts[i]; part < parts[i + 1]; part++) {
      const ringCount = rings[part + 1] - rings[part];
      if (ringCount === 0 || (kind !== 'polygon' && ringCount !== 1)) refuse(i, 'geometry.coordinates', `a part with ${ringCount} rings`);
      for (let ring = rings[part]; ring < rings[part + 1]; ring++) {
        const from = positions[ring];
        const to = positions[ring + 1];
        const least = kind === 'polygon' ? 4 : 2;
        if (kind === 'point' && to - from !== 1) refuse(i, 'geometry.coordinates', `a point with ${to - from} positions`);
        else if (to - from < least) refuse(i, 'geometry.coordinates', `${to - from} positions where at least ${least} are needed`);
        else if (kind === 'polygon' && (c[from * d] !== c[(to - 1) * d] || c[from * d + 1] !== c[(to - 1) * d + 1])) refuse(i, 'geometry.coordinates', 'ring is not closed');
        for (let p = from; p < to; p++) if (badPosition(p)) refuse(i, 'geometry.coordinates', 'a position off the globe');
      }
    }
  }
}

