import { useState } from 'react';
import { formatNumber, label, translate, type Lang } from '../../i18n';
import type { RGBA } from '../../layers/common/definition';
import { DOMAIN_LAYER_IDS, DOMAIN_LAYERS } from '../../layers/registry';
import { downloadFile } from '../../exports/download';
import { renderMapImage, type MapImageFrame, type MapImageSize } from '../../exports/mapImage';
import { activeMap } from '../../map/activeMap';
import { selectShownCounts, selectTownCodes } from '../../map/columns/columnsCache';
import { layerFilterMasks } from '../../map/columns/filterMasks';
import { visibleCounts } from '../../map/columns/visibleCounts';
import { DATA_ATTRIBUTION } from '../../map/MapView';
import { useAppStore } from '../../state/store';
import { currentExport, exportColors } from './exportContext';

const SIZES: { id: string; size: MapImageSize; text: string }[] = [
  { id: '1x', size: { pixelRatio: 1 }, text: '1×' },
  { id: '2x', size: { pixelRatio: 2 }, text: '2×' },
  { id: '4k', size: { width: 3840, height: 2160 }, text: '3840×2160' },
];

/** Title, range, filters and the legend of every visible layer (its classes, with how many are drawn). */
function frameOf(lang: Lang, context: ReturnType<typeof currentExport>['context']): MapImageFrame {
  const s = useAppStore.getState();
  const towns = selectTownCodes(s);
  const legend = DOMAIN_LAYER_IDS.filter((id) => s.layers[id].visible).map((id) => {
    const layer = DOMAIN_LAYERS[id];
    const shown = selectShownCounts(s, id);
    const counts = shown && visibleCounts(shown, layerFilterMasks(id, s.filters, towns));
    const colors = layer.style.colors as Record<string, RGBA>;
    return {
      title: label(lang, layer.title),
      entries: layer.style.classes.values.map((v, i) => ({
        color: `rgb(${colors[v][0]} ${colors[v][1]} ${colors[v][2]})`,
        text: `${label(lang, layer.style.classes.labels[v])}${counts ? ` (${formatNumber(lang, counts.byCategory[0][i])})` : ''}`,
      })),
    };
  });
  return {
    title: `${context.district} · ${translate(lang, 'mapTitle')}`,
    subtitle: `${translate(lang, 'timeRange')}: ${context.range}`,
    filters: `${translate(lang, 'activeFilters')}: ${context.filters}`,
    legend,
    attribution: `${DATA_ATTRIBUTION} · ${context.generatedAt}`,
    theme: exportColors(s.theme),
  };
}

/** The map as a PNG for reports, at screen resolution, twice it, or 3840×2160, with its legend drawn in. */
export function MapExport() {
  const lang = useAppStore((s) => s.lang);
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (id: string, size: MapImageSize) => {
    const map = activeMap();
    if (!map) return;
    setBusy(id);
    try {
      const { context, fileName } = currentExport(lang, Date.now());
      const canvas = await renderMapImage(map, size, frameOf(lang, context));
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (blob) downloadFile(fileName(`${translate(lang, 'mapFile')}-${id}`, 'png'), blob, 'image/png');
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="map-export" role="group" aria-label={translate(lang, 'exportMap')} data-testid="map-export">
      <span>{translate(lang, 'exportMap')}</span>
      {SIZES.map(({ id, size, text }) => (
        <button key={id} type="button" data-size={id} disabled={busy !== null} onClick={() => void run(id, size)}>
          {busy === id ? translate(lang, 'exporting') : text}
        </button>
      ))}
    </div>
  );
}
