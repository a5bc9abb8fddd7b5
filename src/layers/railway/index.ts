import type { CollectionDefinition, DomainLayerDefinition, LayerStyle } from '../common/definition';
import { corridorProperties, issueCategory, railwayIssueProperties, railwayProperties } from './schema';

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
};

export const railwayLayer = {
  title: { zh: '铁路沿线', en: 'Railway corridor' },
  features: 'railway-issues',
  cases: 'railway-issues',
  style,
} as const satisfies DomainLayerDefinition;
