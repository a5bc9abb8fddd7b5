import { expose, transfer } from 'comlink';
import { drawGlyphs } from './drawGlyphs';
import type { GlyphFont } from './labelFont';

/** The town labels' distance fields, drawn off the main thread (0.1 s there for a district's names). */
const api = {
  drawGlyphs(chars: readonly string[], font: GlyphFont) {
    const drawn = drawGlyphs(chars, font);
    return transfer(drawn, [drawn.pixels.buffer]);
  },
};

export type GlyphsWorkerApi = typeof api;
expose(api);
