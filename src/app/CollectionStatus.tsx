import { describeIssue } from '../data/errors';
import { formatNumber, label, translate } from '../i18n';
import { COLLECTION_IDS, COLLECTIONS, type CollectionId } from '../layers/registry';
import { useAppStore } from '../state/store';

/** Reloads the source's version; after imported regions, every collection, as each feature's town was reassigned. */
function restoreOriginal(id: CollectionId, reload: (id: CollectionId) => void): void {
  if (id !== 'towns') return reload(id);
  useAppStore.setState({ importedRegions: null });
  for (const c of COLLECTION_IDS) reload(c);
}

/** One collection's line in the layer panel: its count once loaded, progress while loading, the error if it failed; `live`: the source refreshes. */
export function CollectionStatus({ id, onRetry, live }: { id: CollectionId; onRetry: (id: CollectionId) => void; live: boolean }) {
  const lang = useAppStore((s) => s.lang);
  const state = useAppStore((s) => s.collections[id]) ?? { status: 'idle' as const };
  const title = label(lang, COLLECTIONS[id].title);
  return (
    <li className={`collection collection--${state.status}`} data-testid={`collection-${id}`} data-status={state.status}>
      <span className="collection__title">{title}</span>
      {state.status === 'loading' && (
        <span className="collection__progress">
          <progress
            aria-label={`${translate(lang, 'loading')} ${title}`}
            value={state.progress?.total ? state.progress.loaded : undefined}
            max={state.progress?.total ?? undefined}
          />
        </span>
      )}
      {state.status === 'loaded' && (
        <span className="collection__count" data-testid={`count-${id}`} data-count={state.table.length}>
          {formatNumber(lang, state.table.length)}
        </span>
      )}
      {state.status === 'served' && (
        <span className="collection__count" data-testid={`count-${id}`} data-count={state.count} title={translate(lang, 'servedByServer')}>
          {formatNumber(lang, state.count)} · {translate(lang, 'servedByServer')}
        </span>
      )}
      {state.status === 'loaded' && state.importedFrom && (
        <span className="collection__imported" data-testid={`imported-${id}`}>
          {translate(lang, 'import_done')}: {state.importedFrom}
          {/* The source's own version no longer replaces the file: say so, or the panel looks live. */}
          {live && <span data-testid={`refresh-paused-${id}`}> · {translate(lang, 'import_refreshPaused')}</span>}{' '}
          <button type="button" onClick={() => restoreOriginal(id, onRetry)}>
            {translate(lang, 'import_restore')}
          </button>
        </span>
      )}
      {state.status === 'loaded' && state.rejected.length > 0 && (
        <span className="collection__warning" role="status" title={state.rejected.slice(0, 5).map(describeIssue).join('\n')}>
          ⚠ {formatNumber(lang, state.rejected.length)} {translate(lang, 'rejected')}: {describeIssue(state.rejected[0])}
        </span>
      )}
      {state.status === 'error' && state.error.kind === 'tooLarge' && (
        <span className="collection__error" role="alert" data-testid={`too-large-${id}`}>
          ✖ {translate(lang, 'tooLarge_before')} {formatNumber(lang, state.error.total ?? 0)} {translate(lang, 'tooLarge_after')} {formatNumber(lang, state.error.limit ?? 0)}
          {translate(lang, 'tooLarge_use')} <a href="?source=server">{translate(lang, 'tooLarge_server')}</a>
        </span>
      )}
      {state.status === 'error' && state.error.kind !== 'tooLarge' && (
        <span className="collection__error" role="alert">
          ✖ {translate(lang, 'failed')}: {state.error.message}{' '}
          <button type="button" onClick={() => onRetry(id)}>
            {translate(lang, 'retry')}
          </button>
        </span>
      )}
    </li>
  );
}
