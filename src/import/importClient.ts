import { proxy, wrap, type Remote } from 'comlink';
import type { Result } from '../data/result';
import type { CheckedImport, ImportOptions } from './checkRecords';
import type { FileSummary, ImportWorkerApi, Progress } from './import.worker';
import { internalProblem, type FileProblem } from './problems';

/**
 * The import worker seen from the page. Cancelling terminates the worker (the only way to stop
 * a JSON.parse or a long check at once); the next call starts a fresh one.
 */
export class ImportClient {
  private worker: Worker | null = null;
  private api: Remote<ImportWorkerApi> | null = null;
  private cancelPending: (() => void) | null = null;

  private remote(): Remote<ImportWorkerApi> {
    if (!this.api) {
      this.worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
      this.api = wrap<ImportWorkerApi>(this.worker);
    }
    return this.api;
  }

  private run<T>(call: (api: Remote<ImportWorkerApi>) => Promise<Result<T, FileProblem>>): Promise<Result<T, FileProblem>> {
    return new Promise((resolve) => {
      this.cancelPending = () => resolve({ ok: false, error: { code: 'cancelled' } });
      call(this.remote()).then(resolve, (e: unknown) => resolve({ ok: false, error: internalProblem(e) }));
    }).finally(() => {
      this.cancelPending = null;
    }) as Promise<Result<T, FileProblem>>;
  }

  /** Reads a file; `choice` names the sheet or layer to read when it holds several. */
  open(file: File, onProgress: Progress, choice?: string): Promise<Result<FileSummary, FileProblem>> {
    return this.run((api) => api.open(file, file.name, proxy(onProgress), choice));
  }

  check(options: ImportOptions, onProgress: Progress): Promise<Result<CheckedImport, FileProblem>> {
    return this.run((api) => api.check(options, proxy(onProgress)));
  }

  /** Stops whatever runs now; the opened file is lost with the worker, so the dialog starts over. */
  cancel(): void {
    this.dispose();
    this.cancelPending?.();
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }
}
