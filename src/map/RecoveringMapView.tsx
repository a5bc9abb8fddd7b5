import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppConfig } from '../config';
import { translate } from '../i18n';
import { timerDelay } from '../live/timerDelay';
import { useAppStore } from '../state/store';
import { MapView } from './MapView';
import { NO_LOSSES, onContextLoss } from './rebuildPolicy';

/**
 * The map, rebuilt whenever its WebGL context is lost (a GPU reset, a driver update, too many
 * contexts): a fresh map and canvas replace the dead ones at the same view, with the same data,
 * without reloading the page. Repeated losses are rebuilt with back-off, and after a few in a row
 * the map gives way to a notice (with a button to try again) while every other panel goes on.
 * `generation` counts rebuilds (a parent may also bump it on purpose).
 */
export function RecoveringMapView({ config, generation = 0 }: { config: AppConfig; generation?: number }) {
  const lang = useAppStore((s) => s.lang);
  const [rebuilds, setRebuilds] = useState(0);
  const [gaveUp, setGaveUp] = useState(false);
  const losses = useRef(NO_LOSSES);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onContextLost = useCallback(() => {
    const { state, delayMs } = onContextLoss(losses.current, Date.now());
    losses.current = state;
    // Rebuilt on a later task: MapLibre is still inside its own event dispatch here.
    if (delayMs === null) setTimeout(() => setGaveUp(true), 0);
    else pending.current = setTimeout(() => setRebuilds((n) => n + 1), timerDelay(delayMs));
  }, []);
  const tryAgain = useCallback(() => {
    losses.current = NO_LOSSES;
    setGaveUp(false);
    setRebuilds((n) => n + 1);
  }, []);
  useEffect(() => () => clearTimeout(pending.current), []);
  useEffect(() => {
    document.documentElement.dataset.mapRebuilds = String(rebuilds);
  }, [rebuilds]);
  if (gaveUp) {
    return (
      <div className="map-unavailable" role="alert" data-testid="map-unavailable">
        <p>{translate(lang, 'mapUnavailable')}</p>
        <button type="button" onClick={tryAgain}>
          {translate(lang, 'retry')}
        </button>
      </div>
    );
  }
  return <MapView key={`${generation}-${rebuilds}`} config={config} onContextLost={onContextLost} />;
}
