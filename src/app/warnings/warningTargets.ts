import { formatDateTime, formatNumber, translate, type Lang } from '../../i18n';
import { aroundPoint } from '../../map/aroundPoint';
import type { WarningMarks } from '../../state/store';
import type { WarningTarget } from '../../state/warningTarget';
import type { Anomaly } from '../../stats/warnings/anomalies';
import type { CellAnomaly } from '../../stats/warnings/cellAnomalies';
import type { DueSoonCase, RepeatedAsset, WarningsAnswer } from '../../stats/warnings/warnings';
import { chanceText } from './AnomalyList';
import { CASES_TITLE, CATEGORY_FILTER_FIELD, domainLayerOf } from './warningLayers';

/** A case due soon opens its pole or cover (lamp faults, cover defects) or itself, with its cases, as search does. */
export function dueTarget(c: DueSoonCase): WarningTarget {
  const layer = domainLayerOf(c.layer);
  return { show: layer, select: { layer, id: c.asset ?? c.id }, view: aroundPoint(c.position) };
}

export function repeatTarget(r: RepeatedAsset): WarningTarget {
  const layer = domainLayerOf(r.layer);
  return { show: layer, select: { layer, id: r.asset }, view: aroundPoint(r.position) };
}

/** An anomaly shows its cases: its town, its window and, where the map can filter by it, its category. */
export function anomalyTarget(a: Anomaly): WarningTarget {
  const field = CATEGORY_FILTER_FIELD[a.layer];
  return { show: domainLayerOf(a.layer), town: a.town ?? undefined, range: { from: a.from, to: a.to }, keep: a.category && field ? { field, values: [a.category] } : undefined };
}

export function cellTarget(c: CellAnomaly): WarningTarget {
  const [xs, ys] = [c.boundary.map((p) => p[0]), c.boundary.map((p) => p[1])];
  return { show: domainLayerOf(c.layer), range: { from: c.from, to: c.to }, view: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
}

export const hoursText = (lang: Lang, hours: number) =>
  hours < 1 ? `${Math.max(1, Math.round(hours * 60))} ${translate(lang, 'minutesUnit')}` : `${hours.toFixed(1)} ${translate(lang, 'hoursUnit')}`;

type TownName = (code: string) => string;

/** The warnings the map draws, each with what its tooltip says and what a click opens. */
export function warningMarks(answer: WarningsAnswer, lang: Lang, townName: TownName): WarningMarks {
  const where = (town: string | null) => (town ? townName(town) : translate(lang, 'outsideDistrict'));
  return {
    cells: answer.cells.map((c) => ({
      boundary: c.boundary,
      note: [
        `${translate(lang, 'clusters')} · ${where(c.town)} · ${translate(lang, CASES_TITLE[c.layer])}`,
        `${translate(lang, 'anomalyWindow_week')} ${formatNumber(lang, c.count)} · ${translate(lang, 'usualRange')} ${formatNumber(lang, c.low)}–${formatNumber(lang, c.high)} · ${translate(lang, 'chanceOf')} ${chanceText(lang, c.p)}`,
      ],
      target: cellTarget(c),
    })),
    points: [
      ...answer.dueSoon.map((c) => ({
        position: c.position,
        kind: c.level,
        note: [`${translate(lang, 'dueSoon')} · ${translate(lang, CASES_TITLE[c.layer])} ${c.id} · ${where(c.town)}`, `${translate(lang, 'hoursLeft')} ${hoursText(lang, c.hoursLeft)} · ${formatDateTime(lang, c.deadline)}`],
        target: dueTarget(c),
      })),
      ...answer.repeats.map((r) => ({
        position: r.position,
        kind: 'repeat' as const,
        note: [`${translate(lang, 'repeatFailures')} · ${r.asset} · ${where(r.town)}`, `${formatNumber(lang, r.cases.length)} ${translate(lang, 'timesUnit')}: ${r.cases.join(', ')}`],
        target: repeatTarget(r),
      })),
    ],
  };
}
