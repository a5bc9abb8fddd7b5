import type { Label } from '../layers/common/labels';
import type { DomainLayerId } from '../layers/registry';
import type { TownMetricId } from '../stats/townMetrics';

export const SCENE_IDS = ['overview', 'streetLamps', 'manholes', 'patches', 'railway', 'worstTowns', 'hotspots', 'rankings'] as const;
export type SceneId = (typeof SCENE_IDS)[number];

/** What the side panel of a scene shows. */
export type ScenePanel =
  | { kind: 'sources' }
  | { kind: 'ranking'; metric: TownMetricId; limit: number }
  | { kind: 'worst'; metrics: TownMetricId[] }
  | { kind: 'hotspots' };

export interface Scene {
  title: Label;
  /** Layers drawn; the others are switched off while the scene shows. */
  layers: readonly DomainLayerId[];
  /** Where the map looks: the whole district, or the town doing worst on the panel's first metric. */
  frame: 'district' | 'worstTown';
  hotspots: boolean;
  panel: ScenePanel;
}

const ALL: readonly DomainLayerId[] = ['streetLamps', 'manholes', 'patches', 'railway'];

/** The tour's scenes; a record over every id, so the compiler checks none is left without a definition. */
export const SCENES: Record<SceneId, Scene> = {
  overview: { title: { zh: '全区概览', en: 'District overview' }, layers: ALL, frame: 'district', hotspots: false, panel: { kind: 'sources' } },
  streetLamps: {
    title: { zh: '路灯', en: 'Street lamps' },
    layers: ['streetLamps'],
    frame: 'district',
    hotspots: false,
    panel: { kind: 'ranking', metric: 'lightingRate', limit: 8 },
  },
  manholes: {
    title: { zh: '窨井盖', en: 'Manhole covers' },
    layers: ['manholes'],
    frame: 'district',
    hotspots: false,
    panel: { kind: 'ranking', metric: 'openDefects', limit: 8 },
  },
  patches: {
    title: { zh: '卫星遥感图斑', en: 'Violation patches' },
    layers: ['patches'],
    frame: 'district',
    hotspots: false,
    panel: { kind: 'ranking', metric: 'patchesPending', limit: 8 },
  },
  railway: {
    title: { zh: '铁路沿线', en: 'Railway corridor' },
    layers: ['railway'],
    frame: 'district',
    hotspots: false,
    panel: { kind: 'ranking', metric: 'railwayOpen', limit: 8 },
  },
  worstTowns: {
    title: { zh: '后三名镇街', en: 'Towns at the bottom' },
    layers: ALL,
    frame: 'worstTown',
    hotspots: false,
    panel: { kind: 'worst', metrics: ['closureRate', 'lightingRate', 'overdueCases'] },
  },
  hotspots: { title: { zh: '热点区域', en: 'Hot spots' }, layers: ALL, frame: 'district', hotspots: true, panel: { kind: 'hotspots' } },
  rankings: {
    title: { zh: '镇街排名', en: 'Town rankings' },
    layers: ALL,
    frame: 'district',
    hotspots: false,
    panel: { kind: 'ranking', metric: 'closureRate', limit: 18 },
  },
};
