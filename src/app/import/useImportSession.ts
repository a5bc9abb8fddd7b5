import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckedImport } from '../../import/checkRecords';
import type { DeclaredCrs } from '../../import/crs';
import type { FileSummary } from '../../import/import.worker';
import { ImportClient } from '../../import/importClient';
import { suggestMapping } from '../../import/mapping';
import type { FileProblem } from '../../import/problems';
import type { CoordinateColumns } from '../../import/records';
import { IMPORT_TARGET_IDS, importTarget, type ImportTargetId } from '../../import/targets';
import { selectFeatures, selectTable, useAppStore, type AppState } from '../../state/store';
import { tableIds } from '../../data/columnar/readTable';
import type { ImportMode } from './applyImport';

export interface ImportSettings {
  target: ImportTargetId;
  mode: ImportMode;
  crs: DeclaredCrs;
  fixSwapped: boolean;
  coordinateColumns: CoordinateColumns | null;
  mapping: Record<string, string | null>;
}

export type ImportPhase =
  | { step: 'pick'; problem: FileProblem | null }
  | { step: 'reading'; done: number; total: number }
  | { step: 'settings'; summary: FileSummary; problem: FileProblem | null }
  | { step: 'checking'; summary: FileSummary; done: number; total: number }
  | { step: 'review'; summary: FileSummary; outcome: CheckedImport };

/**
 * The targets a file can go to: not the collections the server keeps (source=server), which the
 * page does not hold or draw; those are loaded into the server (server/load.sh).
 */
export function importableTargets(collections: AppState['collections']): ImportTargetId[] {
  return IMPORT_TARGET_IDS.filter((id) => id === 'regions' || collections[id]?.status !== 'served');
}

/** The target whose fields the file's columns match best, among those of the file's geometry. */
function likelyTarget(summary: FileSummary): ImportTargetId {
  const polygons = (summary.geometryTypes.Polygon ?? 0) + (summary.geometryTypes.MultiPolygon ?? 0);
  const kind = polygons * 2 > summary.count ? 'polygon' : 'point';
  const available = importableTargets(useAppStore.getState().collections);
  const candidates = available.filter((t) => importTarget(t).geometry === kind);
  if (candidates.length === 0) return available[0];
  const score = (t: ImportTargetId) => Object.values(suggestMapping(importTarget(t), summary.fields, summary.coordinateColumns)).filter(Boolean).length;
  return candidates.reduce((best, t) => (score(t) > score(best) ? t : best), candidates[0]);
}

function settingsFor(summary: FileSummary, target: ImportTargetId, previous?: ImportSettings): ImportSettings {
  return {
    target,
    mode: previous?.mode ?? 'replace',
    // The system the file declares is applied unless the user chose another.
    crs: previous?.crs ?? summary.declaredCrs?.crs ?? 'wgs84',
    fixSwapped: previous?.fixSwapped ?? true,
    coordinateColumns: summary.coordinateColumns,
    mapping: suggestMapping(importTarget(target), summary.fields, summary.coordinateColumns),
  };
}

function idPrefix(): string {
  const d = new Date();
  return `IMP${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}-`;
}

/** The dialog's steps: pick a file → read it (worker) → settings → check it (worker) → review → load. */
export function useImportSession() {
  const client = useRef<ImportClient | null>(null);
  const file = useRef<File | null>(null);
  const [phase, setPhase] = useState<ImportPhase>({ step: 'pick', problem: null });
  const [settings, setSettings] = useState<ImportSettings | null>(null);

  const worker = () => (client.current ??= new ImportClient());
  useEffect(() => () => client.current?.dispose(), []);

  const open = useCallback(async (picked: File, keep?: ImportSettings, choice?: string) => {
    file.current = picked;
    setPhase({ step: 'reading', done: 0, total: picked.size });
    const result = await worker().open(picked, (_phase, done, total) => setPhase((p) => (p.step === 'reading' ? { ...p, done, total } : p)), choice);
    if (file.current !== picked) return;
    if (!result.ok) {
      setPhase({ step: 'pick', problem: result.error.code === 'cancelled' ? null : result.error });
      return;
    }
    const summary = result.value;
    setSettings(keep ?? settingsFor(summary, likelyTarget(summary)));
    setPhase({ step: 'settings', summary, problem: null });
  }, []);

  const check = useCallback(async () => {
    if (phase.step !== 'settings' || !settings) return;
    const { summary } = phase;
    setPhase({ step: 'checking', summary, done: 0, total: summary.count });
    const state = useAppStore.getState();
    const towns = selectFeatures(state, 'towns');
    const result = await worker().check(
      {
        ...settings,
        regions: settings.target === 'regions' ? [] : towns.map((t) => ({ code: t.properties.code, geometry: t.geometry })),
        existingIds: settings.mode === 'append' && settings.target !== 'regions' ? tableIds(selectTable(state, settings.target)) : null,
        idPrefix: settings.target === 'regions' ? 'R' : idPrefix(),
      },
      (_phase, done, total) => setPhase((p) => (p.step === 'checking' ? { ...p, done, total } : p)),
    );
    if (!result.ok) {
      if (result.error.code === 'cancelled' && file.current) await open(file.current, settings);
      else setPhase({ step: 'settings', summary, problem: result.error });
      return;
    }
    setPhase({ step: 'review', summary, outcome: result.value });
  }, [phase, settings, open]);

  const changeTarget = useCallback(
    (target: ImportTargetId) => {
      if (phase.step === 'settings') setSettings(settingsFor(phase.summary, target, settings ?? undefined));
    },
    [phase, settings],
  );

  /** Reads another sheet or layer of the open file: its own columns and mapping. */
  const choose = useCallback(
    (name: string) => {
      if (file.current) void open(file.current, undefined, name);
    },
    [open],
  );

  return {
    phase,
    settings,
    open,
    choose,
    check,
    changeTarget,
    setSettings,
    cancel: () => worker().cancel(),
    back: () => setPhase((p) => (p.step === 'review' ? { step: 'settings', summary: p.summary, problem: null } : p)),
    reset: () => {
      file.current = null;
      setPhase({ step: 'pick', problem: null });
    },
  };
}
