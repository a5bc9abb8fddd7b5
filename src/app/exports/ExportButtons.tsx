import { useState } from 'react';
import { translate, type Lang } from '../../i18n';

/**
 * A row of export buttons: one export at a time, each saying while it runs, and a failure said in
 * words. `waiting`: the figures are not yet those of the current filters, so nothing is exported.
 */
export function ExportButtons<F extends string>({ lang, testid, formats, run, waiting = false }: { lang: Lang; testid: string; formats: readonly [F, string][]; run(format: F): Promise<void>; waiting?: boolean }) {
  const [busy, setBusy] = useState<F | null>(null);
  const [failed, setFailed] = useState(false);
  const start = async (format: F) => {
    setBusy(format);
    setFailed(false);
    try {
      await run(format);
    } catch {
      setFailed(true);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="export-bar" role="group" aria-label={translate(lang, 'export')} data-testid={testid}>
      <span>{translate(lang, 'export')}</span>
      {formats.map(([f, text]) => (
        <button key={f} type="button" onClick={() => void start(f)} disabled={busy !== null || waiting} data-format={f}>
          {busy === f ? translate(lang, 'exporting') : text}
        </button>
      ))}
      <span role="status" className="export-bar__status">
        {failed ? translate(lang, 'exportFailed') : waiting ? translate(lang, 'computing') : ''}
      </span>
    </div>
  );
}
