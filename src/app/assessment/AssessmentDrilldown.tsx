import { useMemo } from 'react';
import { formatNumber, label, translate, type Lang } from '../../i18n';
import type { Names } from '../../report/ReportPages';
import { reportOutline } from '../../report/reportModel';
import { fill, REPORT_TEXT } from '../../report/reportText';
import { TownMap } from '../../report/TownMap';
import { TrendChart } from '../../report/TrendChart';
import { WorstCategories } from '../../report/TownPage';
import type { AssessmentDetail, GroupKey } from '../../stats/assessment/report';
import { selectFeatures, useAppStore } from '../../state/store';

/** One town's or unit's detail under the ranking: its twelve months, its worst categories, and its cases open at the month's end on a small map. */
export function AssessmentDrilldown({ lang, detail, group, names, onClose }: { lang: Lang; detail: AssessmentDetail; group: GroupKey; names: Names; onClose(): void }) {
  const towns = useAppStore((s) => selectFeatures(s, 'towns'));
  const outlines = useMemo(() => new Map(towns.map((t) => [t.properties.code, reportOutline(t.geometry)])), [towns]);
  const [kind, code] = group.split(':') as ['town' | 'unit', string];
  const open = detail.openCounts[group] ?? { open: 0, overdue: 0 };
  const cases = detail.openCases[group] ?? [];
  return (
    <div className="assessment__drilldown" data-testid="assessment-drilldown" data-group={group} data-open={open.open} data-overdue={open.overdue}>
      <h4>
        {kind === 'town' ? names.town(code) : names.unit(code)}
        <button type="button" className="link-button" onClick={onClose} aria-label={translate(lang, 'close')}>
          ×
        </button>
      </h4>
      <p className="assessment__caption">{label(lang, REPORT_TEXT.trend)}</p>
      <TrendChart lang={lang} points={detail.trend[group] ?? []} />
      <p className="assessment__caption">{label(lang, REPORT_TEXT.worst)}</p>
      <WorstCategories lang={lang} rows={detail.worstCategories[group] ?? []} names={names} />
      <p className="assessment__caption">
        {label(lang, REPORT_TEXT.openMap)} · {fill(label(lang, REPORT_TEXT.openCount), { open: formatNumber(lang, open.open), overdue: formatNumber(lang, open.overdue) })}
      </p>
      <TownMap outline={kind === 'town' ? outlines.get(code) : undefined} context={[...outlines.values()]} cases={cases} />
    </div>
  );
}
