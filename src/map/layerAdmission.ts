import type { Layer } from '@deck.gl/core';

/**
 * deck.gl builds every layer new to it in the same frame: its buffers, and its shaders linked on
 * the main thread (100–250 ms a layer type on a software GPU). At load, four or five layers
 * arrived together and made one frame of half a second. Admitted one new layer a frame, each
 * frame carries one layer's build, and the ones already drawn are updated as usual. A layer `held`
 * waits (the data layers until the basemap has drawn: basemapFirst.ts).
 */
export function admitLayers(built: readonly Layer[], drawn: ReadonlySet<string>, held: (layer: Layer) => boolean = () => false): { layers: Layer[]; waiting: number } {
  let admitted = false;
  let waiting = 0;
  const layers = built.filter((layer) => {
    if (drawn.has(layer.id)) return true;
    if (!admitted && !held(layer)) {
      admitted = true;
      return true;
    }
    waiting++;
    return false;
  });
  return { layers, waiting };
}
