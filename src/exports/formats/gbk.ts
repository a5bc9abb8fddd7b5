let table: Map<string, number> | null = null;

/**
 * A GBK encoder built from the platform's own GBK decoder (browsers and Node have only decoders):
 * every two-byte code is decoded once and reversed. Characters GBK cannot hold become '?'.
 */
export function encodeGbk(text: string): Uint8Array {
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder('gbk', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        try {
          const c = decoder.decode(Uint8Array.of(lead, trail));
          if (c.length === 1 && !table.has(c)) table.set(c, (lead << 8) | trail);
        } catch {
          // not a GBK code
        }
      }
    }
  }
  const out: number[] = [];
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(c);
      if (pair === undefined) out.push(0x3f);
      else out.push(pair >> 8, pair & 0xff);
    }
  }
  return Uint8Array.from(out);
}
