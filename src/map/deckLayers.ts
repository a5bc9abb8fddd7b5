import type { Layer } from '@deck.gl/core';
import { PolygonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Position } from 'geojson';
import type { TypedFeature } from '../data/validate';
import type { Lang } from '../i18n';
import type { RGBA } from '../layers/common/definition';
import { DOMAIN_LAYERS, type DomainLayerId } from '../layers/registry';
import type { LayerDisplay, Theme } from '../state/store';
import { PALETTES } from './theme';

/** CJK fonts installed on the viewer's machine; deck.gl rasterises the glyphs it needs locally. */
export const LABEL_FONTS = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif';

type Color = [number, number, number, number];
const colorOf = (colors: Readonly<Record<string, RGBA>>, value: string): Color => [...(colors[value] ?? [128, 128, 128, 200])] as Color;

export interface MapLayerData {
  towns: TypedFeature<'towns'>[];
  lamps: TypedFeature<'lamps'>[];
  manholes: TypedFeature<'manholes'>[];
  patches: TypedFeature<'patches'>[];
  railwayIssues: TypedFeature<'railway-issues'>[];
}

const pointOf = (f: { geometry: { coordinates: Position } }) => f.geometry.coordinates as [number, number];

export function buildDeckLayers(data: MapLayerData, theme: Theme, lang: Lang, display: Record<DomainLayerId, LayerDisplay>): Layer[] {
  const palette = PALETTES[theme];
  const shown = (id: DomainLayerId) => ({ visible: display[id].visible, opacity: display[id].opacity });
  return [
    new PolygonLayer<TypedFeature<'patches'>>({
      id: 'patches',
      data: data.patches,
      ...shown('patches'),
      getPolygon: (f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates[0]),
      getFillColor: (f) => colorOf(DOMAIN_LAYERS.patches.style.colors, f.properties.status),
      getLineColor: (f) => {
        const c = colorOf(DOMAIN_LAYERS.patches.style.colors, f.properties.status);
        return [c[0] * 0.6, c[1] * 0.6, c[2] * 0.6, 255];
      },
      lineWidthMinPixels: 1,
      pickable: true,
    }),
    new ScatterplotLayer<TypedFeature<'manholes'>>({
      id: 'manholes',
      data: data.manholes,
      ...shown('manholes'),
      getPosition: pointOf,
      getFillColor: (f) => colorOf(DOMAIN_LAYERS.manholes.style.colors, f.properties.kind),
      getLineColor: (f) => (f.properties.status === 'defective' ? [230, 30, 40, 255] : [0, 0, 0, 0]),
      stroked: true,
      lineWidthMinPixels: 1.5,
      getRadius: 3,
      radiusMinPixels: 1,
      radiusMaxPixels: 8,
      pickable: true,
    }),
    new ScatterplotLayer<TypedFeature<'lamps'>>({
      id: 'lamps',
      data: data.lamps,
      ...shown('streetLamps'),
      getPosition: pointOf,
      getFillColor: (f) => colorOf(DOMAIN_LAYERS.streetLamps.style.colors, f.properties.status),
      getRadius: (f) => 4 * Math.sqrt(f.properties.lampCount),
      radiusMinPixels: 1.2,
      radiusMaxPixels: 10,
      pickable: true,
    }),
    new ScatterplotLayer<TypedFeature<'railway-issues'>>({
      id: 'railway-issues',
      data: data.railwayIssues,
      ...shown('railway'),
      getPosition: pointOf,
      getFillColor: (f) => colorOf(DOMAIN_LAYERS.railway.style.colors, f.properties.category),
      getLineColor: [40, 40, 40, 255],
      stroked: true,
      lineWidthMinPixels: 1,
      getRadius: 25,
      radiusMinPixels: 3,
      radiusMaxPixels: 12,
      pickable: true,
    }),
    new TextLayer<TypedFeature<'towns'>>({
      id: 'town-labels',
      data: data.towns,
      getPosition: (f) => f.properties.seat,
      getText: (f) => (lang === 'zh' ? f.properties.name : f.properties.nameEn),
      fontFamily: LABEL_FONTS,
      fontWeight: 600,
      characterSet: 'auto',
      getSize: 15,
      getColor: palette.label,
      outlineWidth: 3,
      outlineColor: palette.labelHalo,
      fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
      updateTriggers: { getText: lang, getColor: theme },
    }),
  ];
}
