import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { checkAllRecords, type ImportOptions, type ImportOutcome } from '../../src/import/checkRecords';
import { suggestMapping } from '../../src/import/mapping';
import { openFile } from '../../src/import/openFile';
import type { FileProblem } from '../../src/import/problems';
import { importTarget, type ImportTargetId } from '../../src/import/targets';
import type { Region } from '../../src/stats/towns/townIndex';

const towns = JSON.parse(readFileSync('public/data/towns.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { code: string }>;
/** The bundled towns as the import sees them on screen. */
export const BUNDLED_REGIONS: Region[] = towns.features.map((t) => ({ code: t.properties.code, geometry: t.geometry }));

export type PipelineResult = { ok: true; outcome: ImportOutcome } | { ok: false; problem: FileProblem };

/** The dialog's path without the dialog: open the bytes, take the suggested mapping and the declared system, check every record. */
export async function runImport(bytes: Uint8Array, fileName: string, target: ImportTargetId, overrides: Partial<ImportOptions> = {}, choice?: string): Promise<PipelineResult> {
  const opened = await openFile(new Blob([new Uint8Array(bytes)]), fileName, choice);
  if (!opened.ok) return { ok: false, problem: opened.error };
  const parsed = opened.value;
  const checked = await checkAllRecords(parsed, {
    target,
    mapping: suggestMapping(importTarget(target), parsed.fields, parsed.coordinateColumns),
    crs: parsed.declaredCrs?.crs ?? 'wgs84',
    fixSwapped: true,
    coordinateColumns: parsed.coordinateColumns,
    regions: target === 'regions' ? [] : BUNDLED_REGIONS,
    existingIds: null,
    idPrefix: 'IMP-',
    ...overrides,
  });
  return checked.ok ? { ok: true, outcome: checked.value } : { ok: false, problem: checked.error };
}

export function runImportFile(path: string, target: ImportTargetId, overrides: Partial<ImportOptions> = {}, choice?: string): Promise<PipelineResult> {
  return runImport(new Uint8Array(readFileSync(path)), path.split('/').pop()!, target, overrides, choice);
}
