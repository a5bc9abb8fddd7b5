import type { Feature } from 'geojson';
import Papa from 'papaparse';
import type { Lang } from '../../i18n';
import { neutraliseCell } from '../cellSafety';
import { mapInSlices } from '../chunked';
import { contextLines, type ExportContext, type TownStatsTable } from '../townStatsTable';

/** UTF-8 byte-order mark: without it Excel on Chinese Windows reads UTF-8 CSV as GBK. */
export const BOM = '\uFEFF';

/**
 * Town statistics as CSV: what the file holds (range, filters, version, time) in label–value
 * lines, a blank line, then the table with one header row. Every text cell is neutralised.
 */
export function townStatsCsv(table: TownStatsTable, context: ExportContext, lang: Lang): string {
  const safe = (cells: (string | number | null)[]) => cells.map((c) => neutraliseCell(c) ?? '');
  const lines = [...contextLines(context, lang).map(safe), [], safe(table.headers), ...table.rows.map(safe)];
  return BOM + Papa.unparse(lines, { newline: '\r\n' });
}

/** Features as CSV: one row per feature, longitude and latitude first for points, then the union of their properties; built in slices. */
export async function featuresCsv(features: readonly Feature[], context: ExportContext, lang: Lang, onProgress?: (done: number) => void): Promise<string> {
  const keys = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))];
  const points = features.some((f) => f.geometry?.type === 'Point');
  const cell = (v: unknown) => neutraliseCell(v === null || v === undefined ? '' : typeof v === 'number' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v)) ?? '';
  const coords = (f: Feature) => (f.geometry?.type === 'Point' ? f.geometry.coordinates.slice(0, 2) : ['', '']);
  const header = [...(points ? ['longitude', 'latitude'] : []), ...keys];
  const head = Papa.unparse([...contextLines(context, lang).map((l) => l.map(cell)), [], header.map(cell)], { newline: '\r\n' });
  const rows = await mapInSlices(features, (f) => Papa.unparse([[...(points ? coords(f) : []), ...keys.map((k) => f.properties?.[k])].map(cell)], { newline: '\r\n' }), onProgress);
  return [BOM + head, ...rows].join('\r\n');
}

/** Features as a GeoJSON FeatureCollection with the export's context as a foreign member; built in slices. */
export async function featuresGeoJson(features: readonly Feature[], metadata: Record<string, string>, onProgress?: (done: number) => void): Promise<string> {
  const parts = await mapInSlices(features, (f) => JSON.stringify(f), onProgress);
  return `{"type":"FeatureCollection","metadata":${JSON.stringify(metadata)},"features":[${parts.join(',')}]}`;
}
