/** Reads a file's bytes in chunks, reporting progress; the caller has checked its size. */
export async function readBlob(blob: Blob, onProgress?: (done: number, total: number) => void): Promise<Uint8Array> {
  const out = new Uint8Array(blob.size);
  const reader = blob.stream().getReader();
  let offset = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value.subarray(0, Math.max(0, out.length - offset)), offset);
    offset += value.byteLength;
    onProgress?.(Math.min(offset, out.length), out.length);
  }
  return out.subarray(0, Math.min(offset, out.length));
}
