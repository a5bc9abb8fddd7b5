import { useEffect, useState } from 'react';
import { translate } from '../../i18n';
import { useAppStore } from '../../state/store';
import { ImportDialog } from './ImportDialog';

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/** The header's import button; a file dropped anywhere on the dashboard opens the dialog with it. */
export function ImportLauncher() {
  const lang = useAppStore((s) => s.lang);
  const [open, setOpen] = useState<{ file: File | null } | null>(null);
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (carriesFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (file) setOpen({ file });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return (
    <>
      <button type="button" onClick={() => setOpen({ file: null })} data-testid="import-open">
        {translate(lang, 'import_open')}
      </button>
      {open && <ImportDialog key={open.file?.name ?? 'picker'} initialFile={open.file} onClose={() => setOpen(null)} />}
    </>
  );
}
