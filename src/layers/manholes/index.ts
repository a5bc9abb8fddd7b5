import { caseAssessmentDisplays } from '../common/assessmentFields';
import type { CollectionDefinition, DomainLayerDefinition, FieldDisplays, LayerStyle } from '../common/definition';
import { assetIdField, idField, lifecycleFields, roadField, townField } from '../common/fields';
import {
  coverStatus,
  defectType,
  manholeDefectProperties,
  manholeKind,
  manholeProperties,
  type ManholeDefectProperties,
  type ManholeProperties,
} from './schema';

export const manholeCollections = {
  manholes: { title: { zh: '窨井盖', en: 'Manhole covers' }, geometry: 'point', properties: manholeProperties },
  'manhole-defects': {
    title: { zh: '井盖病害', en: 'Manhole defects' },
    geometry: 'point',
    properties: manholeDefectProperties,
    timeField: 'reportedAt',
  },
} as const satisfies Record<string, CollectionDefinition>;

const coverFields: FieldDisplays<ManholeProperties> = {
  id: idField,
  kind: { label: { zh: '井盖类型', en: 'Kind' }, enum: manholeKind },
  owner: { label: { zh: '权属单位', en: 'Owner' } },
  road: roadField,
  townCode: townField,
  status: { label: { zh: '病害状态', en: 'Defect state' }, enum: coverStatus },
};

const defectFields: FieldDisplays<ManholeDefectProperties> = {
  id: idField,
  assetId: assetIdField,
  townCode: townField,
  defect: { label: { zh: '病害类型', en: 'Defect' }, enum: defectType },
  ...lifecycleFields,
  ...caseAssessmentDisplays,
};

const style: LayerStyle<(typeof manholeKind.values)[number]> = {
  classField: 'kind',
  classes: manholeKind,
  colors: {
    rain: [30, 136, 229, 200],
    sewage: [121, 85, 72, 200],
    water: [0, 172, 193, 200],
    power: [253, 216, 53, 200],
    telecom: [142, 36, 170, 200],
    gas: [244, 81, 30, 200],
    heating: [216, 27, 96, 200],
    other: [120, 144, 156, 200],
  },
  radius: 3,
};

export const manholesLayer = {
  title: { zh: '窨井盖', en: 'Manhole covers' },
  features: 'manholes',
  cases: 'manhole-defects',
  style,
  filters: [
    { field: 'kind', title: { zh: '井盖类型', en: 'Kind' }, classes: manholeKind },
    { field: 'status', title: { zh: '病害状态', en: 'Defect state' }, classes: coverStatus },
  ],
  fields: { features: coverFields, cases: defectFields },
} as const satisfies DomainLayerDefinition;
