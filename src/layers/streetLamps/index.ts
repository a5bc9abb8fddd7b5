import { caseAssessmentDisplays } from '../common/assessmentFields';
import type { CollectionDefinition, DomainLayerDefinition, FieldDisplays, LayerStyle } from '../common/definition';
import { assetIdField, idField, lifecycleFields, roadField, townField } from '../common/fields';
import { faultCause, lampFaultProperties, lampType, poleProperties, poleStatus, type LampFaultProperties, type PoleProperties } from './schema';

export const streetLampCollections = {
  lamps: { title: { zh: '路灯', en: 'Street lamps' }, geometry: 'point', properties: poleProperties },
  'lamp-faults': {
    title: { zh: '路灯故障', en: 'Lamp faults' },
    geometry: 'point',
    properties: lampFaultProperties,
    timeField: 'reportedAt',
  },
} as const satisfies Record<string, CollectionDefinition>;

const poleFields: FieldDisplays<PoleProperties> = {
  id: idField,
  road: roadField,
  townCode: townField,
  lampCount: { label: { zh: '灯头数', en: 'Lamps' } },
  lampType: { label: { zh: '光源类型', en: 'Lamp type' }, enum: lampType },
  powerW: { label: { zh: '功率', en: 'Power' }, unit: { zh: '瓦', en: 'W' } },
  installedYear: { label: { zh: '安装年份', en: 'Installed' }, format: 'year' },
  status: { label: { zh: '状态', en: 'Status' }, enum: poleStatus },
  retrofit2021: { label: { zh: '2021年安全改造', en: '2021 safety retrofit' }, format: 'boolean' },
};

const faultFields: FieldDisplays<LampFaultProperties> = {
  id: idField,
  assetId: assetIdField,
  townCode: townField,
  cause: { label: { zh: '故障原因', en: 'Cause' }, enum: faultCause },
  lampsAffected: { label: { zh: '影响灯数', en: 'Lamps affected' } },
  ...lifecycleFields,
  ...caseAssessmentDisplays,
};

const style: LayerStyle<(typeof poleStatus.values)[number]> = {
  classField: 'status',
  classes: poleStatus,
  colors: { normal: [255, 196, 0, 220], faulty: [230, 30, 40, 255], repairing: [255, 120, 0, 255] },
  radius: { field: 'lampCount', perSqrt: 4 },
};

export const streetLampsLayer = {
  title: { zh: '路灯', en: 'Street lamps' },
  features: 'lamps',
  cases: 'lamp-faults',
  style,
  filters: [
    { field: 'status', title: { zh: '状态', en: 'Status' }, classes: poleStatus },
    { field: 'lampType', title: { zh: '光源类型', en: 'Lamp type' }, classes: lampType },
  ],
  fields: { features: poleFields, cases: faultFields },
} as const satisfies DomainLayerDefinition;
