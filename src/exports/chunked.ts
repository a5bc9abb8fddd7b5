/** Rows per slice of work between two yields to the page: a few milliseconds each. */
export const CHUNK = 5_000;

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Maps items to text pieces a slice at a time, yielding to the page between slices and reporting
 * progress (0–1), so that exporting hundreds of thousands of features neither freezes the page nor
 * leaves the user guessing. `signal` stops it between slices.
 */
export async function mapInSlices<T>(items: readonly T[], piece: (item: T) => string, onProgress?: (done: number) => void, signal?: AbortSignal): Promise<string[]> {
  const out: string[] = [];
  for (let start = 0; start < items.length; start += CHUNK) {
    if (signal?.aborted) throw new DOMException('export cancelled', 'AbortError');
    const end = Math.min(items.length, start + CHUNK);
    for (let i = start; i < end; i++) out.push(piece(items[i]));
    onProgress?.(end / items.length);
    if (end < items.length) await yieldToPage();
  }
  onProgress?.(1);
  return out;
}
