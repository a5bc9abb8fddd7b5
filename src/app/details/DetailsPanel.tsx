import { label, translate } from '../../i18n';
import { DOMAIN_LAYERS } from '../../layers/registry';
import { useAppStore } from '../../state/store';
import { CaseTimelineView } from './CaseTimelineView';
import { formatField } from './formatField';
import { useAssetCases, useSelectedFeature } from './useSelectedFeature';
import { useTownName } from './useTownName';

/** Most recent cases shown for an asset; older ones are counted, not listed. */
const MAX_CASES = 5;

/** Every attribute of the selected feature under its label, and the timeline of its case or of its asset's cases. */
export function DetailsPanel({ asOf }: { asOf: number }) {
  const lang = useAppStore((s) => s.lang);
  const selected = useAppStore((s) => s.selected);
  const select = useAppStore((s) => s.select);
  const townName = useTownName();
  const layer = selected ? DOMAIN_LAYERS[selected.layer] : null;
  const feature = useSelectedFeature(selected);
  const assetCases = useAssetCases(selected);
  if (!selected || !layer || !feature) return null;
  const props = feature.properties as Record<string, unknown>;
  const listed = Array.isArray(assetCases) ? assetCases : null;
  const recent = listed ? [...listed].sort((a, b) => String(b.reportedAt).localeCompare(String(a.reportedAt))).slice(0, MAX_CASES) : null;
  const caseTitle = (c: Record<string, unknown>) => {
    const [classField, display] = Object.entries(layer.fields.cases).find(([f, d]) => d.enum && f !== 'status' && f !== 'source') ?? [];
    return `${String(c.id)}${classField && display ? ` · ${formatField(lang, display, c[classField], townName)}` : ''}`;
  };
  return (
    <aside className="details" aria-label={translate(lang, 'details')} data-testid="details" data-id={selected.id}>
      <header className="details__header">
        <h3>
          {label(lang, layer.title)} · {selected.id}
        </h3>
        <button type="button" onClick={() => select(null)} aria-label={translate(lang, 'close')}>
          ×
        </button>
      </header>
      <dl className="details__fields">
        {Object.entries(layer.fields.features).map(([field, display]) => (
          <div key={field} data-field={field}>
            <dt>{label(lang, display.label)}</dt>
            <dd>{formatField(lang, display, props[field], townName)}</dd>
          </div>
        ))}
      </dl>
      {assetCases === null && <CaseTimelineView lang={lang} properties={props} asOf={asOf} title={translate(lang, 'timeline')} />}
      {assetCases === undefined && <p className="note">{translate(lang, 'loading')}</p>}
      {assetCases === 'failed' && <p className="collection__error" role="alert">✖ {translate(lang, 'failed')}</p>}
      {recent && (
        <section>
          <h4>
            {translate(lang, 'cases')} ({listed!.length})
          </h4>
          {recent.length === 0 && <p className="note">{translate(lang, 'noCases')}</p>}
          {recent.map((c) => (
            <CaseTimelineView key={String(c.id)} lang={lang} properties={c} asOf={asOf} title={caseTitle(c)} />
          ))}
        </section>
      )}
    </aside>
  );
}
