import { z } from 'zod';

const label = z.object({ zh: z.string().min(1).max(80), en: z.string().min(1).max(80) });
const code = z.string().regex(/^[A-Za-z0-9-]{1,24}$/, 'letters, digits and "-", at most 24');
const categoryCode = z.string().regex(/^[BS]\d{4}$/, 'B or S and four digits, such as B0102');

/** A time limit: calendar hours, or working days (weekends and the calendar's holidays skipped). */
export const timeLimit = z.union([
  z.strictObject({ hours: z.number().positive().max(24 * 366) }),
  z.strictObject({ workingDays: z.number().int().min(1).max(250) }),
]);
export type TimeLimit = z.infer<typeof timeLimit>;

const day = z.iso.date();
export const INDICATORS_SCORED = ['closureRate', 'onTimeClosureRate', 'onTimeHandlingRate', 'reworkRate', 'publicReportRate'] as const;
export type ScoredIndicator = (typeof INDICATORS_SCORED)[number];

/** `zero` is the rate that scores 0 and `full` the rate that scores 100 (linear between, clamped); `full` below `zero` for rates where lower is better. */
const band = z.strictObject({ zero: z.number().min(0).max(1), full: z.number().min(0).max(1) }).refine((b) => b.zero !== b.full, 'zero and full must differ');

export const assessmentConfigSchema = z
  .object({
    about: z.string().max(2000).optional(),
    majors: z.array(z.strictObject({ code: z.string().regex(/^[BS]\d{2}$/), name: label })).min(1).max(100),
    categories: z
      .array(
        z.strictObject({
          code: categoryCode,
          name: label,
          limit: timeLimit,
          /** Limits for one class of case (a missing cover, a cable fault) within the category. */
          conditions: z.record(code, timeLimit).optional(),
        }),
      )
      .min(1)
      .max(2000),
    units: z.array(z.strictObject({ code, name: label })).max(2000),
    defaults: z.strictObject({
      'lamp-faults': z.strictObject({ category: categoryCode, unit: code }),
      /** A defect's category follows its cover's kind; its unit is the cover's owner, matched by the unit's Chinese name. */
      'manhole-defects': z.strictObject({ category: categoryCode, categoryByKind: z.record(code, categoryCode), unitByOwnerName: z.literal(true) }),
      'railway-issues': z.strictObject({ categoryByClass: z.record(code, categoryCode), unitIsTown: z.literal(true) }),
      patches: z.strictObject({ category: categoryCode, unitIsTown: z.literal(true) }),
    }),
    calendar: z.strictObject({
      about: z.string().max(2000).optional(),
      /** ISO weekdays (1 Monday … 7 Sunday) that are not working days. */
      weekend: z.array(z.number().int().min(1).max(7)).max(6),
      /** Days off besides the weekend (public holidays). */
      holidays: z.array(day).max(5000),
      /** Weekend days worked (make-up working days). */
      workdays: z.array(day).max(5000),
    }),
    scoring: z.strictObject({
      weights: z.strictObject(Object.fromEntries(INDICATORS_SCORED.map((k) => [k, z.number().min(0).max(1000)])) as Record<ScoredIndicator, z.ZodNumber>),
      bands: z.strictObject(Object.fromEntries(INDICATORS_SCORED.map((k) => [k, band])) as Record<ScoredIndicator, typeof band>),
      /** A town or unit with fewer cases due in the period is listed but not ranked. */
      minCases: z.number().int().min(1).max(100_000),
      /** How many of the last ranked towns are flagged (the bureau's 末位), and of the last ranked responsible units. */
      flagBottom: z.number().int().min(0).max(100),
      flagBottomUnits: z.number().int().min(0).max(100),
    }),
  })
  .superRefine((c, ctx) => {
    const majors = new Set(c.majors.map((m) => m.code));
    const codes = new Set<string>();
    c.categories.forEach((cat, i) => {
      if (codes.has(cat.code)) ctx.addIssue({ code: 'custom', path: ['categories', i, 'code'], message: `${cat.code} is listed twice` });
      codes.add(cat.code);
      if (!majors.has(cat.code.slice(0, 3))) ctx.addIssue({ code: 'custom', path: ['categories', i, 'code'], message: `its 大类 ${cat.code.slice(0, 3)} is not in majors` });
    });
    const units = new Set<string>();
    c.units.forEach((u, i) => {
      if (units.has(u.code)) ctx.addIssue({ code: 'custom', path: ['units', i, 'code'], message: `${u.code} is listed twice` });
      units.add(u.code);
    });
    const known = (path: (string | number)[], value: string, set: Set<string>, what: string) => {
      if (!set.has(value)) ctx.addIssue({ code: 'custom', path, message: `${what} ${value} is not listed` });
    };
    known(['defaults', 'lamp-faults', 'category'], c.defaults['lamp-faults'].category, codes, 'category');
    known(['defaults', 'lamp-faults', 'unit'], c.defaults['lamp-faults'].unit, units, 'unit');
    known(['defaults', 'manhole-defects', 'category'], c.defaults['manhole-defects'].category, codes, 'category');
    known(['defaults', 'patches', 'category'], c.defaults.patches.category, codes, 'category');
    for (const [k, v] of Object.entries(c.defaults['manhole-defects'].categoryByKind)) known(['defaults', 'manhole-defects', 'categoryByKind', k], v, codes, 'category');
    for (const [k, v] of Object.entries(c.defaults['railway-issues'].categoryByClass)) known(['defaults', 'railway-issues', 'categoryByClass', k], v, codes, 'category');
    if (Object.values(c.scoring.weights).every((w) => w === 0)) ctx.addIssue({ code: 'custom', path: ['scoring', 'weights'], message: 'at least one weight must be above 0' });
  });

export type AssessmentConfig = z.infer<typeof assessmentConfigSchema>;

export type ConfigResult = { ok: true; config: AssessmentConfig } | { ok: false; problems: string[] };

/** Checks an assessment file; its problems name where they are, as errors to show (never thrown). */
export function parseAssessmentConfig(file: unknown): ConfigResult {
  const parsed = assessmentConfigSchema.safeParse(file);
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problems: parsed.error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`) };
}
