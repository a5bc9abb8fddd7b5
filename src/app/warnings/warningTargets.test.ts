import { beforeEach, describe, expect, it } from 'vitest';
import { DOMAIN_LAYERS } from '../../layers/registry';
import { useAppStore } from '../../state/store';
import { openWarningTarget } from '../../state/warningTarget';
import type { Anomaly } from '../../stats/warnings/anomalies';
import { WARNING_LAYERS } from '../../stats/warnings/warnings';
import { CASE_CATEGORIES, CATEGORY_FILTER_FIELD, domainLayerOf } from './warningLayers';
import { anomalyTarget } from './warningTargets';

const anomaly = (over: Partial<Anomaly>): Anomaly => ({ layer: 'railway', window: 'week', town: '370114007', category: 'garbage', from: 1000, to: 2000, count: 9, expected: 2, low: 0, high: 4, p: 1e-4, seasonal: 1, ...over });

describe('opening an anomaly', () => {
  beforeEach(() => useAppStore.getState().clearFilters());

  it('of a town’s railway category keeps that category on the map, with the town and the window, and the layer’s other filters', () => {
    useAppStore.getState().setClassFilter('railway', { status: ['reported'] });
    openWarningTarget(anomalyTarget(anomaly({})));
    const { filters } = useAppStore.getState();
    expect(filters.town).toBe('370114007');
    expect(filters.time).toEqual({ from: 1000, to: 2000 });
    expect(filters.classes.railway).toEqual({ status: ['reported'], category: ['garbage'] });
  });

  it('of the patches’ change keeps that change', () => {
    openWarningTarget(anomalyTarget(anomaly({ layer: 'patches', town: null, category: 'newBuilding' })));
    expect(useAppStore.getState().filters.classes.patches).toEqual({ changeType: ['newBuilding'] });
  });

  it('of a town’s whole count, or of lamp faults by cause, filters no class (the map filters poles, not their faults)', () => {
    openWarningTarget(anomalyTarget(anomaly({ category: null })));
    openWarningTarget(anomalyTarget(anomaly({ layer: 'lamps', category: 'power' })));
    expect(useAppStore.getState().filters.classes.railway ?? {}).toEqual({});
    expect(useAppStore.getState().filters.classes.streetLamps ?? {}).toEqual({});
  });

  it('filters by a field its layer has, with the same classes the warnings count', () => {
    for (const layer of WARNING_LAYERS) {
      const field = CATEGORY_FILTER_FIELD[layer];
      if (!field) continue;
      const filter = DOMAIN_LAYERS[domainLayerOf(layer)].filters.find((f) => f.field === field);
      expect(filter?.classes, layer).toBe(CASE_CATEGORIES[layer]);
    }
  });
});
