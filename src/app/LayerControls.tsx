import { label, translate } from '../i18n';
import { DOMAIN_LAYERS, type DomainLayerId } from '../layers/registry';
import { useAppStore } from '../state/store';

/** A layer's title as its visibility switch, and its opacity. */
export function LayerControls({ layerId }: { layerId: DomainLayerId }) {
  const lang = useAppStore((s) => s.lang);
  const display = useAppStore((s) => s.layers[layerId]);
  const setLayerDisplay = useAppStore((s) => s.setLayerDisplay);
  const title = label(lang, DOMAIN_LAYERS[layerId].title);
  return (
    <div className="layer__controls">
      <h3>
        <label className="layer__toggle">
          <input type="checkbox" checked={display.visible} onChange={(e) => setLayerDisplay(layerId, { visible: e.target.checked })} />
          {title}
        </label>
      </h3>
      <input
        type="range"
        min={0}
        max={100}
        step={5}
        value={Math.round(display.opacity * 100)}
        disabled={!display.visible}
        aria-label={`${title} ${translate(lang, 'opacity')}`}
        aria-valuetext={`${Math.round(display.opacity * 100)}%`}
        onChange={(e) => setLayerDisplay(layerId, { opacity: Number(e.target.value) / 100 })}
      />
    </div>
  );
}
