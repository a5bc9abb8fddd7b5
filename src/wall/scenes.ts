import type { Label } from '../layers/common/labels';
import { DOMAIN_LAYERS, type DomainLayerId } from '../layers/registry';
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

/** One layer on its own, the district framed, its towns ranked (worst first) on the layer's key metric. */
const layerScene = (layer: DomainLayerId, metric: TownMetricId): Scene => ({
  title: DOMAIN_LAYERS[layer].title,
  layers: [layer],
  frame: 'district',
  hotspots: false,
  panel: { kind: 'ranking', metric, limit: 8 },
});

/** The tour's scenes; a record over every id, so the compiler checks none is left without a definition. */
export const SCENES: Record<SceneId, Scene> = {
  overview: { title: { zh: '全区概览', en: 'District overview' }, layers: ALL, frame: 'district', hotspots: false, panel: { kind: 'sources' } },
  streetLamps: layerScene('streetLamps', 'lightingRate'),
  manholes: layerScene('manholes', 'openDefects'),
  patches: layerScene('patches', 'patchesPending'),
  railway: layerScene('railway', 'railwayOpen'),
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
