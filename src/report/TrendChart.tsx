import { Bar, ComposedChart, Legend, Line, XAxis, YAxis } from 'recharts';
import { label, type Lang } from '../i18n';
import type { TrendPoint } from '../stats/assessment/report';
import { isoDay } from '../state/timePresets';
import { REPORT_TEXT } from './reportText';

const monthLabel = (ms: number) => isoDay(ms).slice(2, 7);

/** Twelve months of one town or unit: cases registered (bars) and the on-time closure rate (line, right axis). Fixed size for print. */
export function TrendChart({ lang, points }: { lang: Lang; points: readonly TrendPoint[] }) {
  const data = points.map((p) => ({ month: monthLabel(p.from), registered: p.registered, onTime: p.onTimeClosureRate === null ? null : Math.round(p.onTimeClosureRate * 1000) / 10 }));
  return (
    <ComposedChart width={330} height={190} data={data} margin={{ top: 6, right: 6, bottom: 0, left: -10 }}>
      <XAxis dataKey="month" tick={{ fontSize: 9 }} interval={0} />
      <YAxis yAxisId="n" tick={{ fontSize: 9 }} allowDecimals={false} />
      <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} tick={{ fontSize: 9 }} unit="%" />
      <Legend wrapperStyle={{ fontSize: 10 }} />
      <Bar yAxisId="n" dataKey="registered" name={label(lang, REPORT_TEXT.registeredSeries)} fill="#a5c8f0" isAnimationActive={false} />
      <Line yAxisId="rate" dataKey="onTime" name={label(lang, REPORT_TEXT.onTimeSeries)} stroke="#1c5fb8" strokeWidth={1.5} dot={{ r: 2 }} connectNulls isAnimationActive={false} />
    </ComposedChart>
  );
}
