import type { TextLayerProps } from '@deck.gl/layers';
import { wrap } from 'comlink';
import { glyphTools, writeDistances, type DrawnGlyphs, type GlyphMetrics } from './drawGlyphs';
import type { GlyphsWorkerApi } from './glyphs.worker';
import { isGlyphFont, TOWN_LABEL_FONT, type GlyphFont } from './labelFont';

/** deck.gl's text layer asks a font for its renderer (measure and draw a glyph) with its settings, whole. */
type RendererOfFont = NonNullable<TextLayerProps['_getFontRenderer']>;
type FontRenderer = ReturnType<RendererOfFont>;

const stored = new Map<string, { metrics: GlyphMetrics; image: ImageData }>();
let storedFontMetrics: GlyphMetrics | null = null;
let drawing: Promise<void> | null = null;
const waiting = new Set<() => void>();
/** After a worker failed, the renderer draws what it lacks on the main thread, as deck.gl would. */
let workerFailed = false;

/** The characters of these texts whose distance fields are not stored yet. */
export function missingGlyphs(texts: Iterable<string>): string[] {
  const chars = new Set<string>();
  for (const text of texts) for (const char of text) if (!stored.has(char)) chars.add(char);
  return [...chars];
}

export function storeGlyphs(drawn: DrawnGlyphs): void {
  storedFontMetrics = drawn.fontMetrics;
  for (const g of drawn.glyphs) {
    const pixels = new Uint8ClampedArray(drawn.pixels.buffer, drawn.pixels.byteOffset + g.offset, g.imageWidth * g.imageHeight * 4);
    const { advance, width, ascent, descent } = g;
    stored.set(g.char, { metrics: { advance, width, ascent, descent }, image: new ImageData(pixels, g.imageWidth, g.imageHeight) });
  }
}

/**
 * Whether the glyphs these texts need are stored. If not, a worker draws the missing ones and
 * `onDrawn` runs once they are stored (or once the worker failed: then the renderer draws them),
 * once however often it was asked for.
 */
export function glyphsReady(texts: Iterable<string>, onDrawn: () => void): boolean {
  if (workerFailed) return true;
  const missing = missingGlyphs(texts);
  if (missing.length === 0) return true;
  waiting.add(onDrawn);
  drawing ??= drawInWorker(missing).finally(() => {
    drawing = null;
    const callbacks = [...waiting];
    waiting.clear();
    for (const callback of callbacks) callback();
  });
  return false;
}

/** Long enough for a busy machine (a district's names take 0.1 s); after it the labels are drawn here. */
const WORKER_PATIENCE_MS = 10_000;

const startWorker = () => new Worker(new URL('./glyphs.worker.ts', import.meta.url), { type: 'module', name: 'label-glyphs' });
let started: Worker | null = null;

/** Starts the worker before the town names arrive (it loads its script meanwhile), as MapLibre's prewarm does. */
export function prewarmGlyphWorker(): void {
  if (typeof Worker !== 'undefined') started ??= startWorker();
}

async function drawInWorker(chars: string[]): Promise<void> {
  const worker = started ?? startWorker();
  started = null;
  let timer = 0;
  // A worker whose script fails to load never answers: its error event, or the wait running out, ends the wait.
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', () => reject(new Error('the glyph worker failed')), { once: true });
    timer = window.setTimeout(() => reject(new Error('the glyph worker did not answer')), WORKER_PATIENCE_MS);
  });
  failed.catch(() => undefined);
  try {
    storeGlyphs(await Promise.race([wrap<GlyphsWorkerApi>(worker).drawGlyphs(chars, TOWN_LABEL_FONT), failed]));
  } catch {
    workerFailed = true;
  } finally {
    window.clearTimeout(timer);
    worker.terminate();
  }
}

/** Every glyph drawn here, on the main thread, as deck.gl's own SDF renderer draws it. */
function mainThreadRenderer(font: GlyphFont): FontRenderer {
  const tools = glyphTools(font);
  return {
    measure: tools.measure,
    draw(char) {
      const field = tools.field(char);
      const data = new ImageData(field.width, field.height);
      writeDistances(field.data, data.data);
      return { data, left: font.buffer, top: font.buffer };
    },
  };
}

/**
 * The town labels' font renderer for deck.gl's text layer: the distance fields the worker stored,
 * as deck.gl's SDF renderer would have drawn them (padded by the font's buffer). A glyph not
 * stored, or any glyph of another font, is drawn on the main thread.
 */
export const townLabelRenderer: RendererOfFont = (settings) => {
  const { fontFamily, fontWeight, fontSize, buffer, radius, cutoff } = settings;
  const font: GlyphFont = { fontFamily, fontWeight, fontSize, buffer, radius, cutoff };
  let fallback: FontRenderer | null = null;
  const here = () => (fallback ??= mainThreadRenderer(font));
  if (!isGlyphFont(font, TOWN_LABEL_FONT)) return here();
  return {
    measure: (char) => (char === undefined ? (storedFontMetrics ?? here().measure()) : (stored.get(char)?.metrics ?? here().measure(char))),
    draw(char) {
      const glyph = stored.get(char);
      return glyph ? { data: glyph.image, left: font.buffer, top: font.buffer } : here().draw(char);
    },
  };
};
