import type { Feature, Point } from 'geojson';
import { formatCst } from '../src/layers/common/time';
import type { CachedFeatureStore } from './featureStore';

/**
 * Simulates a live feed for the dev API mode: every `intervalMs` a new lamp fault or manhole defect
 * is reported on a random asset, as a patrol or the 12345 hotline would.
 */
export function startLiveFeed(store: CachedFeatureStore, intervalMs = 5000, now: () => number = Date.now): () => void {
  let n = 0;
  const report = async () => {
    n++;
    const lamp = n % 3 !== 0;
    const assets = (await store.features(lamp ? 'lamps' : 'manholes')) as Feature<Point, { id: string; townCode: string }>[];
    const asset = assets[(n * 7919) % assets.length];
    const reported = now();
    const id = `${lamp ? 'LF' : 'JD'}-LIVE-${String(n).padStart(6, '0')}`;
    const properties = {
      id,
      assetId: asset.properties.id,
      townCode: asset.properties.townCode,
      ...(lamp ? { cause: 'lightSource', lampsAffected: 1 } : { defect: 'loose' }),
      reportedAt: formatCst(reported),
      dispatchedAt: null,
      handledAt: null,
      checkedAt: null,
      closedAt: null,
      deadline: formatCst(reported + 24 * 3600_000),
      status: 'reported',
      source: n % 2 ? 'hotline' : 'patrol',
    };
    await store.append(lamp ? 'lamp-faults' : 'manhole-defects', { type: 'Feature', id, geometry: asset.geometry, properties });
  };
  const timer = setInterval(() => void report(), intervalMs);
  return () => clearInterval(timer);
}
