import { lazy, Suspense } from 'react';
import { translate } from '../i18n';
import type { CollectionId } from '../layers/registry';
import { DOMAIN_LAYER_IDS, DOMAIN_LAYERS } from '../layers/registry';
import { useAppStore } from '../state/store';
import { CollectionStatus } from './CollectionStatus';
import { LampLighting } from './LampLighting';
import { LayerControls } from './LayerControls';
import { LegendSwatches } from './LegendSwatches';
import { LayerExport } from './exports/LayerExport';

// A layer's yearly bars are loaded after the first map.
const CaseTrendContainer = lazy(() => import('../charts/CaseTrendContainer').then((m) => ({ default: m.CaseTrendContainer })));

const BASE: readonly CollectionId[] = ['district', 'towns', 'roads', 'railways', 'railway-corridor'];

export function LayerPanel({ onRetry, asOf, live }: { onRetry: (id: CollectionId) => void; asOf: number; live: boolean }) {
  const lang = useAppStore((s) => s.lang);
  return (
    <aside className="panel" aria-label={translate(lang, 'layers')}>
      <h2>{translate(lang, 'layers')}</h2>
      {DOMAIN_LAYER_IDS.map((layerId) => {
        const layer = DOMAIN_LAYERS[layerId];
        const collections = layer.features === layer.cases ? [layer.features] : [layer.features, layer.cases];
        return (
          <section key={layerId} className="layer" data-testid={`layer-${layerId}`}>
            <LayerControls layerId={layerId} />
            {layerId === 'streetLamps' && <LampLighting asOf={asOf} />}
            <ul>
              {collections.map((id) => (
                <CollectionStatus key={id} id={id} onRetry={onRetry} live={live} />
              ))}
            </ul>
            <LegendSwatches layerId={layerId} />
            <Suspense fallback={null}>
              <CaseTrendContainer layerId={layerId} />
            </Suspense>
            <LayerExport layerId={layerId} />
          </section>
        );
      })}
      <section className="layer">
        <h3>{translate(lang, 'baseLayers')}</h3>
        <ul>
          {BASE.map((id) => (
            <CollectionStatus key={id} id={id} onRetry={onRetry} live={live} />
          ))}
        </ul>
        <p className="note">{translate(lang, 'derivedNote')}</p>
      </section>
    </aside>
  );
}
