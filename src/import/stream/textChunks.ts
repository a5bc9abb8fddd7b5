/** The text encodings a streamed file is read in: UTF-8, or GB18030 (what Excel on Chinese Windows writes CSV in). */
export type TextEncodingName = 'utf-8' | 'gb18030';

/** The bytes are not text in the encoding tried. */
export class EncodingError extends Error {}

/** Text pieces are gathered to about this many characters, so each parse call has enough to do. */
const PIECE = 1 << 20;

/**
 * A file's text, a piece at a time, never whole: decoded as it is read, so a character cut
 * between two reads is joined. A byte sequence the encoding does not allow throws an
 * EncodingError (the caller tries the other encoding); a UTF-8 byte-order mark is dropped.
 */
export async function* textChunks(blob: Blob, encoding: TextEncodingName, onBytes?: (done: number, total: number) => void): AsyncGenerator<string> {
  const fatal = new TextDecoder(encoding, { fatal: true });
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes ? fatal.decode(bytes, { stream: true }) : fatal.decode();
    } catch {
      throw new EncodingError(encoding);
    }
  };
  const reader = blob.stream().getReader();
  let done = 0;
  let pending = '';
  try {
    for (;;) {
      const read = await reader.read();
      if (read.done) break;
      // A read may hand over the whole file at once (an in-memory Blob): it is decoded a piece at a time.
      for (let from = 0; from < read.value.byteLength; from += PIECE) {
        const bytes = read.value.subarray(from, from + PIECE);
        done += bytes.byteLength;
        pending += decode(bytes);
        onBytes?.(Math.min(done, blob.size), blob.size);
        if (pending.length >= PIECE) {
          yield pending;
          pending = '';
        }
      }
    }
    pending += decode();
    if (pending) yield pending;
  } finally {
    reader.releaseLock();
  }
}
