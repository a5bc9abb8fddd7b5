import { label, translate } from '../i18n';
import { DOMAIN_LAYER_IDS, DOMAIN_LAYERS } from '../layers/registry';
import { FULL_SPAN, isFiltered, withoutField } from '../state/filters';
import { isoDay } from '../state/timePresets';
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
  const timeText = `${translate(lang, 'timeRange')}: ${isoDay(filters.time.from)} – ${isoDay(filters.time.to - 1)}`;
  const sorted = [...towns].sort((a, b) => a.properties.code.localeCompare(b.properties.code));
  const townName = (code: string) => {
    const t = towns.find((x) => x.properties.code === code);
    return t ? (lang === 'zh' ? t.properties.name : t.properties.nameEn) : code;
  };
  const chips = DOMAIN_LAYER_IDS.flatMap((layerId) =>
    DOMAIN_LAYERS[layerId].filters.flatMap((f) => {
      const kept = filters.classes[layerId][f.field];
      if (!kept) return [];
      return [
        {
          key: `${layerId}.${f.field}`,
          text: `${label(lang, DOMAIN_LAYERS[layerId].title)} · ${label(lang, f.title)}: ${kept.map((v) => label(lang, f.classes.labels[v])).join('、') || '∅'}`,
          remove: () => setClassFilter(layerId, withoutField(filters.classes[layerId], f.field)),
        },
      ];
    }),
  );
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
