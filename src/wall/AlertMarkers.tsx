import * as maplibregl from 'maplibre-gl';
import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { activeMap, subscribeActiveMap } from '../map/activeMap';
import type { WallAlert } from './alerts';

/**
 * A marker on the map for each alert: pulsing (a CSS animation, so the GL map does not redraw for
 * it) until acknowledged. Markers are kept by alert key and only the difference is applied.
 */
export function AlertMarkers({ alerts, acknowledged }: { alerts: readonly WallAlert[]; acknowledged: ReadonlySet<string> }) {
  const map = useSyncExternalStore(subscribeActiveMap, activeMap);
  const markers = useRef(new Map<string, maplibregl.Marker>());

  useLayoutEffect(() => {
    const shown = markers.current;
    return () => {
      for (const marker of shown.values()) marker.remove();
      shown.clear();
    };
  }, [map]);

  // In the same commit as the ticker: the alerts arrive in a transition, whose passive effects run a
  // frame later, and a wall must never show an alert without its marker, or a marker without its alert.
  useLayoutEffect(() => {
    if (!map) return;
    const shown = markers.current;
    const wanted = new Map(alerts.map((a) => [a.key, a]));
    for (const [key, marker] of shown) {
      if (!wanted.has(key)) {
        marker.remove();
        shown.delete(key);
      }
    }
    for (const alert of alerts) {
      let marker = shown.get(alert.key);
      if (!marker) {
        const element = document.createElement('div');
        element.dataset.alert = alert.key;
        element.setAttribute('aria-hidden', 'true');
        element.classList.add('alert-marker', `alert-marker--${alert.kind}`);
        marker = new maplibregl.Marker({ element }).setLngLat(alert.position).addTo(map);
        shown.set(alert.key, marker);
      } else {
        marker.setLngLat(alert.position);
      }
      // Toggled, not assigned: MapLibre's own classes on the element make it absolutely positioned.
      marker.getElement().classList.toggle('alert-marker--pulsing', !acknowledged.has(alert.incident));
    }
  }, [map, alerts, acknowledged]);

  return null;
}
