import { formatDateTime, translate } from '../../i18n';
import { useAppStore } from '../../state/store';
import { DUE_HORIZONS } from '../../state/panels';
import type { StatsQuestions } from '../stats/statistics';
import { StatsNote } from '../stats/StatsNote';
import { figuresOf, hasFigures } from '../stats/statsReading';
import { useStatistics } from '../stats/useStatistics';
import { useNow } from '../useNow';
import { AnomalyList, ClusterList } from './AnomalyList';
import { ForecastTable } from './ForecastTable';
import { DueSoonList, RepeatList } from './WarningLists';
import { anomalyTarget, cellTarget, dueTarget, repeatTarget } from './warningTargets';
import { openWarningTarget } from '../../state/warningTarget';
import { useWarningsOnMap } from './useWarningsOnMap';
import { useFilters } from '../../state/deferredFilters';

const SHOWN = 8;
/** How many cases due soon and assets failing again the map draws (the lists show the first SHOWN). */
const ON_MAP = 1000;
const MINUTE = 60_000;

/**
 * 预警研判, as of the data's moment (now, for a live source: moved on every minute), under the town
 * and class filters: counts of the last day or week above their baselines, the cases that will
 * pass their deadline within the next 24 hours, and the poles and covers failing again and again.
 * A click shows the cases of an anomaly (its town and window as the filters), or opens the case or asset.
 */
export function WarningsContainer({ live }: { live: boolean }) {
  const lang = useAppStore((s) => s.lang);
  const { town, classes } = useFilters();
  const asOf = useAppStore((s) => s.asOf);
  const onMap = useAppStore((s) => s.panels.warningMap);
  const horizon = useAppStore((s) => s.panels.dueHours);
  const clock = useNow(MINUTE);
  const now = live ? Math.floor(clock / MINUTE) * MINUTE : asOf;
  const question: StatsQuestions['warnings'] = [{ now, hours: horizon, towns: town ? [town] : undefined, classes, limit: onMap ? ON_MAP : SHOWN }];
  const reading = useStatistics('warnings', question);
  const answer = figuresOf(reading);
  useWarningsOnMap(answer, onMap, lang);
  const listed = answer && { ...answer, dueSoon: answer.dueSoon.slice(0, SHOWN), repeats: answer.repeats.slice(0, SHOWN) };
  return (
    <section className="dash-card warnings" data-testid="warnings" data-now={now} data-town={hasFigures(reading) ? (reading.asked[0].towns?.[0] ?? '') : undefined}>
      <h3>
        {translate(lang, 'warnings')}
        <small className="warnings__as-of">
          {translate(lang, 'asOf')} {formatDateTime(lang, now)}
        </small>
      </h3>
      <label className="dash-card__control">
        <input type="checkbox" checked={onMap} onChange={(e) => useAppStore.getState().setPanel('warningMap', e.target.checked)} data-testid="warnings-map" />
        {translate(lang, 'warningsOnMap')}
      </label>
      <label className="dash-card__control">
        {translate(lang, 'dueHorizon')}
        <select value={horizon} onChange={(e) => useAppStore.getState().setPanel('dueHours', Number(e.target.value) as typeof horizon)} data-testid="warnings-horizon">
          {DUE_HORIZONS.map((h) => (
            <option key={h} value={h}>
              {h} {translate(lang, 'hoursUnit')}
            </option>
          ))}
        </select>
      </label>
      <StatsNote lang={lang} reading={reading} testid="warnings-stats" />
      {answer && (
        <>
          <AnomalyList lang={lang} anomalies={answer.anomalies} scopeTown={town} onOpen={(a) => openWarningTarget(anomalyTarget(a))} />
          <ClusterList lang={lang} cells={answer.cells} onOpen={(c) => openWarningTarget(cellTarget(c))} />
          <ForecastTable lang={lang} forecast={answer.forecast} />
          <DueSoonList lang={lang} answer={listed!} hours={horizon} onOpen={(c) => openWarningTarget(dueTarget(c))} />
          <RepeatList lang={lang} answer={listed!} onOpen={(r) => openWarningTarget(repeatTarget(r))} />
        </>
      )}
    </section>
  );
}
