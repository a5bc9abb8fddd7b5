import { Line, LineChart, ResponsiveContainer } from 'recharts';

/** A KPI's sub-window values as a small line (gaps joined), drawn in the card's text colour. */
export function Sparkline({ values }: { values: (number | null)[] }) {
  return (
    <ResponsiveContainer width="100%" height={28}>
      <LineChart data={values.map((v, i) => ({ i, v }))} margin={{ top: 2, right: 2, bottom: 2, left: 2 }} accessibilityLayer={false}>
        <Line dataKey="v" stroke="currentColor" dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls />
      </LineChart>
    </ResponsiveContainer>
  );
}
