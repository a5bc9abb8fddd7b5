import { z } from 'zod';
import type { FieldDisplay } from './definition';

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
};

export const caseAssessmentDisplays: Record<keyof typeof caseAssessmentShape, FieldDisplay> = {
  categoryCode: { label: { zh: '小类编码', en: 'Category code' } },
  responsibleUnit: { label: { zh: '责任单位', en: 'Responsible unit' } },
  reworks: { label: { zh: '返工次数', en: 'Sent back' } },
};
