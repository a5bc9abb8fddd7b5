import { formatNumber, label, translate, type Lang } from '../../i18n';
import type { Anomaly } from '../../stats/warnings/anomalies';
import type { CellAnomaly } from '../../stats/warnings/cellAnomalies';
import { useTownName } from '../details/useTownName';
import { CASE_CATEGORIES, CASES_TITLE } from './warningLayers';
import { WarningSection } from './WarningSection';

/** How unlikely, as the chance of a count this high: "1 in 25,000", or below one in a billion. */
export function chanceText(lang: Lang, p: number): string {
  if (p < 1e-9) return lang === 'zh' ? '低于十亿分之一' : 'below 1 in 1,000,000,000';
  const n = formatNumber(lang, Math.round(1 / p));
  return lang === 'zh' ? `${n} 分之一` : `1 in ${n}`;
}

/**
 * Counts above their baselines, each said in words ("圣井街道 路灯故障 · 近 24 小时 39, 常态 0–5"),
 * most unlikely first. A click shows its cases: the town, the window and (where the map can filter
 * by it) the category as the map's filters.
 */
export function AnomalyList({ lang, anomalies, scopeTown, onOpen }: { lang: Lang; anomalies: readonly Anomaly[]; scopeTown: string | null; onOpen: (a: Anomaly) => void }) {
  const townName = useTownName();
  const categoryName = (a: Anomaly, value: string) => {
    const labels = CASE_CATEGORIES[a.layer].labels[value];
    return labels ? label(lang, labels) : value;
  };
  return (
    <WarningSection lang={lang} testid="anomalies" total={anomalies.length} title="anomalies" rule="anomalyRule" none="noAnomalies">
      <ol className="hot-list" data-testid="anomaly-list">
        {anomalies.map((a) => (
          <li key={`${a.layer}:${a.window}:${a.town}:${a.category}`} data-layer={a.layer} data-window={a.window} data-town={a.town ?? ''} data-category={a.category ?? ''} data-count={a.count} data-p={a.p}>
            <button type="button" onClick={() => onOpen(a)}>
              <span>
                {/* A category's count covers the towns kept: the district, or the town chosen. */}
                {a.town ? townName(a.town) : scopeTown ? townName(scopeTown) : translate(lang, 'wholeDistrict')} · {translate(lang, CASES_TITLE[a.layer])}
                {a.category !== null && ` · ${categoryName(a, a.category)}`} · {translate(lang, `anomalyWindow_${a.window}`)}
              </span>
              <span className="hot-list__problem">
                {translate(lang, 'usualRange')} {formatNumber(lang, a.low)}–{formatNumber(lang, a.high)} · {translate(lang, 'chanceOf')} {chanceText(lang, a.p)}
                {a.top && a.top.count > 0 && ` · ${categoryName(a, a.top.category)} ${formatNumber(lang, a.top.count)}`}
              </span>
              <span className="hot-list__count">{formatNumber(lang, a.count)}</span>
            </button>
          </li>
        ))}
      </ol>
    </WarningSection>
  );
}

/** H3 cells whose last week stands out against their own weeks before; a click frames the cell and sets the week as the range. */
export function ClusterList({ lang, cells, onOpen }: { lang: Lang; cells: readonly CellAnomaly[]; onOpen: (c: CellAnomaly) => void }) {
  const townName = useTownName();
  return (
    <WarningSection lang={lang} testid="clusters" total={cells.length} title="clusters" rule="clusterRule" none="noClusters">
      <ol className="hot-list" data-testid="cluster-list">
        {cells.map((c) => (
          <li key={`${c.layer}:${c.cell}`} data-layer={c.layer} data-cell={c.cell} data-town={c.town ?? ''} data-count={c.count}>
            <button type="button" onClick={() => onOpen(c)} title={`H3 ${c.cell}`}>
              <span>
                {c.town ? townName(c.town) : translate(lang, 'outsideDistrict')} · {translate(lang, CASES_TITLE[c.layer])} · {translate(lang, 'cellNear')} ·{' '}
                {translate(lang, 'anomalyWindow_week')}
              </span>
              <span className="hot-list__problem">
                {translate(lang, 'usualRange')} {formatNumber(lang, c.low)}–{formatNumber(lang, c.high)} · {translate(lang, 'chanceOf')} {chanceText(lang, c.p)}
              </span>
              <span className="hot-list__count">{formatNumber(lang, c.count)}</span>
            </button>
          </li>
        ))}
      </ol>
    </WarningSection>
  );
}
