import { formatDateTime, formatNumber, label, translate, type Lang } from '../../i18n';
import { COLLECTIONS, type CollectionId } from '../../layers/registry';
import { OUTSIDE_CODE } from '../../layers/common/codes';
import { exportFileName } from '../../exports/download';
import type { ExportContext } from '../../exports/townStatsTable';
import { isoDay } from '../../state/timePresets';
import type { TypedFeature } from '../../data/validate';
import { selectFeatures, useAppStore, type AppState } from '../../state/store';
import { filtersText, rangeText } from '../filterText';

/** What is loaded, by collection and count, and when: the data version an export states. */
function dataVersion(s: AppState, lang: Lang): string {
  const loaded = Object.entries(s.collections).flatMap(([id, c]) => (c?.status === 'loaded' ? [{ id: id as CollectionId, n: c.table.length, at: c.loadedAt }] : []));
  const latest = Math.max(0, ...loaded.map((c) => c.at));
  const counts = loaded.map((c) => `${label(lang, COLLECTIONS[c.id].title)} ${formatNumber(lang, c.n)}`).join(lang === 'zh' ? '、' : ', ');
  return `${counts}${latest ? ` (${lang === 'zh' ? '加载于' : 'loaded'} ${formatDateTime(lang, latest)})` : ''}`;
}

/** The page's panel colours (styles.css) for files that cannot read its CSS: images and SVG. */
export function exportColors(theme: AppState['theme']): { background: string; text: string; muted: string } {
  return theme === 'dark' ? { background: '#0f1a2b', text: '#e3ebf5', muted: '#9aabc2' } : { background: '#ffffff', text: '#1d2733', muted: '#5b6878' };
}

/** Town code → name in a language, from the loaded towns (the code itself for an unknown town; 区界外 for a feature in no imported region). */
export function townNamesIn(towns: readonly TypedFeature<'towns'>[], lang: Lang): (code: string) => string {
  return (code) => {
    const t = towns.find((x) => x.properties.code === code);
    if (t) return lang === 'zh' ? t.properties.name : t.properties.nameEn;
    return code === OUTSIDE_CODE ? translate(lang, 'outsideDistrict') : code;
  };
}

/** The current view as an export states it, and the file name for one thing exported from it. */
export function currentExport(lang: Lang, now: number): { state: AppState; context: ExportContext; fileName(what: string, ext: string): string } {
  const s = useAppStore.getState();
  const context: ExportContext = {
    district: translate(lang, 'district'),
    range: rangeText(s.filters),
    filters: filtersText(s.filters, lang, townNamesIn(selectFeatures(s, 'towns'), lang)),
    dataVersion: dataVersion(s, lang),
    generatedAt: formatDateTime(lang, now),
  };
  return {
    state: s,
    context,
    fileName: (what, ext) => exportFileName({ district: context.district, what, firstDay: isoDay(s.filters.time.from), lastDay: isoDay(s.filters.time.to - 1), madeOn: isoDay(now) }, ext),
  };
}
