import { useEffect, useState } from 'react';
import { isLiveSource, type AppConfig } from '../config';
import { fetchJson } from '../data/http';
import { translate } from '../i18n';
import { useStatsFeed, useStatsIndexing } from '../app/stats/statsData';
import { useServedCaseRanges } from '../app/useServedCaseRanges';
import { hasFigures } from '../app/stats/statsReading';
import { useDataLoading } from '../app/useDataLoading';
import { useLiveRefresh } from '../live/useLiveRefresh';
import { RecoveringMapView } from '../map/RecoveringMapView';
import { useAppStore } from '../state/store';
import { AlertMarkers } from './AlertMarkers';
import { AlertTicker } from './AlertTicker';
import { useRollingWindow } from './useRollingWindow';
import { useTour } from './useTour';
import { useWallAlerts } from './useWallAlerts';
import { useWallTownRows } from './useWallTownRows';
import { resolveWallConfig, wallConfigPath, type WallConfig } from './wallConfig';
import { timerDelay } from '../live/timerDelay';
import { PanelBoundary } from '../app/RecoveringBoundary';
import { WallHeader } from './WallHeader';
import { WallKpis } from './WallKpis';
import { WallPanel } from './WallPanel';
import './wall.css';

const HOUR_MS = 3600_000;

/** The wall's settings: defaults, then the config file (if the server has one), then the address. */
function useWallConfig(config: AppConfig): { config: WallConfig; problems: string[] } | null {
  const [resolved, setResolved] = useState<{ config: WallConfig; problems: string[] } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const base = (import.meta.env.BASE_URL ?? '/').replace(/\/$/, '');
    void fetchJson(wallConfigPath(window.location.search, base), 'wall.json', { signal: controller.signal, timeoutMs: 10_000 }).then((file) => {
      if (controller.signal.aborted) return;
      // No file (404) is normal: the defaults and the address are enough.
      const missing = !file.ok && file.error.kind === 'http' && file.error.status === 404;
      const { config: wall, problems } = resolveWallConfig(file.ok ? file.value : undefined, window.location.search);
      const all = [...(file.ok || missing ? [] : [file.error.message]), ...problems.map((p) => `${p.where}: ${p.message}`)];
      for (const problem of all) console.warn(`wall config: ${problem}`);
      setResolved({ config: wall, problems: all });
    });
    return () => controller.abort();
  }, [config]);
  return resolved;
}

/** Wall mode: a chrome-free, dark, self-running view for the command centre's video wall. */
export function WallApp({ config }: { config: AppConfig }) {
  const lang = useAppStore((s) => s.lang);
  const wall = useWallConfig(config);
  useEffect(() => {
    useAppStore.getState().setTheme('dark');
    useAppStore.getState().setLabelSize(Math.round(window.innerHeight / 54));
    document.documentElement.dataset.theme = 'dark';
    document.documentElement.dataset.wall = 'true';
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  if (!wall) return <div className="wall wall--loading">{translate(lang, 'loading')}</div>;
  return <WallRuntime config={config} wall={wall.config} problems={wall.problems} />;
}

function WallRuntime({ config, wall, problems }: { config: AppConfig; wall: WallConfig; problems: string[] }) {
  useDataLoading(config);
  useStatsFeed();
  useServedCaseRanges();
  useLiveRefresh(config, { intervalMs: wall.refreshSeconds * 1000, timeoutMs: wall.timeoutSeconds * 1000, retryMaxMs: wall.retryMaxSeconds * 1000 });
  useRollingWindow(wall.window, isLiveSource(config));
  const generation = useSoftReinit(wall.reinitHours);
  return <WallScreen config={config} wall={wall} problems={problems} generation={generation} />;
}

/**
 * Every `hours`, the map is rebuilt from scratch (its GL context, deck.gl layers, MapLibre's
 * sources and caches: what holds GPU and worker resources); the data and the panels stay.
 * Rebuilding the panels too was measured to leave ~180 DOM nodes per rebuild in Chromium.
 */
function useSoftReinit(hours: number): number {
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (hours <= 0) return;
    const timer = setInterval(() => setGeneration((g) => g + 1), timerDelay(hours * HOUR_MS));
    return () => clearInterval(timer);
  }, [hours]);
  useEffect(() => {
    document.documentElement.dataset.wallGeneration = String(generation);
  }, [generation]);
  return generation;
}

function WallScreen({ config, wall, problems, generation }: { config: AppConfig; wall: WallConfig; problems: string[]; generation: number }) {
  const lang = useAppStore((s) => s.lang);
  const townRows = useWallTownRows();
  // Alerts, rankings and the tour read only figures over every layer: alerts evaluated on part of
  // the data would drop acknowledgements of incidents that have not ended.
  const rows = hasFigures(townRows) && townRows.missing.length === 0 ? townRows.value.towns : null;
  const { tour, scene } = useTour(wall, rows);
  const { alerts, acknowledged, acknowledge, caseAlertsUnavailable, warningsUnavailable } = useWallAlerts(rows, wall.alerts);
  const statsIndexing = useStatsIndexing();
  return (
    <div className="wall" data-testid="wall" data-scene={scene} data-stats-indexing={statsIndexing}>
      <PanelBoundary name="wallHeader">
        <WallHeader lang={lang} tour={tour} scene={scene} staleAfterMs={wall.refreshSeconds * 2_000 + wall.timeoutSeconds * 1000} configProblems={problems} />
      </PanelBoundary>
      <div className="wall__body">
        <PanelBoundary name="wallKpis">
          <WallKpis lang={lang} window={wall.window} />
        </PanelBoundary>
        <div className="wall__map">
          <PanelBoundary name="map">
            <RecoveringMapView config={config} generation={generation} />
            <AlertMarkers alerts={alerts} acknowledged={acknowledged} />
          </PanelBoundary>
        </div>
        <PanelBoundary name="wallPanel">
          <WallPanel lang={lang} scene={scene} rows={rows} townRows={townRows} />
        </PanelBoundary>
      </div>
      <PanelBoundary name="alerts">
        <AlertTicker lang={lang} alerts={alerts} acknowledged={acknowledged} onAcknowledge={acknowledge} caseAlertsUnavailable={caseAlertsUnavailable} warningsUnavailable={warningsUnavailable} />
      </PanelBoundary>
    </div>
  );
}
