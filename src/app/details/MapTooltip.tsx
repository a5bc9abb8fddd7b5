import { label, translate } from '../../i18n';
import { DOMAIN_LAYERS, type DomainLayerId } from '../../layers/registry';
import { useHoverStore } from '../../map/hoverStore';
import { useMemo } from 'react';
import { featureAt } from '../../data/columnar/readTable';
import { selectTable, useAppStore } from '../../state/store';
import { formatField } from './formatField';
import { useTownName } from './useTownName';

/** The few attributes worth a glance while hovering, per layer. */
const TOOLTIP_FIELDS: Record<DomainLayerId, readonly string[]> = {
  streetLamps: ['status', 'road', 'lampCount', 'townCode'],
  manholes: ['kind', 'status', 'road', 'townCode'],
  patches: ['status', 'areaM2', 'landType', 'townCode'],
  railway: ['category', 'quantity', 'status', 'townCode'],
};

export function MapTooltip() {
  const hover = useHoverStore((s) => s.hover);
  const note = useHoverStore((s) => s.note);
  const lang = useAppStore((s) => s.lang);
  const townName = useTownName();
  const layer = hover ? DOMAIN_LAYERS[hover.layer] : null;
  const table = useAppStore((s) => (layer ? selectTable(s, layer.features) : null));
  const index = hover?.index ?? -1;
  // The hovered feature's properties, read from the columns for this one feature.
  const props = useMemo(
    () => hover?.properties ?? (table && index >= 0 && index < table.length ? (featureAt(table, index).properties as Record<string, unknown>) : undefined),
    [hover, table, index],
  );
  if (note) {
    return (
      <div className="tooltip" role="tooltip" data-testid="warning-tooltip" style={{ left: note.x + 12, top: note.y + 12 }}>
        <strong>{note.note[0]}</strong>
        {note.note.slice(1).map((line) => (
          <p key={line}>{line}</p>
        ))}
        <small>{translate(lang, 'hoverHint')}</small>
      </div>
    );
  }
  if (!hover || !layer || !props) return null;
  return (
    <div className="tooltip" role="tooltip" data-testid="tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }}>
      <strong>
        {label(lang, layer.title)} · {String(props.id)}
      </strong>
      <dl>
        {TOOLTIP_FIELDS[hover.layer].map((field) => {
          const display = layer.fields.features[field];
          return (
            <div key={field}>
              <dt>{label(lang, display.label)}</dt>
              <dd>{formatField(lang, display, props[field], townName)}</dd>
            </div>
          );
        })}
      </dl>
      <small>{translate(lang, 'hoverHint')}</small>
    </div>
  );
}
