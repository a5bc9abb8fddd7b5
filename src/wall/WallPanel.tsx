import { useHotCellsOnMap } from '../charts/hotspots/useHotCellsOnMap';
import { useShallow } from 'zustand/react/shallow';
import { useTownName } from '../app/details/useTownName';
import { formatMetric } from '../app/formatMetric';
import { StatsNote } from '../app/stats/StatsNote';
import { figuresOf, type StatsReading } from '../app/stats/statsReading';
import { useStatistics } from '../app/stats/useStatistics';
import { formatClockTime, formatNumber, label, translate } from '../i18n';
import type { Lang } from '../layers/common/labels';
import { DOMAIN_LAYER_IDS, DOMAIN_LAYERS } from '../layers/registry';
import { useHealthStore } from '../live/healthStore';
import { collectionSize, useAppStore } from '../state/store';
import { rankRows, TOWN_METRICS, type TownMetric, type TownMetricId, type TownRow } from '../stats/townMetrics';
import { SCENES, type SceneId } from './scenes';

const TOP_AREAS = 5;

/** A ranking worst first: rank, town, figure, and ⚠ on the bottom three. */
function Ranking({ lang, rows, metric, limit }: { lang: Lang; rows: readonly TownRow[]; metric: TownMetricId; limit: number }) {
  const townName = useTownName();
  const def = TOWN_METRICS[metric] as TownMetric;
  const { rank, bottomThree } = rankRows(rows, metric);
  const order = rows.map((row, i) => ({ row, rank: rank[i], bottom: bottomThree[i] })).filter((e) => e.rank !== null).sort((a, b) => b.rank! - a.rank!);
  return (
    <ol className="wall-ranking" data-testid="wall-ranking" data-metric={metric}>
      {order.slice(0, limit).map(({ row, rank: r, bottom }) => (
        <li key={row.code} className={bottom ? 'wall-ranking__bottom' : undefined} data-town={row.code} data-rank={r}>
          <span className="wall-ranking__rank">{r}</span>
          <span className="wall-ranking__town">{townName(row.code)}</span>
          <span className="wall-ranking__value">{formatMetric(lang, def.format, row.values[metric])}</span>
          <span className="wall-ranking__flag">{bottom ? '⚠' : ''}</span>
        </li>
      ))}
    </ol>
  );
}

function Sources({ lang }: { lang: Lang }) {
  const health = useHealthStore((s) => s.health);
  const counts = useAppStore(useShallow((s) => DOMAIN_LAYER_IDS.map((id) => s.collections[DOMAIN_LAYERS[id].features])));
  return (
    <ul className="wall-list" data-testid="wall-sources">
      {DOMAIN_LAYER_IDS.map((id, i) => {
        const c = counts[i];
        const h = health[id];
        return (
          <li key={id}>
            <span>{label(lang, DOMAIN_LAYERS[id].title)}</span>
            <span className="wall-list__value">{collectionSize(c) !== null ? `${formatNumber(lang, collectionSize(c)!)} ${translate(lang, 'features')}` : translate(lang, 'loading')}</span>
            <span className="wall-list__note">
              {translate(lang, 'wall_lastGood')} {h?.lastSuccessAt ? formatClockTime(h.lastSuccessAt) : c?.status === 'loaded' || c?.status === 'served' ? formatClockTime(c.loadedAt) : translate(lang, 'wall_never')}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function Worst({ lang, rows, metrics }: { lang: Lang; rows: readonly TownRow[]; metrics: readonly TownMetricId[] }) {
  return (
    <div className="wall-worst">
      {metrics.map((metric) => (
        <section key={metric}>
          <h3>{label(lang, (TOWN_METRICS[metric] as TownMetric).label)}</h3>
          <Ranking lang={lang} rows={rows} metric={metric} limit={3} />
        </section>
      ))}
    </div>
  );
}

/** The busiest H3 areas of the window; their hexagons go on the map while the scene shows. */
function HotAreas({ lang }: { lang: Lang }) {
  const townName = useTownName();
  const time = useAppStore((s) => s.filters.time);
  const reading = useStatistics('hotspots', [{ from: time.from, to: time.to }], 'wall-hot-areas');
  const answer = figuresOf(reading) ?? undefined;
  useHotCellsOnMap(answer, true);
  return (
    <>
      <ol className="wall-list" data-testid="wall-hot-areas">
        {answer?.cells.slice(0, TOP_AREAS).map((c) => (
          <li key={c.cell}>
            <span>{c.town ? townName(c.town) : '—'}</span>
            <span className="wall-list__value">{formatNumber(lang, c.count)}</span>
          </li>
        ))}
      </ol>
      <StatsNote lang={lang} reading={reading} testid="wall-hot-areas-stats" />
    </>
  );
}

/** The side panel of the current scene; it fades in as the scene changes. */
export function WallPanel({ lang, scene, rows, townRows }: { lang: Lang; scene: SceneId; rows: readonly TownRow[] | null; townRows: StatsReading<'townRows'> }) {
  const { panel, title } = SCENES[scene];
  const heading = panel.kind === 'ranking' ? label(lang, (TOWN_METRICS[panel.metric] as TownMetric).label) : panel.kind === 'worst' ? translate(lang, 'wall_worst') : panel.kind === 'hotspots' ? translate(lang, 'wall_hotAreas') : translate(lang, 'wall_sources');
  return (
    <aside className="wall-panel" key={scene} data-testid="wall-panel" data-panel={panel.kind} aria-label={label(lang, title)}>
      <h2>{heading}</h2>
      {panel.kind === 'sources' && <Sources lang={lang} />}
      {panel.kind === 'ranking' && rows && <Ranking lang={lang} rows={rows} metric={panel.metric} limit={panel.limit} />}
      {panel.kind === 'worst' && rows && <Worst lang={lang} rows={rows} metrics={panel.metrics} />}
      {(panel.kind === 'ranking' || panel.kind === 'worst') && <StatsNote lang={lang} reading={townRows} testid="wall-town-stats" />}
      {panel.kind === 'hotspots' && <HotAreas lang={lang} />}
    </aside>
  );
}
