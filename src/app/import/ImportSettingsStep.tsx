import { label, translate, type Lang } from '../../i18n';
import { GEOGRAPHIC_CRS, gaussKrugerLabel, gaussKrugerNear, type GaussKrugerCode } from '../../import/crs';
import type { FileSummary } from '../../import/import.worker';
import type { FileProblem } from '../../import/problems';
import { crsSourceText, fileProblemText } from '../../import/problemText';
import { FORMAT_NAMES } from '../../import/records';
import { IMPORT_TARGET_IDS, importTarget, type TargetField } from '../../import/targets';
import type { MessageKey } from '../../i18n/messages';
import { selectFeatures, useAppStore } from '../../state/store';
import { useMemo } from 'react';
import { importableTargets, type ImportSettings } from './useImportSession';
import { useShallow } from 'zustand/react/shallow';
import { SampleTable } from './SampleTable';

function fallbackText(field: TargetField, lang: Lang): string {
  if (!field.fallback) return translate(lang, 'import_unmapped');
  const text = translate(lang, `import_fallback_${field.fallback.kind}` as MessageKey);
  return field.fallback.kind === 'value' ? `${text}: ${String(field.fallback.value)}` : text;
}

/** The Gauss–Krüger systems a survey of this district is likely in, and the one a projected file was guessed to be in. */
function useGaussKrugerChoices(problem: FileProblem | null): GaussKrugerCode[] {
  const towns = useAppStore((s) => selectFeatures(s, 'towns'));
  return useMemo(() => {
    const centre = towns.length ? towns.reduce((sum, t) => sum + t.properties.seat[0], 0) / towns.length : 117;
    const near = gaussKrugerNear(centre);
    const guessed = problem?.code === 'projected' && problem.epsg !== 'EPSG:3857' ? (problem.epsg as GaussKrugerCode) : null;
    return guessed && !near.includes(guessed) ? [guessed, ...near] : near;
  }, [towns, problem]);
}

interface Props {
  summary: FileSummary;
  settings: ImportSettings;
  problem: FileProblem | null;
  onChange: (settings: ImportSettings) => void;
  onTarget: (target: ImportSettings['target']) => void;
  onCheck: () => void;
  /** Reads another sheet or layer of the file. */
  onChoose: (name: string) => void;
}

/** Step two: where the file goes, how its coordinates read, and which column feeds each field. */
export function ImportSettingsStep({ summary, settings, problem, onChange, onTarget, onCheck, onChoose }: Props) {
  const lang = useAppStore((s) => s.lang);
  const target = importTarget(settings.target);
  const set = (patch: Partial<ImportSettings>) => onChange({ ...settings, ...patch });
  const columns = summary.fields;
  const gaussKrugerChoices = useGaussKrugerChoices(problem);
  const targets = useAppStore(useShallow((s) => importableTargets(s.collections)));
  const columnOptions = columns.map((c) => (
    <option key={c} value={c}>
      {c}
    </option>
  ));
  return (
    <div className="import-settings">
      <p className="import-summary" data-testid="import-summary">
        {summary.name} · <span data-testid="import-format" data-format={summary.format}>{FORMAT_NAMES[summary.format]}</span>
        {summary.encoding !== 'binary' && ` · ${summary.encoding.toUpperCase()}`} · {summary.count} {translate(lang, 'import_records')}
        {summary.choice && ` · ${translate(lang, summary.choice.kind === 'sheet' ? 'import_sheet' : 'import_layer')}: ${summary.choice.chosen}`}
      </p>
      {summary.declaredCrs && (
        <p className={summary.declaredCrs.crs ? 'import-crs-note' : 'import-problem'} data-testid="import-declared-crs" data-crs={summary.declaredCrs.crs ?? ''}>
          {translate(lang, summary.declaredCrs.crs ? 'import_crsDeclared' : 'import_crsUnknown')} ({crsSourceText(summary.declaredCrs.source, lang)}): {summary.declaredCrs.name}
        </p>
      )}
      {problem && (
        <p className="import-problem" role="alert" data-testid="import-file-problem" data-code={problem.code}>
          {fileProblemText(problem, lang)}
        </p>
      )}
      <div className="import-options">
        {summary.choice && summary.choice.names.length > 1 && (
          <label>
            {translate(lang, summary.choice.kind === 'sheet' ? 'import_sheet' : 'import_layer')}{' '}
            <select value={summary.choice.chosen} data-testid="import-choice" onChange={(e) => onChoose(e.target.value)}>
              {summary.choice.names.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {translate(lang, 'import_target')}{' '}
          <select value={settings.target} data-testid="import-target" onChange={(e) => onTarget(e.target.value as ImportSettings['target'])}>
            {targets.map((id) => (
              <option key={id} value={id}>
                {label(lang, importTarget(id).title)}
              </option>
            ))}
          </select>
          {targets.length < IMPORT_TARGET_IDS.length && <small className="note" data-testid="import-served-note">{translate(lang, 'import_servedNote')}</small>}
        </label>
        {settings.target !== 'regions' && (
          <label>
            {translate(lang, 'import_mode')}{' '}
            <select value={settings.mode} data-testid="import-mode" onChange={(e) => set({ mode: e.target.value as ImportSettings['mode'] })}>
              <option value="replace">{translate(lang, 'import_replace')}</option>
              <option value="append">{translate(lang, 'import_append')}</option>
            </select>
          </label>
        )}
        <label>
          {translate(lang, 'import_crs')}{' '}
          <select value={settings.crs} data-testid="import-crs" onChange={(e) => set({ crs: e.target.value as ImportSettings['crs'] })}>
            {GEOGRAPHIC_CRS.map((crs) => (
              <option key={crs} value={crs}>
                {translate(lang, `import_crs_${crs}`)}
              </option>
            ))}
            {gaussKrugerChoices.map((code) => (
              <option key={code} value={code}>
                {gaussKrugerLabel(code, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={settings.fixSwapped} onChange={(e) => set({ fixSwapped: e.target.checked })} /> {translate(lang, 'import_fixSwapped')}
        </label>
        {summary.geometryFrom === 'columns' &&
          (['lon', 'lat'] as const).map((axis) => (
            <label key={axis}>
              {translate(lang, axis === 'lon' ? 'import_lonColumn' : 'import_latColumn')}{' '}
              <select
                value={settings.coordinateColumns?.[axis] ?? ''}
                data-testid={`import-${axis}-column`}
                onChange={(e) => {
                  const other = settings.coordinateColumns ?? { lon: '', lat: '' };
                  const next = { ...other, [axis]: e.target.value };
                  set({ coordinateColumns: next.lon && next.lat ? next : null });
                }}
              >
                <option value="">—</option>
                {columnOptions}
              </select>
            </label>
          ))}
      </div>
      <table className="import-mapping" data-testid="import-mapping">
        <caption>{translate(lang, 'import_mapping')}</caption>
        <thead>
          <tr>
            <th scope="col">{translate(lang, 'import_field')}</th>
            <th scope="col">{translate(lang, 'import_column')}</th>
          </tr>
        </thead>
        <tbody>
          {target.fields.map((field) => (
            <tr key={field.name} data-field={field.name}>
              <th scope="row">
                {label(lang, field.label)} <code>{field.name}</code>
                {field.required && !field.fallback && <abbr title={translate(lang, 'import_required')}> *</abbr>}
              </th>
              <td>
                <select
                  value={settings.mapping[field.name] ?? ''}
                  aria-label={label(lang, field.label)}
                  onChange={(e) => set({ mapping: { ...settings.mapping, [field.name]: e.target.value || null } })}
                >
                  <option value="">{fallbackText(field, lang)}</option>
                  {columnOptions}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SampleTable caption={translate(lang, 'import_sample')} columns={columns} rows={summary.sample} testId="import-sample" />
      <div className="import-actions">
        <button type="button" className="primary" onClick={onCheck} data-testid="import-check">
          {translate(lang, 'import_check')}
        </button>
      </div>
    </div>
  );
}
