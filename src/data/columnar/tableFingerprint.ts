import type { Column, FeatureTable } from './featureTable';

/**
 * FNV-1a over a table's contents (its typed arrays as 32-bit words, its dictionaries' text) and
 * `extra` text: it changes whenever any feature does, so a refresh can tell "nothing new" without
 * comparing features.
 */
export function tableFingerprint(table: FeatureTable, extra = ''): string {
  let hash = 0x811c9dc5;
  let words = 0;
  const mixWord = (w: number) => {
    hash ^= w;
    hash = Math.imul(hash, 0x01000193);
  };
  const mixArray = (a: ArrayBufferView | null) => {
    if (!a) return mixWord(0);
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const whole = bytes.byteLength >>> 2;
    const view = new DataView(a.buffer, a.byteOffset, a.byteLength);
    for (let i = 0; i < whole; i++) mixWord(view.getUint32(i * 4, true));
    for (let i = whole * 4; i < bytes.byteLength; i++) mixWord(bytes[i]);
    mixWord(bytes.byteLength);
    words += whole;
  };
  const mixText = (t: string) => {
    for (let i = 0; i < t.length; i++) mixWord(t.charCodeAt(i));
    mixWord(t.length);
  };
  const mixColumn = (name: string, c: Column) => {
    mixText(name);
    mixText(c.kind);
    mixArray(c.missing);
    switch (c.kind) {
      case 'string':
      case 'json':
        mixArray(c.codes);
        c.dictionary.forEach(mixText);
        break;
      case 'numbered':
        mixArray(c.prefixCodes);
        mixArray(c.numbers);
        mixArray(c.widths);
        c.prefixes.forEach(mixText);
        break;
      case 'time':
        mixWord(c.offsetMinutes);
        mixWord(c.millis ? 1 : 0);
        mixArray(c.values);
        break;
      default:
        mixArray(c.values);
    }
  };
  mixWord(table.length);
  mixText(extra);
  if (table.ids) mixColumn('(id)', table.ids);
  for (const [name, column] of Object.entries(table.properties)) mixColumn(name, column);
  const g = table.geometry;
  mixArray(g.types);
  mixWord(g.dimensions);
  mixArray(g.coordinates);
  mixArray(g.offsets?.parts ?? null);
  mixArray(g.offsets?.rings ?? null);
  mixArray(g.offsets?.positions ?? null);
  return `${table.length}:${words.toString(36)}:${(hash >>> 0).toString(16)}`;
}
