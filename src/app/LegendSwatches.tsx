import { label } from '../i18n';
import { DOMAIN_LAYERS, type DomainLayerId } from '../layers/registry';
import { useAppStore } from '../state/store';

/** The classes a layer is coloured by, each with its colour and its name (never colour alone). */
export function LegendSwatches({ layerId }: { layerId: DomainLayerId }) {
  const lang = useAppStore((s) => s.lang);
  const { classes, colors } = DOMAIN_LAYERS[layerId].style;
  return (
    <ul className="legend">
      {classes.values.map((value) => {
        const [r, g, b] = colors[value];
        return (
          <li key={value}>
            <span className="legend__swatch" style={{ background: `rgb(${r} ${g} ${b})` }} aria-hidden="true" />
            {label(lang, classes.labels[value])}
          </li>
        );
      })}
    </ul>
  );
}
