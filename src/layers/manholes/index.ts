import type { CollectionDefinition, DomainLayerDefinition, LayerStyle } from '../common/definition';
import { manholeDefectProperties, manholeKind, manholeProperties } from './schema';

export const manholeCollections = {
  manholes: { title: { zh: '窨井盖', en: 'Manhole covers' }, geometry: 'point', properties: manholeProperties },
  'manhole-defects': {
    title: { zh: '井盖病害', en: 'Manhole defects' },
    geometry: 'point',
    properties: manholeDefectProperties,
    timeField: 'reportedAt',
  },
} as const satisfies Record<string, CollectionDefinition>;

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
};

export const manholesLayer = {
  title: { zh: '窨井盖', en: 'Manhole covers' },
  features: 'manholes',
  cases: 'manhole-defects',
  style,
} as const satisfies DomainLayerDefinition;
