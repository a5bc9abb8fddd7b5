import { describe, expect, it } from 'vitest';
import { loadBundled as load } from '../../test/unit/support/bundledCollections';
import { useAppStore } from '../state/store';
import { buildDeckLayers } from './deckLayers';
import { selectMapInput } from './mapInput';
import { drawnAtZoom, PATCH_OUTLINE_MIN_ZOOM } from './patchDots';
import { PointSpriteLayer } from './pointSpriteLayer';
import { withDrawnColumns } from '../data/columnar/drawnColumns';

type DotAttributes = Record<'getPosition' | 'getRadius' | 'getFillColor' | 'filterCategoryValues' | 'getFilterValue', { value: Float32Array | Uint8Array }>;

describe('the patches at small scales', () => {
  it('are drawn as dots below the outline zoom and with outlines from it; every other layer at every zoom', () => {
    for (const zoom of [8, 9, 11.99]) {
      expect(drawnAtZoom('patches-dots', zoom)).toBe(true);
      expect(drawnAtZoom('patches-outline', zoom)).toBe(false);
    }
    for (const zoom of [PATCH_OUTLINE_MIN_ZOOM, 15, 19]) {
      expect(drawnAtZoom('patches-dots', zoom)).toBe(false);
      expect(drawnAtZoom('patches-outline', zoom)).toBe(true);
    }
    for (const id of ['patches', 'manholes', 'lamps', 'railway-issues', 'town-labels']) for (const zoom of [9, 16]) expect(drawnAtZoom(id, zoom)).toBe(true);
  });

  it('stand one dot per patch, in its row, at the centre of its ring, about its size, in its outline colour, filtered as the patch', () => {
    load('towns');
    load('patches');
    const input = selectMapInput(useAppStore.getState());
    const dots = buildDeckLayers(input).find((l) => l.id === 'patches-dots')!;
    expect(dots).toBeInstanceOf(PointSpriteLayer);
    const shown = useAppStore.getState().collections.patches;
    if (shown?.status !== 'loaded') throw new Error('patches not loaded');
    const columns = input.columns.patches!;
    const data = dots.props.data as unknown as { length: number; attributes: DotAttributes };
    expect(data.length).toBe(shown.table.length);
    const { coordinates, offsets } = shown.table.geometry;
    for (const row of [0, 1, Math.floor(data.length / 2), data.length - 1]) {
      const ring = offsets!.rings[offsets!.parts[row]];
      const xs: number[] = [];
      const ys: number[] = [];
      for (let v = offsets!.positions[ring]; v < offsets!.positions[ring + 1]; v++) {
        xs.push(coordinates[v * 2]);
        ys.push(coordinates[v * 2 + 1]);
      }
      const at = data.attributes.getPosition.value;
      expect(at[row * 3] + dots.props.coordinateOrigin[0]).toBeCloseTo((Math.min(...xs) + Math.max(...xs)) / 2, 6);
      expect(at[row * 3 + 1] + dots.props.coordinateOrigin[1]).toBeCloseTo((Math.min(...ys) + Math.max(...ys)) / 2, 6);
      // Half its mean extent in metres: about the radius of a circle of its area.
      const area = Number((shown.table.properties.areaM2 as { values: Float64Array }).values[row]);
      expect(data.attributes.getRadius.value[row]).toBeGreaterThan(0.7 * Math.sqrt(area / Math.PI));
      expect(data.attributes.getRadius.value[row]).toBeLessThan(1.6 * Math.sqrt(area / Math.PI));
      const fill = Array.from(columns.style.fill.subarray(row * 4, row * 4 + 3));
      expect(Array.from(data.attributes.getFillColor.value.subarray(row * 4, row * 4 + 4))).toEqual([...fill.map((c) => Math.round(c * 0.6)), 255]);
    }
    expect(data.attributes.filterCategoryValues.value).toBe(columns.categories);
    expect(data.attributes.getFilterValue.value).toBe(columns.minutes);
    const fills = buildDeckLayers(input).find((l) => l.id === 'patches')!;
    const [dotProps, fillProps] = [dots.props, fills.props] as unknown as Record<string, unknown>[];
    for (const prop of ['extensions', 'filterCategories', 'filterRange', 'visible', 'opacity', 'highlightedObjectIndex']) expect(dotProps[prop], prop).toEqual(fillProps[prop]);
  });

  it('are drawn from the arrays the decode worker made: the page neither paints nor renumbers them', () => {
    load('towns');
    load('patches');
    const store = useAppStore.getState();
    const shown = store.collections.patches;
    if (shown?.status !== 'loaded') throw new Error('patches not loaded');
    const table = withDrawnColumns(shown.table);
    store.setCollection('patches', { ...shown, table });
    const layers = buildDeckLayers(selectMapInput(useAppStore.getState()));
    const attributes = (id: string) => (layers.find((l) => l.id === id)!.props.data as unknown as { attributes: Record<string, { value: unknown }> }).attributes;
    const polygons = table.drawn!.polygons!;
    expect(attributes('patches').fillColors.value).toBe(polygons.fill);
    expect(attributes('patches').filterCategoryValues.value).toBe(polygons.categories);
    expect(attributes('patches-dots').getPosition.value).toBe(polygons.dotOffsets);
    expect(attributes('patches-dots').filterCategoryValues.value).toBe(table.drawn!.categories);
  });
});
