import { useMemo, useRef } from 'react';
import { ChartExport } from '../../app/exports/ChartExport';
import { formatNumber, label, translate } from '../../i18n';
import type { RGBA } from '../../layers/common/definition';
import { DOMAIN_LAYER_IDS, DOMAIN_LAYERS, type DomainLayerId } from '../../layers/registry';
import { selectShownCounts, selectTownCodes } from '../../map/columns/columnsCache';
import { layerFilterMasks } from '../../map/columns/filterMasks';
import { visibleCounts } from '../../map/columns/visibleCounts';
import { keptValues, withoutField } from '../../state/filters';
import { useAppStore } from '../../state/store';
import { BreakdownDonut, type Slice } from './BreakdownDonut';
import { useFilters } from '../../state/deferredFilters';

const PALETTE = ['#4263eb', '#f76707', '#37b24d', '#ae3ec9', '#1098ad', '#f59f00', '#e64980', '#868e96', '#74b816', '#5f3dc4'];
const rgb = (c: RGBA) => `rgb(${c[0]} ${c[1]} ${c[2]})`;

/**
 * A layer's drawn features by one attribute, under every filter except that attribute's own (so a
 * picked slice still shows its siblings); a click keeps only that class, a second click keeps all.
 */
export function BreakdownContainer() {
  const lang = useAppStore((s) => s.lang);
  const filters = useFilters();
  const setClassFilter = useAppStore((s) => s.setClassFilter);
  const layer = useAppStore((s) => s.panels.breakdownLayer);
  const channel = useAppStore((s) => s.panels.breakdownChannel);
  const setPanel = useAppStore((s) => s.setPanel);
  const def = DOMAIN_LAYERS[layer];
  const filterField = def.filters[Math.min(channel, def.filters.length - 1)];
  // A case layer the server keeps: its counts of the range shown (none while they are asked).
  const table = useAppStore((s) => selectShownCounts(s, layer));
  const counting = useAppStore((s) => s.collections[def.features]?.status === 'served') && table === null;
  const towns = useAppStore(selectTownCodes);

  const slices: Slice[] = useMemo(() => {
    if (!table) return [];
    const others = { ...filters, classes: { ...filters.classes, [layer]: withoutField(filters.classes[layer], filterField.field) } };
    const counts = visibleCounts(table, layerFilterMasks(layer, others, towns));
    const c = def.filters.indexOf(filterField);
    const kept = new Set(keptValues(layer, filters.classes[layer], filterField.field));
    const colors = filterField.field === def.style.classField ? (def.style.colors as Record<string, RGBA>) : null;
    return filterField.classes.values.map((value, i) => ({
      value,
      name: label(lang, filterField.classes.labels[value]),
      count: counts.byCategory[c][i],
      color: colors?.[value] ? rgb(colors[value]) : PALETTE[i % PALETTE.length],
      kept: kept.has(value),
    }));
  }, [table, filters, layer, towns, def, filterField, lang]);

  const pick = (value: string) => {
    const current = filters.classes[layer][filterField.field];
    const only = current?.length === 1 && current[0] === value;
    setClassFilter(layer, only ? withoutField(filters.classes[layer], filterField.field) : { ...filters.classes[layer], [filterField.field]: [value] });
  };

  const card = useRef<HTMLElement>(null);
  const title = `${label(lang, def.title)} · ${label(lang, filterField.title)}`;
  return (
    <section className="dash-card" data-testid="breakdown" data-layer={layer} data-field={filterField.field} ref={card}>
      <h3>
        {translate(lang, 'breakdown')}
        <ChartExport panel={card} title={title} name={title} />
      </h3>
      <div className="dash-card__controls">
        <select aria-label={translate(lang, 'layers')} value={layer} onChange={(e) => {
            setPanel('breakdownLayer', e.target.value as DomainLayerId);
            setPanel('breakdownChannel', 0);
          }} data-testid="breakdown-layer">
          {DOMAIN_LAYER_IDS.map((id) => (
            <option key={id} value={id}>
              {label(lang, DOMAIN_LAYERS[id].title)}
            </option>
          ))}
        </select>
        <select aria-label={translate(lang, 'metric')} value={def.filters.indexOf(filterField)} onChange={(e) => setPanel('breakdownChannel', Number(e.target.value))} data-testid="breakdown-field">
          {def.filters.map((f, i) => (
            <option key={f.field} value={i}>
              {label(lang, f.title)}
            </option>
          ))}
        </select>
      </div>
      {counting && (
        <p className="muted" data-testid="breakdown-counting">
          {translate(lang, 'loading')}
        </p>
      )}
      {slices.length > 0 && (
        <BreakdownDonut
          slices={slices}
          title={`${label(lang, def.title)} · ${label(lang, filterField.title)}`}
          formatCount={(n) => formatNumber(lang, n)}
          onPick={pick}
        />
      )}
    </section>
  );
}
