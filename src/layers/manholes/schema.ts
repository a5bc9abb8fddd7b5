import { z } from 'zod';
import { withRowRules } from '../common/rowRules';
import { labelledEnum } from '../common/labels';
import { townCode } from '../common/codes';
import { caseLifecycleShape, lifecycleRule } from '../common/lifecycle';
import { caseAssessmentShape, failedChecksRule } from '../common/assessmentFields';

export const manholeKind = labelledEnum({
  rain: { zh: '雨水', en: 'Storm water' },
  sewage: { zh: '污水', en: 'Sewage' },
  water: { zh: '给水', en: 'Water supply' },
  power: { zh: '电力', en: 'Power' },
  telecom: { zh: '通信', en: 'Telecom' },
  gas: { zh: '燃气', en: 'Gas' },
  heating: { zh: '热力', en: 'Heating' },
  other: { zh: '其他', en: 'Other' },
});

export const coverStatus = labelledEnum({
  normal: { zh: '完好', en: 'Sound' },
  defective: { zh: '病害', en: 'Defective' },
});

export const defectType = labelledEnum({
  damaged: { zh: '破损', en: 'Damaged' },
  missing: { zh: '缺失', en: 'Missing' },
  sunken: { zh: '沉陷', en: 'Sunken' },
  loose: { zh: '松动异响', en: 'Loose or noisy' },
});

export const manholeProperties = z.object({
  id: z.string().min(1),
  kind: manholeKind.schema,
  owner: z.string().min(1),
  road: z.string().min(1),
  townCode,
  status: coverStatus.schema,
});

export const manholeDefectProperties = withRowRules(
  z.object({
    id: z.string().min(1),
    assetId: z.string().min(1),
    townCode,
    defect: defectType.schema,
    ...caseLifecycleShape,
    ...caseAssessmentShape,
  }),
  lifecycleRule,
  failedChecksRule,
);

export type ManholeProperties = z.infer<typeof manholeProperties>;
export type ManholeDefectProperties = z.infer<typeof manholeDefectProperties>;
