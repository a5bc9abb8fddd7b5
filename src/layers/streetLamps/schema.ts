import { z } from 'zod';
import { withRowRules } from '../common/rowRules';
import { labelledEnum } from '../common/labels';
import { townCode } from '../common/codes';
import { caseLifecycleShape, lifecycleRule } from '../common/lifecycle';
import { caseAssessmentShape, failedChecksRule } from '../common/assessmentFields';

export const lampType = labelledEnum({
  led: { zh: 'LED灯', en: 'LED' },
  sodium: { zh: '高压钠灯', en: 'High-pressure sodium' },
  metalHalide: { zh: '金卤灯', en: 'Metal halide' },
  solarLed: { zh: '太阳能LED灯', en: 'Solar LED' },
});

export const poleStatus = labelledEnum({
  normal: { zh: '正常', en: 'Normal' },
  faulty: { zh: '故障', en: 'Faulty' },
  repairing: { zh: '维修中', en: 'Under repair' },
});

export const faultCause = labelledEnum({
  lightSource: { zh: '光源损坏', en: 'Light source failure' },
  cable: { zh: '线路故障', en: 'Cable fault' },
  controller: { zh: '控制器故障', en: 'Controller fault' },
  power: { zh: '供电故障', en: 'Power supply' },
  pole: { zh: '灯杆损坏', en: 'Pole damage' },
  vandalism: { zh: '人为破坏', en: 'Vandalism or theft' },
});

export const poleProperties = z.object({
  id: z.string().min(1),
  road: z.string().min(1),
  townCode,
  lampCount: z.number().int().min(1).max(8),
  lampType: lampType.schema,
  powerW: z.number().int().positive(),
  installedYear: z.number().int().min(1980).max(2030),
  status: poleStatus.schema,
  /** One of the 914 poles on 经十东路, 开先大道 and 龙泉路 given a safety retrofit in 2021. */
  retrofit2021: z.boolean(),
});

export const lampFaultProperties = withRowRules(
  z.object({
    id: z.string().min(1),
    assetId: z.string().min(1),
    townCode,
    cause: faultCause.schema,
    lampsAffected: z.number().int().min(1),
    ...caseLifecycleShape,
    ...caseAssessmentShape,
  }),
  lifecycleRule,
  failedChecksRule,
);

export type PoleProperties = z.infer<typeof poleProperties>;
export type LampFaultProperties = z.infer<typeof lampFaultProperties>;
