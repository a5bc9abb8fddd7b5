import { formatNumber, label, translate } from '../../i18n';
import { useAppStore } from '../../state/store';
import type { CaseLayer } from '../../stats/worker/statsApi';
import { useTownName } from '../../app/details/useTownName';
import { StatsNote } from '../../app/stats/StatsNote';
import { figuresOf } from '../../app/stats/statsReading';
import { useStatistics } from '../../app/stats/useStatistics';
import { HourWeekGrid } from './HourWeekGrid';
import { useHotCellsOnMap } from './useHotCellsOnMap';
import { CASE_CATEGORIES as PROBLEMS } from '../../app/warnings/warningLayers';
import { useFilters } from '../../state/deferredFilters';

const CHOICES = ['all', 'lamps', 'manholes', 'railway'] as const;
const TOP = 5;

/**
 * "High-frequency problems, hot-spot areas, hot-spot time periods", as the bureaus' platforms put
 * it: reports by weekday and hour, the five busiest H3 cells with their town and dominant problem,
 * and (on demand) every cell drawn on the map as a hexagon.
 */
export function HotspotsContainer() {
  const lang = useAppStore((s) => s.lang);
  const { time, town, classes } = useFilters();
  const choice = useAppStore((s) => s.panels.hotspotLayer);
  const onMap = useAppStore((s) => s.panels.hotspotMap);
  const { setPanel, requestView } = useAppStore.getState();
  const townName = useTownName();
  const layers = choice === 'all' ? undefined : [choice];
  const reading = useStatistics('hotspots', [{ from: time.from, to: time.to, towns: town ? [town] : undefined, classes, layers }]);
  const answer = figuresOf(reading) ?? undefined;

  useHotCellsOnMap(answer, onMap);

  const layerName = (l: (typeof CHOICES)[number]) => translate(lang, l === 'all' ? 'allCaseLayers' : l === 'lamps' ? 'lampFaults' : l === 'manholes' ? 'coverDefects' : 'railwayIssues');
  return (
    <section className="dash-card" data-testid="hotspots" data-layer={choice}>
      <h3>{translate(lang, 'hotspots')}</h3>
      <div className="dash-card__controls">
        <select aria-label={translate(lang, 'layers')} value={choice} onChange={(e) => setPanel('hotspotLayer', e.target.value as (typeof CHOICES)[number])} data-testid="hotspot-layer">
          {CHOICES.map((c) => (
            <option key={c} value={c}>
              {layerName(c)}
            </option>
          ))}
        </select>
        <label className="dash-card__control">
          <input type="checkbox" checked={onMap} onChange={(e) => setPanel('hotspotMap', e.target.checked)} data-testid="hotspot-map" />
          {translate(lang, 'hotspotsOnMap')}
        </label>
      </div>
      <StatsNote lang={lang} reading={reading} testid="hotspot-stats" />
      {answer && (
        <>
          <HourWeekGrid lang={lang} grid={answer.grid} />
          <h4>{translate(lang, 'hotspotAreas')}</h4>
          <ol className="hot-list" data-testid="hotspot-list">
            {answer.cells.slice(0, TOP).map((c) => {
              const problem = PROBLEMS[c.dominant.layer as CaseLayer];
              const problemName = problem?.labels[c.problem] ? label(lang, problem.labels[c.problem]) : c.problem;
              const lngs = c.boundary.map((p) => p[0]);
              const lats = c.boundary.map((p) => p[1]);
              return (
                <li key={c.cell} data-cell={c.cell} data-count={c.count} data-town={c.town ?? ''} data-problem={c.problem}>
                  <button type="button" onClick={() => requestView([Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)])}>
                    <span className="hot-list__town">{c.town ? townName(c.town) : translate(lang, 'outsideDistrict')}</span>
                    <span className="hot-list__problem">
                      {layerName(c.dominant.layer as CaseLayer)} · {problemName} ({formatNumber(lang, c.dominant.count)})
                    </span>
                    <span className="hot-list__count">{formatNumber(lang, c.count)}</span>
                  </button>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
