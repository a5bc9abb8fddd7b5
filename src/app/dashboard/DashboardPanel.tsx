import { BreakdownContainer } from '../../charts/breakdown/BreakdownContainer';
import { TimeSeriesContainer } from '../../charts/timeSeries/TimeSeriesContainer';
import { HotspotsContainer } from '../../charts/hotspots/HotspotsContainer';
import { TownBarsContainer } from '../../charts/townBars/TownBarsContainer';
import { translate } from '../../i18n';
import { useAppStore } from '../../state/store';
import { KpiCards } from '../kpis/KpiCards';

/** The right-hand column: headline figures, the case trend with its time brush, towns compared and a breakdown. */
export function DashboardPanel() {
  const lang = useAppStore((s) => s.lang);
  return (
    <aside className="dashboard" aria-label={translate(lang, 'dashboard')} data-testid="dashboard">
      <KpiCards />
      <TimeSeriesContainer />
      <TownBarsContainer />
      <BreakdownContainer />
      <HotspotsContainer />
    </aside>
  );
}
