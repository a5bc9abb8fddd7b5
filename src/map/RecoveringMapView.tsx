import { useCallback, useEffect, useState } from 'react';
import type { AppConfig } from '../config';
import { MapView } from './MapView';

/**
 * The map, rebuilt whenever its WebGL context is lost (a GPU reset, a driver update, too many
 * contexts): a fresh map and canvas replace the dead ones at the same view, with the same data,
 * without reloading the page. `generation` counts rebuilds (a parent may also bump it on purpose).
 */
export function RecoveringMapView({ config, generation = 0 }: { config: AppConfig; generation?: number }) {
  const [rebuilds, setRebuilds] = useState(0);
  const onContextLost = useCallback(() => {
    // Rebuilt on the next task: MapLibre is still inside its own event dispatch here.
    setTimeout(() => setRebuilds((n) => n + 1), 0);
  }, []);
  useEffect(() => {
    document.documentElement.dataset.mapRebuilds = String(rebuilds);
  }, [rebuilds]);
  return <MapView key={`${generation}-${rebuilds}`} config={config} onContextLost={onContextLost} />;
}
