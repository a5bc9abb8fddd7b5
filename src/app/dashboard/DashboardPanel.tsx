import { lazy, Suspense } from 'react';
import { translate } from '../../i18n';
import { DeferredFilters } from '../../state/deferredFilters';
import { useAppStore } from '../../state/store';
import { KpiCards } from '../kpis/KpiCards';

// The charts (and Recharts with them) are loaded after the first map: the headline figures come first.
const TimeSeriesContainer = lazy(() => import('../../charts/timeSeries/TimeSeriesContainer').then((m) => ({ default: m.TimeSeriesContainer })));
const TownBarsContainer = lazy(() => import('../../charts/townBars/TownBarsContainer').then((m) => ({ default: m.TownBarsContainer })));
const BreakdownContainer = lazy(() => import('../../charts/breakdown/BreakdownContainer').then((m) => ({ default: m.BreakdownContainer })));
const WarningsContainer = lazy(() => import('../warnings/WarningsContainer').then((m) => ({ default: m.WarningsContainer })));
const AssessmentContainer = lazy(() => import('../assessment/AssessmentContainer').then((m) => ({ default: m.AssessmentContainer })));
const HotspotsContainer = lazy(() => import('../../charts/hotspots/HotspotsContainer').then((m) => ({ default: m.HotspotsContainer })));

/** The right-hand column: headline figures, the case trend with its time brush, towns compared, a breakdown, hot spots, early warnings and the monthly assessment. */
export function DashboardPanel({ live }: { live: boolean }) {
  const lang = useAppStore((s) => s.lang);
  return (
    <aside className="dashboard" aria-label={translate(lang, 'dashboard')} data-testid="dashboard">
      <KpiCards />
      <DeferredFilters>
        <Suspense fallback={<p className="dashboard__loading">{translate(lang, 'loading')}…</p>}>
          <TimeSeriesContainer />
          <TownBarsContainer />
          <BreakdownContainer />
          <HotspotsContainer />
          <WarningsContainer live={live} />
          <AssessmentContainer />
        </Suspense>
      </DeferredFilters>
    </aside>
  );
}
