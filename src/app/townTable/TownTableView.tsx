import { label, translate, type Lang } from '../../i18n';
import { formatMetric } from '../formatMetric';
import type { StatsSource } from '../stats/statistics';
import type { TownRanking } from '../../stats/rank';
import { METRIC_GROUPS, TOWN_METRIC_IDS, TOWN_METRICS, type MetricFormat, type MetricGroup, type TownMetric, type TownMetricId, type TownRow } from '../../stats/townMetrics';

/** Runs of adjacent columns of the same layer, for the group header row. */
function metricGroups(): { group: MetricGroup; span: number }[] {
  const runs: { group: MetricGroup; span: number }[] = [];
  for (const id of TOWN_METRIC_IDS) {
    const group = (TOWN_METRICS[id] as TownMetric).group;
    if (runs.at(-1)?.group === group) runs.at(-1)!.span++;
    else runs.push({ group, span: 1 });
  }
  return runs;
}

export interface TownTableViewProps {
  lang: Lang;
  towns: TownRow[];
  outside: TownRow;
  district: TownRow;
  sortBy: TownMetricId;
  ranking: TownRanking;
  selectedTown: string | null;
  /** Whether the figures include every layer's data (a layer not loaded in the page reads "n/a"). */
  complete: boolean;
  /** Where the figures come from: the server's SQL, or the page's stats worker. */
  source: StatsSource;
  /** Current, or stale (kept after asking again failed). */
  state: 'current' | 'stale';
  townName(code: string): string;
  onSort(metric: TownMetricId): void;
  onSelectTown(code: string): void;
}

/** The town table itself: rows in rank order on the sort metric, then the outside and the district. */
export function TownTableView(p: TownTableViewProps) {
  const order = p.towns.map((_, i) => i).sort((a, b) => (p.ranking.rank[a] ?? Infinity) - (p.ranking.rank[b] ?? Infinity) || (p.towns[a].code < p.towns[b].code ? -1 : 1));
  const cells = (row: TownRow) =>
    TOWN_METRIC_IDS.map((id) => (
      <td key={id} data-metric={id} data-value={row.values[id] ?? ''}>
        {formatMetric(p.lang, TOWN_METRICS[id].format as MetricFormat, row.values[id])}
      </td>
    ));
  return (
    <table className="town-table" data-testid="town-table" data-sort={p.sortBy} data-complete={p.complete} data-source={p.source} data-state={p.state}>
      <caption>
        {translate(p.lang, 'townTable')} · {translate(p.lang, 'sortedBy')} {label(p.lang, TOWN_METRICS[p.sortBy].label)}
      </caption>
      <thead>
        <tr className="town-table__groups">
          <th colSpan={2} />
          {metricGroups().map(({ group, span }) => (
            <th key={group} scope="colgroup" colSpan={span}>
              {label(p.lang, METRIC_GROUPS[group])}
            </th>
          ))}
        </tr>
        <tr>
          <th scope="col">{translate(p.lang, 'rank')}</th>
          <th scope="col">{translate(p.lang, 'town')}</th>
          {TOWN_METRIC_IDS.map((id) => (
            <th key={id} scope="col" aria-sort={id === p.sortBy ? 'ascending' : 'none'}>
              <button type="button" className="town-table__sort" onClick={() => p.onSort(id)} data-metric={id}>
                {label(p.lang, TOWN_METRICS[id].label)}
                {id === p.sortBy ? ' ▲' : ''}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {order.map((i) => {
          const row = p.towns[i];
          const bottom = p.ranking.bottomThree[i];
          return (
            <tr
              key={row.code}
              data-town={row.code}
              data-rank={p.ranking.rank[i] ?? ''}
              data-bottom={bottom ? 'true' : undefined}
              aria-selected={row.code === p.selectedTown}
              className={`town-table__row${bottom ? ' town-table__row--bottom' : ''}${row.code === p.selectedTown ? ' town-table__row--selected' : ''}`}
            >
              <td>
                {p.ranking.rank[i] ?? '–'}
                {bottom && <span className="town-table__flag"> ⚠ {translate(p.lang, 'bottomThree')}</span>}
              </td>
              <th scope="row">
                <button type="button" className="town-table__town" onClick={() => p.onSelectTown(row.code)}>
                  {p.townName(row.code)}
                </button>
              </th>
              {cells(row)}
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr data-town="outside">
          <td />
          <th scope="row">{translate(p.lang, 'outsideDistrict')}</th>
          {cells(p.outside)}
        </tr>
        <tr data-town="district">
          <td />
          <th scope="row">{translate(p.lang, 'districtTotal')}</th>
          {cells(p.district)}
        </tr>
      </tfoot>
    </table>
  );
}
