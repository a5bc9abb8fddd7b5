import { z } from 'zod';
import { withRowRules } from '../common/rowRules';
import { labelledEnum } from '../common/labels';
import { townCode } from '../common/codes';
import { caseLifecycleShape, lifecycleRule } from '../common/lifecycle';
import { caseAssessmentShape, failedChecksRule } from '../common/assessmentFields';

export const railwayKind = labelledEnum({
  conventional: { zh: '普速铁路', en: 'Conventional railway' },
  highSpeed: { zh: '高速铁路', en: 'High-speed railway' },
});

export const issueCategory = labelledEnum({
  garbage: { zh: '垃圾堆放', en: 'Garbage' },
  dustNet: { zh: '防尘网破损', en: 'Dust net' },
  film: { zh: '塑料薄膜', en: 'Plastic film' },
  dangerousTree: { zh: '危树', en: 'Dangerous trees' },
  illegalStructure: { zh: '违章建筑', en: 'Illegal structure' },
});
export type IssueCategory = (typeof issueCategory.values)[number];

export const quantityUnit = labelledEnum({
  m3: { zh: '立方米', en: 'm³' },
  m2: { zh: '平方米', en: 'm²' },
  tree: { zh: '棵', en: 'trees' },
});

export const UNIT_OF_CATEGORY: Record<IssueCategory, (typeof quantityUnit.values)[number]> = {
  garbage: 'm3',
  dustNet: 'm2',
  film: 'm2',
  dangerousTree: 'tree',
  illegalStructure: 'm2',
};

export const railwayProperties = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  kind: railwayKind.schema,
  /** Approximate km marker at the line's first vertex inside the district. */
  kmOrigin: z.number().min(0),
  lengthKm: z.number().positive(),
});

export const corridorProperties = z.object({
  railwayId: z.string().min(1),
  bufferM: z.number().positive(),
});

export const railwayIssueProperties = withRowRules(
  z.object({
    id: z.string().min(1),
    railwayId: z.string().min(1),
    townCode,
    category: issueCategory.schema,
    quantity: z.number().positive(),
    unit: quantityUnit.schema,
    distanceM: z.number().min(0),
    kmMarker: z.string().regex(/^K\d+\+\d{3}$/, 'expected a km marker such as K372+450'),
    ...caseLifecycleShape,
    ...caseAssessmentShape,
  }),
  lifecycleRule,
  failedChecksRule,
  {
    fields: ['category', 'unit'],
    check(p, ctx) {
      if (UNIT_OF_CATEGORY[p.category] !== p.unit) {
        ctx.addIssue({ code: 'custom', path: ['unit'], message: `"${p.unit}" is not the unit of ${p.category}` });
      }
    },
  },
);

export type RailwayIssueProperties = z.infer<typeof railwayIssueProperties>;
