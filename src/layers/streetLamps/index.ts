import type { CollectionDefinition, DomainLayerDefinition, LayerStyle } from '../common/definition';
import { lampFaultProperties, poleProperties, poleStatus } from './schema';

export const streetLampCollections = {
  lamps: { title: { zh: '路灯', en: 'Street lamps' }, geometry: 'point', properties: poleProperties },
  'lamp-faults': {
    title: { zh: '路灯故障', en: 'Lamp faults' },
    geometry: 'point',
    properties: lampFaultProperties,
    timeField: 'reportedAt',
  },
} as const satisfies Record<string, CollectionDefinition>;

const style: LayerStyle<(typeof poleStatus.values)[number]> = {
  classField: 'status',
  classes: poleStatus,
  colors: { normal: [255, 196, 0, 220], faulty: [230, 30, 40, 255], repairing: [255, 120, 0, 255] },
};

export const streetLampsLayer = {
  title: { zh: '路灯', en: 'Street lamps' },
  features: 'lamps',
  cases: 'lamp-faults',
  style,
} as const satisfies DomainLayerDefinition;
