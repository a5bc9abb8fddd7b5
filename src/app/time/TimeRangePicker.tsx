import { useState } from 'react';
import { translate, type Lang } from '../../i18n';
import type { TimeRange } from '../../state/filters';
import { dayRange, isoDay, presetOf, presetRange, TIME_PRESETS, type TimePreset } from '../../state/timePresets';
import { useAppStore } from '../../state/store';

/** The global time range: a named period, or two days typed or picked (both included). */
export function TimeRangePicker() {
  const lang = useAppStore((s) => s.lang);
  const time = useAppStore((s) => s.filters.time);
  const asOf = useAppStore((s) => s.asOf);
  const setTimeRange = useAppStore((s) => s.setTimeRange);
  const preset = presetOf(time, asOf);
  return (
    <div className="time-picker" role="group" aria-label={translate(lang, 'timeRange')}>
      <label>
        <span>{translate(lang, 'timeRange')}</span>
        <select
          data-testid="time-preset"
          value={preset ?? 'custom'}
          onChange={(e) => e.target.value !== 'custom' && setTimeRange(presetRange(e.target.value as TimePreset, asOf))}
        >
          {TIME_PRESETS.map((p) => (
            <option key={p} value={p}>
              {translate(lang, `preset_${p}`)}
            </option>
          ))}
          <option value="custom">{translate(lang, 'preset_custom')}</option>
        </select>
      </label>
      {/* Keyed by the range, so the days being typed start again from the range whenever it changes elsewhere. */}
      <DayInputs key={`${time.from}-${time.to}`} lang={lang} time={time} onApply={setTimeRange} />
    </div>
  );
}

function DayInputs({ lang, time, onApply }: { lang: Lang; time: TimeRange; onApply(range: TimeRange): void }) {
  const [first, setFirst] = useState(isoDay(time.from));
  const [last, setLast] = useState(isoDay(time.to - 1));
  const apply = () => {
    const range = dayRange(first, last);
    if (range && (range.from !== time.from || range.to !== time.to)) onApply(range);
  };
  return (
    <>
      <label>
        <span className="visually-hidden">{translate(lang, 'firstDay')}</span>
        <input type="date" data-testid="time-from" value={first} onChange={(e) => setFirst(e.target.value)} onBlur={apply} onKeyDown={(e) => e.key === 'Enter' && apply()} />
      </label>
      <span aria-hidden="true">–</span>
      <label>
        <span className="visually-hidden">{translate(lang, 'lastDay')}</span>
        <input type="date" data-testid="time-to" value={last} onChange={(e) => setLast(e.target.value)} onBlur={apply} onKeyDown={(e) => e.key === 'Enter' && apply()} />
      </label>
    </>
  );
}
