import { z } from 'zod';
import { withRowRules } from '../common/rowRules';
import { labelledEnum } from '../common/labels';
import { townCode } from '../common/codes';
import { timestamp } from '../common/time';
import { caseAssessmentShape } from '../common/assessmentFields';

/** pending → illegal | legal | falsePositive; illegal → rectifying → demolished | confiscated | legalised. */
export const patchStatus = labelledEnum({
  pending: { zh: '待核查', en: 'Pending verification' },
  illegal: { zh: '违法违建', en: 'Illegal' },
  legal: { zh: '合法', en: 'Legal' },
  falsePositive: { zh: '误判', en: 'False positive' },
  rectifying: { zh: '整改中', en: 'Rectifying' },
  demolished: { zh: '已拆除', en: 'Demolished' },
  confiscated: { zh: '已没收', en: 'Confiscated' },
  legalised: { zh: '已补办手续', en: 'Legalised' },
});
export type PatchStatus = (typeof patchStatus.values)[number];

export const landType = labelledEnum({
  cultivated: { zh: '耕地', en: 'Cultivated land' },
  construction: { zh: '建设用地', en: 'Construction land' },
  forest: { zh: '林地', en: 'Forest' },
  grassland: { zh: '草地', en: 'Grassland' },
  water: { zh: '水域', en: 'Water' },
  unused: { zh: '未利用地', en: 'Unused land' },
});

export const changeType = labelledEnum({
  newBuilding: { zh: '新增建筑', en: 'New building' },
  extension: { zh: '扩建加层', en: 'Extension' },
  hardening: { zh: '地面硬化', en: 'Ground hardening' },
  excavation: { zh: '挖土采砂', en: 'Excavation' },
  stacking: { zh: '堆放占地', en: 'Stacking' },
});

const VERIFIED: readonly PatchStatus[] = ['illegal', 'legal', 'falsePositive', 'rectifying', 'demolished', 'confiscated', 'legalised'];
const RECTIFYING: readonly PatchStatus[] = ['rectifying', 'demolished', 'confiscated', 'legalised'];
const DISPOSED: readonly PatchStatus[] = ['demolished', 'confiscated', 'legalised'];

export const patchProperties = withRowRules(
  z.object({
    id: z.string().min(1),
    batchId: z.string().regex(/^\d{4}Q[1-4]$/, 'expected a batch id such as 2021Q3'),
    detectedAt: timestamp,
    areaM2: z.number().positive(),
    landType: landType.schema,
    changeType: changeType.schema,
    townCode,
    village: z.string(),
    status: patchStatus.schema,
    verifiedAt: timestamp.nullable(),
    rectifyStartedAt: timestamp.nullable(),
    disposedAt: timestamp.nullable(),
    deadline: timestamp,
    greenedM2: z.number().min(0),
    ...caseAssessmentShape,
  }),
  {
    fields: ['status', 'verifiedAt', 'rectifyStartedAt', 'disposedAt'],
    check(p, ctx) {
      const expect = (field: 'verifiedAt' | 'rectifyStartedAt' | 'disposedAt', set: boolean) => {
        if ((p[field] !== null) !== set) {
          ctx.addIssue({ code: 'custom', path: [field], message: `${set ? 'missing' : 'must be empty'} for status "${p.status}"` });
        }
      };
      expect('verifiedAt', VERIFIED.includes(p.status));
      expect('rectifyStartedAt', RECTIFYING.includes(p.status));
      expect('disposedAt', DISPOSED.includes(p.status));
    },
  },
);

export type PatchProperties = z.infer<typeof patchProperties>;
