import { caseAssessmentDisplays } from '../common/assessmentFields';
import type { CollectionDefinition, DomainLayerDefinition, FieldDisplays, LayerStyle } from '../common/definition';
import { caseStatus } from '../common/lifecycle';
import { idField, lifecycleFields, townField } from '../common/fields';
import { corridorProperties, issueCategory, quantityUnit, railwayIssueProperties, railwayProperties, type RailwayIssueProperties } from './schema';

export const railwayCollections = {
  railways: { title: { zh: '铁路线', en: 'Railway lines' }, geometry: 'line', properties: railwayProperties },
  'railway-corridor': {
    title: { zh: '铁路沿线管控区', en: 'Railway corridor' },
    geometry: 'polygon',
    properties: corridorProperties,
  },
  'railway-issues': {
    title: { zh: '铁路沿线问题', en: 'Railway corridor issues' },
    geometry: 'point',
    properties: railwayIssueProperties,
    timeField: 'reportedAt',
  },
} as const satisfies Record<string, CollectionDefinition>;

const issueFields: FieldDisplays<RailwayIssueProperties> = {
  id: idField,
  railwayId: { label: { zh: '铁路线', en: 'Railway' } },
  townCode: townField,
  category: { label: { zh: '问题类别', en: 'Category' }, enum: issueCategory },
  quantity: { label: { zh: '数量', en: 'Quantity' } },
  unit: { label: { zh: '单位', en: 'Unit' }, enum: quantityUnit },
  distanceM: { label: { zh: '距线路', en: 'From the track' }, unit: { zh: '米', en: 'm' } },
  kmMarker: { label: { zh: '里程', en: 'Km marker' } },
  ...lifecycleFields,
  ...caseAssessmentDisplays,
};

const style: LayerStyle<(typeof issueCategory.values)[number]> = {
  classField: 'category',
  classes: issueCategory,
  colors: {
    garbage: [141, 110, 99, 230],
    dustNet: [102, 187, 106, 230],
    film: [236, 239, 241, 230],
    dangerousTree: [46, 125, 50, 230],
    illegalStructure: [211, 47, 47, 230],
  },
  radius: 25,
};

export const railwayLayer = {
  title: { zh: '铁路沿线', en: 'Railway corridor' },
  features: 'railway-issues',
  cases: 'railway-issues',
  style,
  filters: [
    { field: 'category', title: { zh: '问题类别', en: 'Category' }, classes: issueCategory },
    { field: 'status', title: { zh: '案件状态', en: 'Case status' }, classes: caseStatus },
  ],
  fields: { features: issueFields, cases: issueFields },
} as const satisfies DomainLayerDefinition;
