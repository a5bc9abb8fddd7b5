import { z } from 'zod';
import { labelledEnum } from '../common/labels';
import { districtCode, townCode } from '../common/codes';

export const districtProperties = z.object({
  code: districtCode,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  areaKm2: z.number().positive(),
  source: z.string(),
});

export const townKind = labelledEnum({
  street: { zh: '街道', en: 'Street office' },
  town: { zh: '镇', en: 'Town' },
});

/** How built-up a town is; drives asset density in the generator and is shown in legends. */
export const townSetting = labelledEnum({
  urban: { zh: '城区', en: 'Urban' },
  suburban: { zh: '城郊', en: 'Suburban' },
  rural: { zh: '平原乡村', en: 'Rural plain' },
  mountain: { zh: '南部山区', en: 'Southern mountains' },
});

export const townProperties = z.object({
  code: townCode,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  kind: townKind.schema,
  setting: townSetting.schema,
  seat: z.tuple([z.number(), z.number()]),
  areaKm2: z.number().positive(),
  /** True for boundaries derived by the generator rather than surveyed. */
  derived: z.boolean(),
});

export const roadClass = labelledEnum({
  arterial: { zh: '主干道', en: 'Arterial' },
  secondary: { zh: '次干道', en: 'Secondary' },
  local: { zh: '支路', en: 'Local street' },
});

export const roadProperties = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  class: roadClass.schema,
  townCode: townCode.nullable(),
});
export type TownProperties = z.infer<typeof townProperties>;
