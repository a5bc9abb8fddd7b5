import { useMemo } from 'react';
import { translate } from '../../i18n';
import { rankRows, type TownMetricId } from '../../stats/townMetrics';
import { useAppStore } from '../../state/store';
import { useTownName } from '../details/useTownName';
import { useTownRows } from '../stats/useTownRows';
import { TownStatsExport } from '../exports/TownStatsExport';
import { TownTableView } from './TownTableView';

/**
 * Every town's figures from the statistics engine for the global time range. The table is itself a
 * town selector, so it is not narrowed by the selected town (it highlights it instead).
 */
export function TownTable() {
  const lang = useAppStore((s) => s.lang);
  const time = useAppStore((s) => s.filters.time);
  const selectedTown = useAppStore((s) => s.filters.town);
  const selectTown = useAppStore((s) => s.selectTown);
  const townName = useTownName();
  const classes = useAppStore((s) => s.filters.classes);
  const range = useMemo(() => ({ from: time.from, to: time.to, classes }), [time, classes]);
  const result = useTownRows(range);
  const answer = result?.answer ?? null;
  const sortBy = useAppStore((s) => s.panels.tableSort);
  const setPanel = useAppStore((s) => s.setPanel);

  const rows = result?.rows ?? null;
  const ranking = useMemo(() => (rows ? rankRows(rows.towns, sortBy) : null), [rows, sortBy]);
  if (!rows || !ranking) return <p className="town-table__pending">{translate(lang, 'computing')}</p>;
  return (
    <>
      <TownStatsExport rows={rows} />
      <TownTableView
        lang={lang}
        {...rows}
        sortBy={sortBy}
        ranking={ranking}
        selectedTown={selectedTown}
        complete={Boolean(result?.fromServer || (answer?.lamps && answer.manholes && answer.patches && answer.railway))}
        source={result?.fromServer ? 'server' : 'engine'}
        townName={townName}
        onSort={(metric: TownMetricId) => setPanel('tableSort', metric)}
        onSelectTown={(code) => selectTown(code === selectedTown ? null : code)}
      />
    </>
  );
}
