import { useEffect, useRef } from 'react';
import './import.css';
import { translate } from '../../i18n';
import { useAppStore } from '../../state/store';
import { applyImport } from './applyImport';
import { ImportPickStep } from './ImportPickStep';
import { ImportProgress } from './ImportProgress';
import { ImportReviewStep } from './ImportReviewStep';
import { ImportSettingsStep } from './ImportSettingsStep';
import { useImportSession } from './useImportSession';

/** The import dialog: a modal over the dashboard; nothing on screen changes until "Import" is pressed. */
export function ImportDialog({ initialFile, onClose }: { initialFile: File | null; onClose: () => void }) {
  const lang = useAppStore((s) => s.lang);
  const session = useImportSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const { phase, settings } = session;
  const { open } = session;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  useEffect(() => {
    if (initialFile) void open(initialFile);
  }, [initialFile, open]);

  return (
    <dialog ref={dialog} className="import-dialog" data-testid="import-dialog" data-step={phase.step} aria-labelledby="import-title" onClose={onClose}>
      <header className="import-dialog__head">
        <h2 id="import-title">{translate(lang, 'import_title')}</h2>
        <button type="button" onClick={onClose} aria-label={translate(lang, 'import_close')}>
          ✕
        </button>
      </header>
      {phase.step === 'pick' && <ImportPickStep problem={phase.problem} onFile={(f) => void open(f)} />}
      {phase.step === 'reading' && <ImportProgress what="reading" done={phase.done} total={phase.total} bytes onCancel={session.cancel} />}
      {phase.step === 'settings' && settings && (
        <ImportSettingsStep
          summary={phase.summary}
          settings={settings}
          problem={phase.problem}
          onChange={session.setSettings}
          onTarget={session.changeTarget}
          onCheck={() => void session.check()}
          onChoose={session.choose}
        />
      )}
      {phase.step === 'checking' && <ImportProgress what="checking" done={phase.done} total={phase.total} bytes={false} onCancel={session.cancel} />}
      {phase.step === 'review' && settings && (
        <ImportReviewStep
          outcome={phase.outcome}
          tabular={phase.summary.tabular}
          fileName={phase.summary.name}
          onBack={session.back}
          onLoad={() => {
            applyImport(phase.outcome, settings.mode, phase.summary.name);
            onClose();
          }}
        />
      )}
    </dialog>
  );
}
