import type { Layer } from '@deck.gl/core';

/**
 * deck.gl builds every layer new to it in the same frame: its buffers, and its shaders linked on
 * the main thread (100–250 ms a layer type on a software GPU). At load, four or five layers
 * arrived together and made one frame of half a second. Admitted one new layer a frame, each
 * frame carries one layer's build, and the ones already drawn are updated as usual. A layer `held`
 * waits (the data layers until the basemap has drawn: basemapFirst.ts). A layer `first` is
 * admitted before the others waiting, wherever it stands in the built order (which stays the
 * drawing order): the town labels, whose glyphs come from a worker, need not queue behind the
 * data layers that came meanwhile.
 */
export function admitLayers(
  built: readonly Layer[],
  drawn: ReadonlySet<string>,
  held: (layer: Layer) => boolean = () => false,
  first: (layer: Layer) => boolean = () => false,
): { layers: Layer[]; waiting: number } {
  const admissible = built.filter((layer) => !drawn.has(layer.id) && !held(layer));
  const admitted = admissible.find(first) ?? admissible[0];
  const layers = built.filter((layer) => drawn.has(layer.id) || layer === admitted);
  return { layers, waiting: built.length - layers.length };
}
