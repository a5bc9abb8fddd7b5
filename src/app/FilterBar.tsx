import { translate } from '../i18n';
import { FULL_SPAN, isFiltered, withoutField } from '../state/filters';
import { useTownName } from './details/useTownName';
import { classFilterTexts, rangeText } from './filterText';
import { PlaybackControls } from './time/PlaybackControls';
import { TimeRangePicker } from './time/TimeRangePicker';
import { selectFeatures, useAppStore } from '../state/store';

/** The town picker and every active filter as a removable chip, with "clear all". */
export function FilterBar() {
  const lang = useAppStore((s) => s.lang);
  const filters = useAppStore((s) => s.filters);
  const towns = useAppStore((s) => selectFeatures(s, 'towns'));
  const { selectTown, setClassFilter, clearFilters, setTimeRange } = useAppStore.getState();
  const timeFiltered = filters.time.from !== FULL_SPAN.from || filters.time.to !== FULL_SPAN.to;
  const timeText = `${translate(lang, 'timeRange')}: ${rangeText(filters)}`;
  const sorted = [...towns].sort((a, b) => a.properties.code.localeCompare(b.properties.code));
  const townName = useTownName();
  const chips = classFilterTexts(filters, lang).map((c) => ({ ...c, remove: () => setClassFilter(c.layer, withoutField(filters.classes[c.layer], c.field)) }));
  return (
    <div className="filter-bar" role="group" aria-label={translate(lang, 'activeFilters')}>
      <label className="filter-bar__town">
        <span>{translate(lang, 'town')}</span>
        <select data-testid="town-select" value={filters.town ?? ''} onChange={(e) => selectTown(e.target.value || null)}>
          <option value="">{translate(lang, 'wholeDistrict')}</option>
          {sorted.map((t) => (
            <option key={t.properties.code} value={t.properties.code}>
              {lang === 'zh' ? t.properties.name : t.properties.nameEn}
            </option>
          ))}
        </select>
      </label>
      <TimeRangePicker />
      <PlaybackControls />
      <ul className="chips">
        {timeFiltered && (
          <li className="chip" data-testid="chip-time">
            {timeText}
            <button type="button" aria-label={`${translate(lang, 'removeFilter')} ${timeText}`} onClick={() => setTimeRange(FULL_SPAN)}>
              ×
            </button>
          </li>
        )}
        {filters.town && (
          <li className="chip" data-testid="chip-town">
            {townName(filters.town)}
            <button type="button" aria-label={`${translate(lang, 'removeFilter')} ${townName(filters.town)}`} onClick={() => selectTown(null)}>
              ×
            </button>
          </li>
        )}
        {chips.map((c) => (
          <li key={c.key} className="chip" data-testid={`chip-${c.key}`}>
            {c.text}
            <button type="button" aria-label={`${translate(lang, 'removeFilter')} ${c.text}`} onClick={c.remove}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {isFiltered(filters) && (
        <button type="button" className="filter-bar__clear" onClick={clearFilters}>
          {translate(lang, 'clearAll')}
        </button>
      )}
    </div>
  );
}
