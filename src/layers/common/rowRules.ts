import type { z } from 'zod';

/**
 * A check across a feature's properties (a case's stages in order, a unit that fits its category),
 * naming the fields it reads. Times reach it as ISO text from GeoJSON and as epoch milliseconds
 * from columns: a rule compares them through `timeValue`.
 */
export interface RowRule<P> {
  fields: readonly (keyof P & string)[];
  check: (p: P, ctx: z.RefinementCtx) => void;
}

const RULES = new WeakMap<z.ZodType, readonly RowRule<never>[]>();

/**
 * The object schema refined by its row rules, which stay readable (rowRulesOf): GeoJSON features are
 * checked by the schema as a whole, columns field by field over their distinct values, then by row.
 */
export function withRowRules<S extends z.ZodObject>(schema: S, ...rules: RowRule<z.infer<S>>[]): S {
  let refined = schema;
  for (const rule of rules) refined = refined.superRefine(rule.check) as S;
  RULES.set(refined, rules as readonly RowRule<never>[]);
  return refined;
}

export function rowRulesOf(schema: z.ZodType): readonly RowRule<Record<string, unknown>>[] {
  return (RULES.get(schema) ?? []) as readonly RowRule<Record<string, unknown>>[];
}

/** A time as epoch milliseconds, whether it arrives as text or as a number already. */
export const timeValue = (v: string | number): number => (typeof v === 'number' ? v : Date.parse(v));
