import { unzipSync } from 'fflate';
import { err, ok, type Result } from '../../data/result';
import type { FileProblem } from '../problems';
import type { ImportFormat } from '../records';

/** What one archive may unpack to: a zip bomb is refused before it is inflated. */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;

/** The names of a zip's files (folders and macOS resource forks left out), without inflating them. */
export function zipNames(bytes: Uint8Array, format: ImportFormat | 'zip' = 'zip'): Result<string[], FileProblem> {
  const names: string[] = [];
  try {
    unzipSync(bytes, { filter: (f) => (names.push(f.name), false) });
  } catch (e) {
    return err({ code: 'badArchive', format, detail: e instanceof Error ? e.message : String(e) });
  }
  return ok(names.filter((n) => !n.endsWith('/') && !n.startsWith('__MACOSX/') && !n.split('/').pop()!.startsWith('._')));
}

/** The files of a zip that `wanted` keeps, inflated; refused when they would unpack to more than the limit. */
export function unzipFiles(bytes: Uint8Array, wanted: (name: string) => boolean, format: ImportFormat): Result<Record<string, Uint8Array>, FileProblem> {
  let total = 0;
  try {
    const files = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        total += f.originalSize;
        if (total > MAX_UNZIPPED_BYTES) throw new Error(`unpacks to more than ${MAX_UNZIPPED_BYTES / 1048576} MB`);
        return true;
      },
    });
    return ok(files);
  } catch (e) {
    return err({ code: 'badArchive', format, detail: e instanceof Error ? e.message.slice(0, 160) : String(e) });
  }
}
