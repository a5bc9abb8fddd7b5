import type { CollectionDefinition, DomainLayerDefinition, LayerStyle } from '../common/definition';
import { patchProperties, patchStatus } from './schema';

export const patchCollections = {
  patches: {
    title: { zh: '卫星遥感图斑', en: 'Satellite violation patches' },
    geometry: 'polygon',
    properties: patchProperties,
    timeField: 'detectedAt',
  },
} as const satisfies Record<string, CollectionDefinition>;

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
} as const satisfies DomainLayerDefinition;
