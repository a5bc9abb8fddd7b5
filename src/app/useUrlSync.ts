import { useEffect } from 'react';
import { latestDataMoment, type AppConfig } from '../config';
import { useAppStore, type AppState } from '../state/store';
import { decodeUrlView, encodeUrlView, type UrlView } from '../state/urlState';

const viewOf = (s: AppState): UrlView => ({ lang: s.lang, theme: s.theme, filters: s.filters, layers: s.layers, panels: s.panels, mapView: s.mapView });

/** Before the first render: the view the address describes (the map is created at its saved view), its range cut to the data's. */
export function restoreViewFromAddress(config: Pick<AppConfig, 'source'>): void {
  useAppStore.getState().restoreView(decodeUrlView(window.location.search, latestDataMoment(config)));
}

/**
 * Mounted once: keeps the address equal to the view. A change of filters, layers, language, theme
 * or panels is a new history entry (so Back undoes it); moving the map only rewrites the current
 * one. Back and Forward restore the entry's view.
 */
export function useUrlSync(config: Pick<AppConfig, 'source'>): void {
  useEffect(() => {
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      const search = encodeUrlView(viewOf(s), window.location.search);
      if (search === window.location.search) return;
      const url = `${window.location.pathname}${search}${window.location.hash}`;
      const onlyMoved = s.mapView !== prev.mapView && encodeUrlView({ ...viewOf(s), mapView: prev.mapView }, window.location.search) === window.location.search;
      if (onlyMoved) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
    });
    const onPopState = () => restoreViewFromAddress(config);
    window.addEventListener('popstate', onPopState);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', onPopState);
    };
  }, [config]);
}
