import type { Layer } from '@deck.gl/core';
import { PathLayer, ScatterplotLayer, SolidPolygonLayer, TextLayer } from '@deck.gl/layers';
import { filterProps, KEEP_ALL, KEEP_CATEGORY } from './gpuFilter';
import { PointSpriteLayer } from './pointSpriteLayer';

/** Hidden, one feature each: they exist only to have their shader programs linked. */
export const WARM_UP_LAYER_IDS: readonly string[] = ['warm-up-sprites', 'warm-up-points', 'warm-up-polygons', 'warm-up-paths', 'warm-up-text'];

const SPOT: [number, number] = [117.5, 36.7];
const TRIANGLE: [number, number][] = [SPOT, [SPOT[0] + 1e-4, SPOT[1]], [SPOT[0], SPOT[1] + 1e-4]];
const passAll = { getFilterCategory: () => KEEP_CATEGORY, getFilterValue: () => 0, ...filterProps(KEEP_ALL) };
const common = { data: [null], visible: false, pickable: false, ...passAll };
const atSpot = () => SPOT;
const triangle = () => TRIANGLE;
const segment = () => TRIANGLE.slice(0, 2);

/**
 * One hidden layer per shader program the data layers draw with (point sprites, points, polygons and paths, all
 * with the GPU filter), handed to deck.gl with the map, while the GPU has nothing else to do. A
 * program linked later has the main thread wait for every frame queued on the GPU before it: on
 * a software GPU a 10× frame takes seconds, and the patches' first outline, linked after the
 * points had drawn, waited that long. deck.gl shares a linked program between the layers whose
 * shaders are the same, and keeps it while one of them lives, so these stay for the map's life
 * (made once per map: a layer belongs to the deck.gl instance that drew it).
 */
export function warmUpLayers(): Layer[] {
  return [
    new PointSpriteLayer<null>({ id: WARM_UP_LAYER_IDS[0], ...common, getPosition: atSpot }),
    new ScatterplotLayer<null>({ id: WARM_UP_LAYER_IDS[1], ...common, getPosition: atSpot }),
    new SolidPolygonLayer<null>({ id: WARM_UP_LAYER_IDS[2], ...common, getPolygon: triangle }),
    new PathLayer<null>({ id: WARM_UP_LAYER_IDS[3], ...common, getPath: segment, widthUnits: 'pixels' }),
    // The town labels' glyph program (the distance field is a uniform, not a define), linked a frame before their
    // atlas is made: each took 0.1 s on llvmpipe. Its font is deck.gl's default, so its one glyph has an atlas of its own.
    new TextLayer<null>({ id: WARM_UP_LAYER_IDS[4], data: [null], visible: false, pickable: false, getPosition: atSpot, getText: () => ' ', characterSet: ' ', fontSettings: { sdf: true } }),
  ] as Layer[];
}
