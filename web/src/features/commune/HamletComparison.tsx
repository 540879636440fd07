/** Side-by-side comparison of picked hamlets: bars for the date, lines over time, the weakest criterion. */
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { Empty, ErrorState, Loading } from '../../components/States';
import { TrendChart } from '../../components/TrendChart';
import type { Metric } from '../../gql/graphql';
import { formatCount, formatDate, formatRate } from '../../lib/format';
import { metricLabel } from '../../lib/metrics';
import { SERIES_COLOURS } from '../../lib/palette';
import { type ComparedHamlet, useComparedHamlets } from './useComparedHamlets';

function weakestCriterion(hamlet: ComparedHamlet) {
  return hamlet.criteria.reduce<ComparedHamlet['criteria'][number] | null>(
    (weakest, c) => (c.share != null && (weakest?.share == null || c.share < weakest.share) ? c : weakest),
    null,
  );
}

export function HamletComparison({ codes, metric, asOf }: { codes: readonly string[]; metric: Metric; asOf: string }) {
  const state = useComparedHamlets(codes, metric, asOf);
  if (codes.length < 2) {
    return <Empty>Chọn từ 2 đến 4 thôn, xóm ở ô “So sánh” trong bảng xếp hạng để so sánh cạnh nhau.</Empty>;
  }
  if (state.status === 'loading') return <Loading what="số liệu so sánh" />;
  if (state.status === 'error') return <ErrorState what="số liệu so sánh" error={{ message: state.message }} />;
  const { hamlets } = state;
  const criteriaCodes = hamlets[0]?.criteria.map((c) => c) ?? [];
  const bars = hamlets.map((h) => ({ name: h.name, value: h.indicator.value ?? 0, label: formatRate(h.indicator.value) }));

  return (
    <div className="comparison" data-testid="hamlet-comparison">
      <div className="comparison-charts">
        <figure className="chart" aria-label={`${metricLabel[metric]} tại ngày ${formatDate(asOf)}`}>
          <figcaption>{metricLabel[metric]} tại ngày {formatDate(asOf)}</figcaption>
          <ResponsiveContainer width="100%" height={60 + 44 * bars.length}>
            <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 56, bottom: 4, left: 8 }}>
              <CartesianGrid horizontal={false} stroke="#e3e3e3" />
              <XAxis type="number" domain={[0, 1]} tickFormatter={(v: number) => formatRate(v).replace(',0%', '%')} fontSize={12} />
              <YAxis type="category" dataKey="name" width={110} fontSize={12} />
              <Bar dataKey="value" isAnimationActive={false}>
                {bars.map((b, i) => <Cell key={b.name} fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} />)}
                <LabelList dataKey="label" position="right" fontSize={12} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <div>
          <p className="chart-title">Diễn biến theo tháng</p>
          <TrendChart
            label={`Diễn biến ${metricLabel[metric].toLowerCase()} của các thôn, xóm được chọn`}
            series={hamlets.map((h) => ({ key: h.code, name: h.name, points: h.series }))}
          />
        </div>
      </div>
      <div className="table-wrap">
        <table className="criteria-table">
          <caption>Tỷ lệ hộ đáp ứng từng tiêu chí Gia đình số — ô tô đậm là tiêu chí đang kéo thôn, xóm lại</caption>
          <thead>
            <tr>
              <th scope="col">Thôn, xóm</th>
              {criteriaCodes.map((c) => <th scope="col" key={c.code}>{c.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {hamlets.map((h) => {
              const weakest = weakestCriterion(h);
              return (
                <tr key={h.code}>
                  <th scope="row">{h.name}</th>
                  {h.criteria.map((c) => (
                    <td key={c.code} className={c.code === weakest?.code ? 'weakest' : undefined}>
                      {formatRate(c.share)} <small>({formatCount(c.met)}/{formatCount(c.households)})</small>
                      {c.code === weakest?.code ? <span className="sr-only"> — tiêu chí yếu nhất</span> : null}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
