import { label, translate, type Lang } from '../../i18n';
import { TOWN_METRICS, type TownMetricId } from '../../stats/townMetrics';
import { downloadFile } from '../../exports/download';
import { townStatsCsv } from '../../exports/formats/csv';
import { townStatsGeoJson } from '../../exports/formats/geojson';
import { townStatsXlsx } from '../../exports/formats/xlsx';
import { townStatsTable } from '../../exports/townStatsTable';
import { figuresText } from '../stats/figuresText';
import { hasFigures, type StatsReading } from '../stats/statsReading';
import { selectFeatures, useAppStore } from '../../state/store';
import type { TownRowSet } from '../../stats/townMetrics';
import { currentExport, townNamesIn } from './exportContext';
import { ExportButtons } from './ExportButtons';

type Format = 'csv-zh' | 'csv-en' | 'xlsx' | 'geojson' | 'shp';

/** Makes and downloads one export of the town statistics under the current filters. */
async function exportTownStats(format: Format, rows: TownRowSet, reading: StatsReading<'townRows'>, lang: Lang): Promise<void> {
  const out: Lang = format === 'csv-en' ? 'en' : format === 'csv-zh' ? 'zh' : lang;
  const { state, context: base, fileName } = currentExport(out, Date.now());
  const context = { ...base, figures: figuresText(reading, out) };
  const names = townNamesIn(selectFeatures(state, 'towns'), out);
  const name = (ext: string) => fileName(translate(out, 'townStatsFile'), ext);
  if (format === 'csv-zh' || format === 'csv-en') downloadFile(name('csv'), townStatsCsv(townStatsTable(rows, names, out), context, out), 'text/csv;charset=utf-8');
  else if (format === 'geojson') downloadFile(name('geojson'), JSON.stringify(townStatsGeoJson(selectFeatures(state, 'towns'), rows, context, out)), 'application/geo+json');
  else if (format === 'shp') {
    // Town polygons with every metric, for a desktop GIS to colour towns by one; the field table names each metric.
    const { featuresShapefileZip } = await import('../../exports/formats/shapefile');
    const towns = townStatsGeoJson(selectFeatures(state, 'towns'), rows, context, out).features;
    const metricLabel = (field: string) => (field in TOWN_METRICS ? label(out, TOWN_METRICS[field as TownMetricId].label) : field);
    downloadFile(name('zip'), featuresShapefileZip(towns, 'town_stats', 'utf-8', metricLabel), 'application/zip');
  } else downloadFile(name('xlsx'), await townStatsXlsx(rows, names, context, out), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}

/**
 * The town table's figures to CSV (Chinese or English headers), Excel or GeoJSON, under the
 * current filters; the file states where they were computed, as of when, and if they are stale.
 */
export function TownStatsExport({ rows, reading }: { rows: TownRowSet; reading: StatsReading<'townRows'> }) {
  const lang = useAppStore((s) => s.lang);
  // The table follows a filter change a moment after the filter bar: until its figures are the new
  // filters', a file would name the new range over the old figures.
  const asked = hasFigures(reading) ? reading.asked[0] : null;
  const current = useAppStore(
    (s) => asked !== null && asked.from === s.filters.time.from && asked.to === s.filters.time.to && JSON.stringify(asked.classes ?? {}) === JSON.stringify(s.filters.classes),
  );
  const formats: [Format, string][] = [
    ['csv-zh', translate(lang, 'exportCsvZh')],
    ['csv-en', translate(lang, 'exportCsvEn')],
    ['xlsx', 'Excel'],
    ['geojson', 'GeoJSON'],
    ['shp', 'Shapefile'],
  ];
  return <ExportButtons lang={lang} testid="town-export" formats={formats} run={(format) => exportTownStats(format, rows, reading, lang)} waiting={!current} />;
}
