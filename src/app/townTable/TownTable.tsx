import { useMemo } from 'react';
import { translate } from '../../i18n';
import { rankRows, type TownMetricId } from '../../stats/townMetrics';
import { useAppStore } from '../../state/store';
import { useTownName } from '../details/useTownName';
import { StatsNote } from '../stats/StatsNote';
import { figuresOf } from '../stats/statsReading';
import { useStatistics } from '../stats/useStatistics';
import { TownStatsExport } from '../exports/TownStatsExport';
import { TownTableView } from './TownTableView';
import { useFilters } from '../../state/deferredFilters';

/**
 * Every town's figures for the global time range (the server's SQL with source=server, else the
 * page's stats worker). The table is itself a town selector, so it is not narrowed by the selected
 * town (it highlights it instead).
 */
export function TownTable() {
  const lang = useAppStore((s) => s.lang);
  const { time, classes } = useFilters();
  // The selection is marked at once: it is the user's own click, and the figures do not depend on it.
  const selectedTown = useAppStore((s) => s.filters.town);
  const selectTown = useAppStore((s) => s.selectTown);
  const townName = useTownName();
  const range = useMemo(() => ({ from: time.from, to: time.to, classes }), [time, classes]);
  const reading = useStatistics('townRows', [range]);
  const sortBy = useAppStore((s) => s.panels.tableSort);
  const setPanel = useAppStore((s) => s.setPanel);

  const rows = figuresOf(reading);
  const ranking = useMemo(() => (rows ? rankRows(rows.towns, sortBy) : null), [rows, sortBy]);
  if (reading.state === 'unavailable') return <StatsNote lang={lang} reading={reading} testid="town-stats" />;
  if (reading.state === 'pending' || !rows || !ranking) return <p className="town-table__pending">{translate(lang, 'computing')}</p>;
  return (
    <>
      <TownStatsExport rows={rows} reading={reading} />
      <StatsNote lang={lang} reading={reading} testid="town-stats" showSource />
      <TownTableView
        lang={lang}
        {...rows}
        sortBy={sortBy}
        ranking={ranking}
        selectedTown={selectedTown}
        complete={reading.missing.length === 0}
        source={reading.source}
        state={reading.state}
        townName={townName}
        onSort={(metric: TownMetricId) => setPanel('tableSort', metric)}
        onSelectTown={(code) => selectTown(code === selectedTown ? null : code)}
      />
    </>
  );
}
