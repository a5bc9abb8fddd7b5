import { beforeAll, describe, expect, it } from 'vitest';
import { missingGlyphs, storeGlyphs, townLabelRenderer } from './glyphStore';
import { TOWN_LABEL_FONT, TOWN_LABEL_TEXT_PROPS } from './labelFont';

beforeAll(() => {
  // Node has no ImageData: the store only wraps the worker's pixels in one.
  globalThis.ImageData ??= class {
    constructor(
      readonly data: Uint8ClampedArray,
      readonly width: number,
      readonly height: number,
    ) {}
  } as unknown as typeof ImageData;
});

/** deck.gl's settings for the labels' font, whole, as it hands them to a renderer. */
const deckSettings = { ...TOWN_LABEL_TEXT_PROPS.fontSettings, fontFamily: TOWN_LABEL_FONT.fontFamily, fontWeight: '600', characterSet: 'auto', smoothing: 0.1 };

describe('the town labels’ glyph store', () => {
  it('lists the characters of the names it has no glyph for, each once', () => {
    expect(missingGlyphs(['明水街道', '双山街道'])).toEqual(['明', '水', '街', '道', '双', '山']);
  });

  it('serves the glyphs a worker drew, padded by the font’s buffer as deck.gl’s own SDF renderer pads them', () => {
    const pixels = new Uint8ClampedArray(2 * 1 * 4 + 1 * 2 * 4).map((_, i) => i);
    storeGlyphs({
      fontMetrics: { advance: 0, width: 0, ascent: 35, descent: 9 },
      glyphs: [
        { char: '明', advance: 32, width: 30, ascent: 28, descent: 3, imageWidth: 2, imageHeight: 1, offset: 0 },
        { char: '水', advance: 32, width: 29, ascent: 27, descent: 4, imageWidth: 1, imageHeight: 2, offset: 8 },
      ],
      pixels,
    });
    expect(missingGlyphs(['明水街道'])).toEqual(['街', '道']);
    const renderer = townLabelRenderer(deckSettings as never);
    expect(renderer.measure()).toEqual({ advance: 0, width: 0, ascent: 35, descent: 9 });
    expect(renderer.measure('水')).toEqual({ advance: 32, width: 29, ascent: 27, descent: 4 });
    const drawn = renderer.draw('水');
    expect(drawn).toMatchObject({ left: TOWN_LABEL_FONT.buffer, top: TOWN_LABEL_FONT.buffer });
    expect([drawn.data.width, drawn.data.height]).toEqual([1, 2]);
    expect([...drawn.data.data]).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
  });
});
