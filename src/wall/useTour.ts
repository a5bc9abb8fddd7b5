import { bbox } from '@turf/bbox';
import { useEffect, useState } from 'react';
import { DOMAIN_LAYER_IDS } from '../layers/registry';
import { DISTRICT_BOUNDS } from '../map/mapSync';
import { selectFeatures, useAppStore } from '../state/store';
import { rankRows, type TownRow } from '../stats/townMetrics';
import { SCENES, type SceneId } from './scenes';
import { advance, currentScene, interact, nextChangeAt, startTour, step, type TourState } from './tour';
import type { WallConfig } from './wallConfig';
import { timerDelay } from '../live/timerDelay';

const INTERACTIONS = ['pointerdown', 'wheel', 'touchstart'] as const;

/** The town doing worst on a metric (last rank), or null before the figures arrive. */
export function worstTown(rows: readonly TownRow[] | null, metric: Parameters<typeof rankRows>[1]): string | null {
  if (!rows) return null;
  const { rank } = rankRows(rows, metric);
  let worst: number | null = null;
  rank.forEach((r, i) => {
    if (r !== null && (worst === null || r > rank[worst]!)) worst = i;
  });
  return worst === null ? null : rows[worst].code;
}

/**
 * Runs the tour: one timer for the next change, held by any touch, wheel or key and released
 * after `idleSeconds`; ← / → step by hand. Each scene switches the map's layers, hot spots and
 * framing as it comes on.
 */
export function useTour(config: WallConfig, rows: readonly TownRow[] | null): { tour: TourState; scene: SceneId } {
  const sceneMs = config.sceneSeconds * 1000;
  const idleMs = config.idleSeconds * 1000;
  const [tour, setTour] = useState(() => startTour(config.scenes, Date.now()));

  useEffect(() => {
    const timer = setTimeout(() => setTour((t) => advance(t, Date.now(), sceneMs)), timerDelay(nextChangeAt(tour, sceneMs) - Date.now()));
    return () => clearTimeout(timer);
  }, [tour, sceneMs]);

  useEffect(() => {
    const onTouch = () => setTour((t) => interact(t, Date.now(), idleMs));
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') setTour((t) => step(t, e.key === 'ArrowRight' ? 1 : -1, Date.now(), idleMs));
      else onTouch();
    };
    for (const type of INTERACTIONS) window.addEventListener(type, onTouch, { passive: true });
    window.addEventListener('keydown', onKey);
    return () => {
      for (const type of INTERACTIONS) window.removeEventListener(type, onTouch);
      window.removeEventListener('keydown', onKey);
    };
  }, [idleMs]);

  const scene = currentScene(tour);
  const definition = SCENES[scene];
  const frameTown = definition.frame === 'worstTown' && definition.panel.kind === 'worst' ? worstTown(rows, definition.panel.metrics[0]) : null;
  useEffect(() => {
    const { layers, restoreView } = useAppStore.getState();
    restoreView({ layers: Object.fromEntries(DOMAIN_LAYER_IDS.map((id) => [id, { ...layers[id], visible: definition.layers.includes(id) }])) as typeof layers });
  }, [definition]);
  useEffect(() => {
    const s = useAppStore.getState();
    const town = frameTown ? selectFeatures(s, 'towns').find((t) => t.properties.code === frameTown) : undefined;
    const [[w, south], [e, n]] = DISTRICT_BOUNDS as [[number, number], [number, number]];
    s.requestView(town ? (bbox(town) as [number, number, number, number]) : [w, south, e, n]);
  }, [scene, frameTown]);
  return { tour, scene };
}
