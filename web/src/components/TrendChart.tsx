/** Monthly lines of one or more series of rates (recharts). */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate, formatMonth, formatRate } from '../lib/format';
import { SERIES_COLOURS } from '../lib/palette';

export interface TrendSeries {
  key: string;
  name: string;
  points: readonly { date: string; value?: number | null }[];
}

export function TrendChart({ series, height = 260, label }: { series: readonly TrendSeries[]; height?: number; label: string }) {
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const rows = dates.map((date) => {
    const row: Record<string, string | number | null> = { date };
    for (const s of series) row[s.key] = s.points.find((p) => p.date === date)?.value ?? null;
    return row;
  });
  return (
    <figure className="chart" aria-label={label} data-testid="trend-chart" data-series={series.length}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e3e3e3" vertical={false} />
          <XAxis dataKey="date" tickFormatter={formatMonth} fontSize={12} minTickGap={16} />
          <YAxis tickFormatter={(v: number) => formatRate(v).replace(',0%', '%')} fontSize={12} width={52} domain={[0, 'auto']} />
          <Tooltip labelFormatter={(d) => formatDate(String(d))} formatter={(v) => formatRate(typeof v === 'number' ? v : null)} />
          {series.length > 1 ? <Legend /> : null}
          {series.map((s, i) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stroke={SERIES_COLOURS[i % SERIES_COLOURS.length]}
              strokeWidth={2.5}
              dot={{ r: 3 }}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
