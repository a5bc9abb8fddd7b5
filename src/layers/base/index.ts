import type { CollectionDefinition } from '../common/definition';
import { districtProperties, roadProperties, townProperties } from './schema';

export const baseCollections = {
  district: { title: { zh: '区界', en: 'District boundary' }, geometry: 'polygon', properties: districtProperties },
  towns: { title: { zh: '镇街', en: 'Towns and street offices' }, geometry: 'polygon', properties: townProperties },
  roads: { title: { zh: '道路', en: 'Roads' }, geometry: 'line', properties: roadProperties },
} as const satisfies Record<string, CollectionDefinition>;
