import { z } from 'zod';
import type { FieldDisplay } from './definition';
import { timeValue, type RowRule } from './rowRules';
import { timestamp } from './time';

/**
 * What the monthly assessment reads from a case besides its stages: its 小类 (a code of
 * public/assessment.json), the unit responsible for it, and how often a failed check sent it back
 * to handling (返工). Optional, and null where a server has none: files written before them load, and
 * the assessment falls back to the defaults of public/assessment.json (no rework).
 */
export const caseAssessmentShape = {
  categoryCode: z.string().regex(/^[BS]\d{4}$/, 'expected a category code such as B0102').nullish(),
  responsibleUnit: z.string().regex(/^[A-Za-z0-9-]{1,24}$/, 'expected a unit code (letters, digits, "-")').nullish(),
  reworks: z.number().int().min(0).max(50).nullish(),
  /** When each failed check sent the case back to handling (stage events between its dispatch and its handling). */
  failedChecks: z.array(timestamp).max(50).nullish(),
};

type Checked = { failedChecks?: readonly (string | number)[] | null; reworks?: number | null; dispatchedAt: string | number | null; handledAt: string | number | null };

/** A case's failed checks come in order, after its dispatch and before the handling that passed, one per rework counted. */
export function checkFailedChecks(p: Checked, ctx: z.RefinementCtx): void {
  const checks = p.failedChecks;
  if (!checks || checks.length === 0) return;
  if (typeof p.reworks === 'number' && p.reworks !== checks.length) ctx.addIssue({ code: 'custom', path: ['reworks'], message: `is ${p.reworks} but ${checks.length} failed checks are listed` });
  const after = p.dispatchedAt === null ? Infinity : timeValue(p.dispatchedAt);
  const before = p.handledAt === null ? Infinity : timeValue(p.handledAt);
  let previous = after;
  for (const check of checks) {
    const t = timeValue(check);
    if (!(t >= previous && t <= before)) {
      ctx.addIssue({ code: 'custom', path: ['failedChecks'], message: 'failed checks must be in order, after the dispatch and before the handling' });
      return;
    }
    previous = t;
  }
}

export const failedChecksRule: RowRule<Checked> = { fields: ['failedChecks', 'reworks', 'dispatchedAt', 'handledAt'], check: checkFailedChecks };

export const caseAssessmentDisplays: Record<keyof typeof caseAssessmentShape, FieldDisplay> = {
  categoryCode: { label: { zh: '小类编码', en: 'Category code' } },
  responsibleUnit: { label: { zh: '责任单位', en: 'Responsible unit' } },
  reworks: { label: { zh: '返工次数', en: 'Sent back' } },
  failedChecks: { label: { zh: '检查未通过', en: 'Failed checks' }, format: 'time' },
};
