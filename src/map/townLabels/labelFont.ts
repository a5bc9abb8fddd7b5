/** CJK fonts installed on the viewer's machine; the glyphs are rasterised locally. */
export const LABEL_FONTS = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif';

/** What a glyph's distance field is drawn with: deck.gl's font settings, written out whole so a worker draws the same. */
export interface GlyphFont {
  fontFamily: string;
  fontWeight: number | string;
  /** At 32 px (half the pixels of 48) the glyphs still read sharp at twice that size on the wall. */
  fontSize: number;
  buffer: number;
  radius: number;
  cutoff: number;
}

export const TOWN_LABEL_FONT: GlyphFont = { fontFamily: LABEL_FONTS, fontWeight: 600, fontSize: 32, buffer: 4, radius: 12, cutoff: 0.25 };

/** The same font, as a TextLayer's deck.gl props take it (sdf: the halo is drawn from the distance field). */
export const TOWN_LABEL_TEXT_PROPS = {
  fontFamily: TOWN_LABEL_FONT.fontFamily,
  fontWeight: TOWN_LABEL_FONT.fontWeight,
  fontSettings: { sdf: true, fontSize: TOWN_LABEL_FONT.fontSize, buffer: TOWN_LABEL_FONT.buffer, radius: TOWN_LABEL_FONT.radius, cutoff: TOWN_LABEL_FONT.cutoff },
};

/** The same font (a weight may be given as a number or as its text). */
export function isGlyphFont(a: GlyphFont, b: GlyphFont): boolean {
  return (Object.keys(b) as (keyof GlyphFont)[]).every((k) => String(a[k]) === String(b[k]));
}
