import { formatNumber, label, translate } from '../i18n';
import type { RGBA } from '../layers/common/definition';
import { DOMAIN_LAYERS, type DomainLayerId } from '../layers/registry';
import { sameRange } from '../data/servedCases';
import { useVisibleCounts } from '../map/columns/useVisibleCounts';
import { keptValues } from '../state/filters';
import { useAppStore } from '../state/store';

/**
 * One attribute filter of a layer as a list of switches: each class with its name (never colour
 * alone), its colour when it is the styled attribute, and how many of its features are drawn of how many.
 */
export function ClassFilterList({ layerId, channel }: { layerId: DomainLayerId; channel: number }) {
  const lang = useAppStore((s) => s.lang);
  const filter = useAppStore((s) => s.filters.classes[layerId]);
  const toggle = useAppStore((s) => s.toggleClass);
  const layer = DOMAIN_LAYERS[layerId];
  const { field, classes, title } = layer.filters[channel];
  const colors = field === layer.style.classField ? (layer.style.colors as Record<string, RGBA>) : null;
  const { table, counts } = useVisibleCounts(layerId);
  const failed = useAppStore((s) => {
    const c = s.collections[layer.features];
    return c?.status === 'served' && c.rangeCountsFailed !== undefined && sameRange(c.rangeCountsFailed.range, s.filters.time);
  });
  const kept = new Set(keptValues(layerId, filter, field));
  return (
    <ul className="legend" data-testid={`filter-${layerId}-${field}`} aria-label={label(lang, title)}>
      {classes.values.map((value, i) => {
        const total = table?.totals[channel][i] ?? 0;
        const visible = counts?.byCategory[channel][i];
        const color = colors?.[value];
        return (
          <li key={value} data-class={value} data-count={total} data-visible={visible ?? (failed ? 'unavailable' : 'pending')}>
            <button type="button" className="legend__toggle" aria-pressed={kept.has(value)} onClick={() => toggle(layerId, field, value)}>
              {color && <span className="legend__swatch" style={{ background: `rgb(${color[0]} ${color[1]} ${color[2]})` }} aria-hidden="true" />}
              {label(lang, classes.labels[value])}
              {table && visible !== undefined && (
                <span className="legend__count" aria-label={`${formatNumber(lang, visible)} ${translate(lang, 'shownOf')} ${formatNumber(lang, total)}`}>
                  {formatNumber(lang, visible)}/{formatNumber(lang, total)}
                </span>
              )}
              {table && visible === undefined && (
                // A layer the server keeps: its counts of a new time range are on their way.
                <span className="legend__count" aria-label={`${translate(lang, failed ? 'shownUnavailable' : 'shownCounting')} ${formatNumber(lang, total)}`}>
                  {failed ? '—' : '…'}/{formatNumber(lang, total)}
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The styled attribute as the legend, the layer's other attributes folded away under it. */
export function LegendSwatches({ layerId }: { layerId: DomainLayerId }) {
  const lang = useAppStore((s) => s.lang);
  const others = DOMAIN_LAYERS[layerId].filters.slice(1);
  return (
    <div data-testid={`legend-${layerId}`}>
      <ClassFilterList layerId={layerId} channel={0} />
      {others.map((f, i) => (
        <details key={f.field} className="filter-more">
          <summary>{label(lang, f.title)}</summary>
          <ClassFilterList layerId={layerId} channel={i + 1} />
        </details>
      ))}
    </div>
  );
}
