import { useState } from 'react';
import { formatDateTime, formatNumber, label, translate, type Lang } from '../../i18n';
import { COLLECTIONS, type CollectionId } from '../../layers/registry';
import { downloadFile, exportFileName } from '../../exports/download';
import { townStatsCsv } from '../../exports/formats/csv';
import { townStatsGeoJson } from '../../exports/formats/geojson';
import { townStatsXlsx } from '../../exports/formats/xlsx';
import { townStatsTable, type ExportContext } from '../../exports/townStatsTable';
import { isoDay } from '../../state/timePresets';
import { selectFeatures, useAppStore, type AppState } from '../../state/store';
import type { StatsAnswer } from '../../stats/worker/statsApi';
import { filtersText, rangeText } from '../filterText';

/** What is loaded, by collection and count, and when: the data version an export states. */
function dataVersion(s: AppState, lang: Lang): string {
  const loaded = Object.entries(s.collections).flatMap(([id, c]) => (c?.status === 'loaded' ? [{ id: id as CollectionId, n: c.features.length, at: c.loadedAt }] : []));
  const latest = Math.max(0, ...loaded.map((c) => c.at));
  const counts = loaded.map((c) => `${label(lang, COLLECTIONS[c.id].title)} ${formatNumber(lang, c.n)}`).join(lang === 'zh' ? '、' : ', ');
  return `${counts}${latest ? ` (${lang === 'zh' ? '加载于' : 'loaded'} ${formatDateTime(lang, latest)})` : ''}`;
}

type Format = 'csv-zh' | 'csv-en' | 'xlsx' | 'geojson';

/** Makes and downloads one export of the town statistics under the current filters. */
async function exportTownStats(format: Format, answer: StatsAnswer, lang: Lang): Promise<void> {
  const s = useAppStore.getState();
  const now = Date.now();
  const out: Lang = format === 'csv-en' ? 'en' : format === 'csv-zh' ? 'zh' : lang;
  const towns = selectFeatures(s, 'towns');
  const nameIn = (l: Lang) => (code: string) => {
    const t = towns.find((x) => x.properties.code === code);
    return t ? (l === 'zh' ? t.properties.name : t.properties.nameEn) : code;
  };
  const context: ExportContext = {
    district: translate(out, 'district'),
    range: rangeText(s.filters),
    filters: filtersText(s.filters, out, nameIn(out)),
    dataVersion: dataVersion(s, out),
    generatedAt: formatDateTime(out, now),
  };
  const name = (ext: string) =>
    exportFileName({ district: context.district, what: translate(out, 'townStatsFile'), firstDay: isoDay(s.filters.time.from), lastDay: isoDay(s.filters.time.to - 1), madeOn: isoDay(now) }, ext);
  if (format === 'csv-zh' || format === 'csv-en') downloadFile(name('csv'), townStatsCsv(townStatsTable(answer, nameIn(out), out), context, out), 'text/csv;charset=utf-8');
  else if (format === 'geojson') downloadFile(name('geojson'), JSON.stringify(townStatsGeoJson(towns, answer, context, out)), 'application/geo+json');
  else downloadFile(name('xlsx'), await townStatsXlsx(answer, nameIn(out), context, out), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}

/** The town table's figures to CSV (Chinese or English headers), Excel or GeoJSON, under the current filters. */
export function TownStatsExport({ answer }: { answer: StatsAnswer }) {
  const lang = useAppStore((s) => s.lang);
  const [busy, setBusy] = useState<Format | null>(null);
  const [failed, setFailed] = useState(false);

  const run = async (format: Format) => {
    setBusy(format);
    setFailed(false);
    try {
      await exportTownStats(format, answer, lang);
    } catch {
      setFailed(true);
    } finally {
      setBusy(null);
    }
  };

  const formats: [Format, string][] = [
    ['csv-zh', translate(lang, 'exportCsvZh')],
    ['csv-en', translate(lang, 'exportCsvEn')],
    ['xlsx', 'Excel'],
    ['geojson', 'GeoJSON'],
  ];
  return (
    <div className="export-bar" role="group" aria-label={translate(lang, 'export')} data-testid="town-export">
      <span>{translate(lang, 'export')}</span>
      {formats.map(([f, text]) => (
        <button key={f} type="button" onClick={() => void run(f)} disabled={busy !== null} data-format={f}>
          {busy === f ? translate(lang, 'exporting') : text}
        </button>
      ))}
      <span role="status" className="export-bar__status">
        {failed ? translate(lang, 'exportFailed') : ''}
      </span>
    </div>
  );
}
