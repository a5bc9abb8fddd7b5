import TinySDF from '@mapbox/tiny-sdf';
import type { GlyphFont } from './labelFont';

/** A glyph's box as deck.gl's text layer measures it (advance, inked width, ascent and descent, whole pixels). */
export interface GlyphMetrics {
  advance: number;
  width: number;
  ascent: number;
  descent: number;
}

export interface DrawnGlyph extends GlyphMetrics {
  char: string;
  imageWidth: number;
  imageHeight: number;
  /** Where its RGBA pixels start in `pixels`. */
  offset: number;
}

/** Distance fields of some glyphs, in one buffer (so a worker transfers them in one piece). */
export interface DrawnGlyphs {
  /** The font's own box (of an "A"): the text layer centres lines with it. */
  fontMetrics: GlyphMetrics;
  glyphs: DrawnGlyph[];
  pixels: Uint8ClampedArray<ArrayBuffer>;
}

/** Canvas metrics of a browser without full TextMetrics: deck.gl's own fallbacks. */
const DEFAULT_ASCENT = 0.9;
const DEFAULT_DESCENT = 0.3;

type MeasuringContext = Pick<CanvasRenderingContext2D, 'measureText'>;

/** deck.gl's measure, the same arithmetic, so its atlas lays the glyphs out as its own renderer would. */
export function measureGlyph(ctx: MeasuringContext, fontSize: number, char?: string): GlyphMetrics {
  if (char === undefined) {
    const box = ctx.measureText('A');
    if (box.fontBoundingBoxAscent) return { advance: 0, width: 0, ascent: Math.ceil(box.fontBoundingBoxAscent), descent: Math.ceil(box.fontBoundingBoxDescent) };
    return { advance: 0, width: 0, ascent: fontSize * DEFAULT_ASCENT, descent: fontSize * DEFAULT_DESCENT };
  }
  const m = ctx.measureText(char);
  if (!m.actualBoundingBoxAscent) return { advance: m.width, width: m.width, ascent: fontSize * DEFAULT_ASCENT, descent: fontSize * DEFAULT_DESCENT };
  return {
    advance: m.width,
    width: Math.ceil(m.actualBoundingBoxRight - m.actualBoundingBoxLeft),
    ascent: Math.ceil(m.actualBoundingBoxAscent),
    descent: Math.ceil(m.actualBoundingBoxDescent),
  };
}

/** A font's measure (deck.gl's) and distance fields (TinySDF's, with deck.gl's settings), set up once. */
export function glyphTools(font: GlyphFont) {
  const sdf = new TinySDF({ fontSize: font.fontSize, buffer: font.buffer, radius: font.radius, cutoff: font.cutoff, fontFamily: font.fontFamily, fontWeight: String(font.fontWeight) });
  const ctx = new OffscreenCanvas(1, 1).getContext('2d')!;
  ctx.font = `${font.fontWeight} ${font.fontSize}px ${font.fontFamily}`;
  return { measure: (char?: string) => measureGlyph(ctx, font.fontSize, char), field: (char: string) => sdf.draw(char) };
}

/** A distance field into RGBA pixels from `offset`: the distance in alpha, as deck.gl's atlas reads it. */
export function writeDistances(field: Uint8ClampedArray, pixels: Uint8ClampedArray, offset = 0): void {
  for (let i = 0; i < field.length; i++) pixels[offset + 4 * i + 3] = field[i];
}

/**
 * The signed distance field of each glyph (TinySDF, as deck.gl's text layer draws them), its
 * distance in the alpha channel, with the glyph's box. Needs only an OffscreenCanvas: it runs in a worker.
 */
export function drawGlyphs(chars: readonly string[], font: GlyphFont): DrawnGlyphs {
  const tools = glyphTools(font);
  const drawn = chars.map((char) => ({ char, metrics: tools.measure(char), field: tools.field(char) }));
  const pixels = new Uint8ClampedArray(drawn.reduce((n, d) => n + d.field.width * d.field.height * 4, 0));
  let offset = 0;
  const glyphs = drawn.map(({ char, metrics, field }) => {
    const glyph: DrawnGlyph = { char, ...metrics, imageWidth: field.width, imageHeight: field.height, offset };
    writeDistances(field.data, pixels, offset);
    offset += field.data.length * 4;
    return glyph;
  });
  return { fontMetrics: tools.measure(), glyphs, pixels };
}
