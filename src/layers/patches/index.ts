import { caseAssessmentDisplays } from '../common/assessmentFields';
import type { CollectionDefinition, DomainLayerDefinition, FieldDisplays, LayerStyle } from '../common/definition';
import { deadlineField, idField, townField } from '../common/fields';
import { changeType, landType, patchProperties, patchStatus, type PatchProperties } from './schema';

export const patchCollections = {
  patches: {
    title: { zh: '卫星遥感图斑', en: 'Satellite violation patches' },
    geometry: 'polygon',
    properties: patchProperties,
    timeField: 'detectedAt',
  },
} as const satisfies Record<string, CollectionDefinition>;

const patchFields: FieldDisplays<PatchProperties> = {
  id: idField,
  batchId: { label: { zh: '下发批次', en: 'Batch' } },
  detectedAt: { label: { zh: '下发时间', en: 'Detected' }, format: 'time' },
  areaM2: { label: { zh: '图斑面积', en: 'Area' }, format: 'area' },
  landType: { label: { zh: '地类', en: 'Land type' }, enum: landType },
  changeType: { label: { zh: '变化类型', en: 'Change' }, enum: changeType },
  townCode: townField,
  village: { label: { zh: '所在村居', en: 'Village' } },
  status: { label: { zh: '核查处置状态', en: 'Status' }, enum: patchStatus },
  verifiedAt: { label: { zh: '核查时间', en: 'Verified' }, format: 'time' },
  rectifyStartedAt: { label: { zh: '整改开始', en: 'Rectification started' }, format: 'time' },
  disposedAt: { label: { zh: '处置完成', en: 'Disposed' }, format: 'time' },
  deadline: deadlineField,
  greenedM2: { label: { zh: '复绿面积', en: 'Greened' }, format: 'area' },
  ...caseAssessmentDisplays,
};

const style: LayerStyle<(typeof patchStatus.values)[number]> = {
  classField: 'status',
  classes: patchStatus,
  colors: {
    pending: [255, 193, 7, 170],
    illegal: [229, 57, 53, 170],
    legal: [67, 160, 71, 150],
    falsePositive: [158, 158, 158, 140],
    rectifying: [255, 112, 67, 170],
    demolished: [30, 136, 229, 160],
    confiscated: [94, 53, 177, 160],
    legalised: [0, 137, 123, 150],
  },
};

export const patchesLayer = {
  title: { zh: '卫星图斑', en: 'Violation patches' },
  features: 'patches',
  cases: 'patches',
  style,
  filters: [
    { field: 'status', title: { zh: '核查处置状态', en: 'Status' }, classes: patchStatus },
    { field: 'landType', title: { zh: '地类', en: 'Land type' }, classes: landType },
    { field: 'changeType', title: { zh: '变化类型', en: 'Change' }, classes: changeType },
  ],
  fields: { features: patchFields, cases: patchFields },
} as const satisfies DomainLayerDefinition;
