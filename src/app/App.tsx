import { useCallback, useEffect, useState } from 'react';
import { isLiveSource, latestDataMoment, type AppConfig } from '../config';
import type { CollectionId } from '../layers/registry';
import { RecoveringMapView } from '../map/RecoveringMapView';
import { PanelBoundary } from './RecoveringBoundary';
import { useAppStore } from '../state/store';
import { DashboardPanel } from './dashboard/DashboardPanel';
import { DetailsPanel } from './details/DetailsPanel';
import { MapExport } from './exports/MapExport';
import { MapTooltip } from './details/MapTooltip';
import { FilterBar } from './FilterBar';
import { Header } from './Header';
import { LayerPanel } from './LayerPanel';
import { useStatsFeed } from './stats/statsData';
import { useServedCaseRanges } from './useServedCaseRanges';
import { TownTable } from './townTable/TownTable';
import { translate } from '../i18n';
import { retryCollection, useDataLoading } from './useDataLoading';
import { useUrlSync } from './useUrlSync';
import { useLiveRefresh } from '../live/useLiveRefresh';
import { DeferredFilters } from '../state/deferredFilters';

/**
 * What the page keeps doing in the background: loading, refreshing, feeding the statistics and
 * keeping the URL. A component of its own, so that a filter change these follow re-renders
 * nothing else.
 */
function BackgroundWork({ config }: { config: AppConfig }) {
  useDataLoading(config);
  useLiveRefresh(config, isLiveSource(config) ? { intervalMs: config.liveRefreshMs, retryMaxMs: 300_000 } : null);
  useStatsFeed();
  useServedCaseRanges();
  useUrlSync(config);
  return null;
}

export function App({ config }: { config: AppConfig }) {
  const lang = useAppStore((s) => s.lang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const onRetry = useCallback((id: CollectionId) => retryCollection(config, id), [config]);
  // The bundled data ends on 2026-10-31; a live API is read as of now.
  const [asOf] = useState(() => latestDataMoment(config));
  useEffect(() => useAppStore.getState().setAsOf(asOf), [asOf]);
  return (
    <div className="app">
      <BackgroundWork config={config} />
      <Header config={config} />
      <main className="main">
        <PanelBoundary name="layers">
          <DeferredFilters>
            <LayerPanel onRetry={onRetry} asOf={asOf} live={isLiveSource(config)} />
          </DeferredFilters>
        </PanelBoundary>
        <div className="map-area">
          <PanelBoundary name="filters">
            <FilterBar />
          </PanelBoundary>
          <div className="map-wrap">
            <PanelBoundary name="map">
              <RecoveringMapView config={config} />
              <MapTooltip />
              <MapExport />
            </PanelBoundary>
            <PanelBoundary name="details">
              <DetailsPanel asOf={asOf} />
            </PanelBoundary>
          </div>
          <section className="bottom-panel" aria-label={translate(lang, 'townTable')}>
            <PanelBoundary name="townTable">
              <DeferredFilters>
                <TownTable />
              </DeferredFilters>
            </PanelBoundary>
          </section>
        </div>
        <PanelBoundary name="dashboard">
          <DashboardPanel live={isLiveSource(config)} />
        </PanelBoundary>
      </main>
    </div>
  );
}
