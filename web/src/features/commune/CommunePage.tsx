/** Xã/phường: the hamlets' leaderboard and improvement ranking, their map, and a comparison. */
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router-dom';
import { LeaderboardTable } from '../../components/LeaderboardTable';
import { Empty, ErrorState, Loading } from '../../components/States';
import { DatePicker, MetricPicker } from '../../components/ViewControls';
import { previousQuarterEnd } from '../../lib/dates';
import { formatCount, formatDate, formatRate } from '../../lib/format';
import { metricLabel, metricUnit } from '../../lib/metrics';
import { useViewParams } from '../../lib/useViewParams';
import { CommuneMap } from './CommuneMap';
import { CommunePageQuery } from './documents';
import { CommuneTeamsPanel } from '../teams/CommuneTeamsPanel';
import { HamletComparison } from './HamletComparison';
import { useAtRiskHamlets } from './useAtRiskHamlets';
import { PageTitle } from '../../components/PageTitle';

const MAX_COMPARED = 4;

export function CommunePage() {
  const { code = '' } = useParams();
  const view = useViewParams();
  const since = previousQuarterEnd(view.asOf);
  const { data, error, loading, refetch } = useQuery(CommunePageQuery, {
    variables: { code, metric: view.metric, asOf: view.asOf, since },
  });
  const compared = (view.params.get('so-sanh') ?? '').split(',').filter(Boolean).slice(0, MAX_COMPARED);
  const toggle = (hamlet: string) => {
    const next = compared.includes(hamlet) ? compared.filter((c) => c !== hamlet) : [...compared, hamlet];
    view.set({ 'so-sanh': next.join(',') || null });
  };
  // Staff only (the hook asks nothing for the public): ⚠ beside hamlets whose team is at risk.
  const risk = useAtRiskHamlets(code);
  const unit = metricUnit[view.metric];
  const hamletLink = (hamlet: string) => `/thon/${hamlet}${window.location.search.replace(/([?&])so-sanh=[^&]*&?/, '$1').replace(/[?&]$/, '')}`;

  if (loading && !data) return <Loading what="số liệu xã, phường" />;
  if (error) return <ErrorState what="số liệu xã, phường" error={error} onRetry={() => void refetch()} />;
  const area = data?.area;
  if (!area) {
    return (
      <Empty>
        Không có xã, phường mã “{code}”. <Link to="/">Chọn xã, phường trên bản đồ toàn tỉnh</Link>.
      </Empty>
    );
  }
  const hamlets = data.leaderboard;

  return (
    <div className="page commune">
      <nav className="breadcrumb" aria-label="Vị trí">
        {area.parent ? <Link to={`/${window.location.search}`}>{area.parent.name}</Link> : null} › <span>{area.name}</span>
      </nav>
      <div className="page-head">
        <div>
          <PageTitle>{area.name}</PageTitle>
          <h1>{area.name}</h1>
          <p className="lead">
            {metricLabel[view.metric]}: <strong>{formatRate(area.indicator.value)}</strong> ({formatCount(area.indicator.numerator)}/
            {formatCount(area.indicator.denominator)} {unit}) · Xóm số: <strong>{area.digitalHamlets.count}/{area.digitalHamlets.total}</strong> ·
            tại ngày {formatDate(view.asOf)}
          </p>
        </div>
        <div className="controls">
          <DatePicker view={view} />
          <MetricPicker view={view} />
        </div>
      </div>

      {hamlets.length === 0 ? (
        <Empty>Xã, phường này chưa có thôn, xóm nào. Cán bộ xã cần nhập danh sách thôn, xóm (tệp areas.csv).</Empty>
      ) : (
        <>
          <div className="two-col">
            <section className="panel">
              <LeaderboardTable
                testId="hamlets-leaderboard"
                caption={`Xếp hạng thôn, xóm — ${metricLabel[view.metric].toLowerCase()}`}
                entries={hamlets}
                unit={unit}
                linkTo={hamletLink}
                selectable={{ selected: compared, onToggle: toggle, max: MAX_COMPARED }}
                flagged={risk.flagged}
              />
              <p className="note">Thôn, xóm dưới 10 hộ không xếp hạng. Biến động so với cuối quý trước ({formatDate(since)}).</p>
            </section>
            <section className="panel">
              <h2>Bản đồ thôn, xóm</h2>
              <CommuneMap communeCode={area.code} parentCode={area.parent?.code ?? '04'} entries={hamlets} metric={view.metric} />
              <h2 className="spaced">Tiến bộ nhanh nhất</h2>
              <LeaderboardTable
                testId="improvement-leaderboard"
                caption={`Mức tăng ${metricLabel[view.metric].toLowerCase()} từ ${formatDate(since)} đến ${formatDate(view.asOf)}`}
                entries={data.improvement.slice(0, 10)}
                unit={unit}
                improvement
                linkTo={hamletLink}
              />
            </section>
          </div>
          <section className="panel" aria-labelledby="compare-heading">
            <h2 id="compare-heading">So sánh thôn, xóm</h2>
            <HamletComparison codes={compared} metric={view.metric} asOf={view.asOf} />
          </section>
          <CommuneTeamsPanel communeCode={area.code} />
        </>
      )}
    </div>
  );
}
