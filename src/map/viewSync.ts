import type * as maplibregl from 'maplibre-gl';
import { useEffect, type RefObject } from 'react';
import { useAppStore } from '../state/store';

/** Reports where the map comes to rest to the store (for the address), and jumps to a view restored from it. */
export function useViewSync(mapRef: RefObject<maplibregl.Map | null>) {
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const report = () => {
      const c = map.getCenter();
      const view = { lng: Number(c.lng.toFixed(5)), lat: Number(c.lat.toFixed(5)), zoom: Number(map.getZoom().toFixed(2)) };
      const current = useAppStore.getState().mapView;
      if (current && current.lng === view.lng && current.lat === view.lat && current.zoom === view.zoom) return;
      useAppStore.getState().setMapView(view);
    };
    map.on('moveend', report);
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (!s.viewJump || s.viewJump === prev.viewJump) return;
      const { lng, lat, zoom } = s.viewJump.view;
      map.jumpTo({ center: [lng, lat], zoom });
    });
    return () => {
      map.off('moveend', report);
      unsubscribe();
    };
  }, [mapRef]);
}
