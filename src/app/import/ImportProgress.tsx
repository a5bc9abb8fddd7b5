import { formatNumber, translate } from '../../i18n';
import { useAppStore } from '../../state/store';

/** Reading or checking, with how far it got and a way to stop it. */
export function ImportProgress({ what, done, total, bytes, onCancel }: { what: 'reading' | 'checking'; done: number; total: number; bytes: boolean; onCancel: () => void }) {
  const lang = useAppStore((s) => s.lang);
  const text = translate(lang, what === 'reading' ? 'import_reading' : 'import_checking');
  const amount = bytes ? `${Math.round(done / 1024)} / ${Math.round(total / 1024)} KB` : `${formatNumber(lang, done)} / ${formatNumber(lang, total)}`;
  return (
    <div className="import-progress" data-testid="import-progress" data-phase={what}>
      <label>
        {text} <progress value={done} max={total || 1} aria-label={text} /> {amount}
      </label>
      <button type="button" onClick={onCancel} data-testid="import-cancel">
        {translate(lang, 'import_cancel')}
      </button>
    </div>
  );
}
