import { useMemo } from 'react';
import { formatNumber, label } from '../i18n';
import { DOMAIN_LAYERS, type DomainLayerId } from '../layers/registry';
import { countByClass } from '../stats/countByClass';
import { selectFeatures, useAppStore } from '../state/store';

/** The classes a layer is coloured by: each with its colour, its name (never colour alone) and how many features it holds. */
export function LegendSwatches({ layerId }: { layerId: DomainLayerId }) {
  const lang = useAppStore((s) => s.lang);
  const layer = DOMAIN_LAYERS[layerId];
  const features = useAppStore((s) => selectFeatures(s, layer.features));
  const { classes, colors, classField } = layer.style;
  const counts = useMemo(() => countByClass(features, classField, classes.values), [features, classField, classes]);
  return (
    <ul className="legend" data-testid={`legend-${layerId}`}>
      {classes.values.map((value) => {
        const [r, g, b] = colors[value];
        return (
          <li key={value} data-class={value} data-count={counts.get(value) ?? 0}>
            <span className="legend__swatch" style={{ background: `rgb(${r} ${g} ${b})` }} aria-hidden="true" />
            {label(lang, classes.labels[value])}
            {features.length > 0 && <span className="legend__count">{formatNumber(lang, counts.get(value) ?? 0)}</span>}
          </li>
        );
      })}
    </ul>
  );
}
