import { describe, expect, it } from 'vitest';
import { measureGlyph } from './drawGlyphs';

/** A canvas context that answers measureText with fixed metrics. */
const measuring = (metrics: Partial<TextMetrics>) => ({ measureText: () => metrics as TextMetrics });

describe('measureGlyph (deck.gl text layer’s own arithmetic, so its atlas lays glyphs out the same)', () => {
  it('gives a glyph its advance, its inked width and its ascent and descent, rounded up to whole pixels', () => {
    const ctx = measuring({ width: 31.7, actualBoundingBoxLeft: -0.6, actualBoundingBoxRight: 30.2, actualBoundingBoxAscent: 27.1, actualBoundingBoxDescent: 3.2 });
    expect(measureGlyph(ctx, 32, '镇')).toEqual({ advance: 31.7, width: 31, ascent: 28, descent: 4 });
  });

  it('gives a glyph with no ink (a space) the font’s default ascent and descent, and its advance as its width', () => {
    const ctx = measuring({ width: 8.5, actualBoundingBoxLeft: 0, actualBoundingBoxRight: 0, actualBoundingBoxAscent: 0, actualBoundingBoxDescent: 0 });
    expect(measureGlyph(ctx, 32, ' ')).toEqual({ advance: 8.5, width: 8.5, ascent: 32 * 0.9, descent: 32 * 0.3 });
  });

  it('gives the font’s own box from its bounding box, or the defaults where the browser has none', () => {
    expect(measureGlyph(measuring({ fontBoundingBoxAscent: 34.3, fontBoundingBoxDescent: 8.1 }), 32)).toEqual({ advance: 0, width: 0, ascent: 35, descent: 9 });
    expect(measureGlyph(measuring({}), 32)).toEqual({ advance: 0, width: 0, ascent: 32 * 0.9, descent: 32 * 0.3 });
  });
});
