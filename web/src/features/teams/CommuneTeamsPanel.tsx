/** Commune page: the target-assignment table (teams × metrics) with the commune's own target, and the at-risk list. */
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import { Empty, ErrorState, Loading } from '../../components/States';
import { formatCount, formatRate } from '../../lib/format';
import { byNaturalName as byName } from '../../lib/collate';
import { useMe } from '../access/session';
import { CommuneTeamsQuery } from './documents';
import { todayInVietnam } from '../../lib/dates';
import { METRIC_LABELS, metricLabel, periodLabel, quarterOf, STATUS_LABELS } from './labels';

const STAFF = ['PROVINCE_LEADER', 'PROVINCE_ADMIN', 'COMMUNE_CHAIR', 'COMMUNE_OFFICER'];

export function CommuneTeamsPanel({ communeCode }: { communeCode: string }) {
  const { me } = useMe();
  const period = quarterOf(todayInVietnam());
  const allowed = !!me && STAFF.includes(me.role);
  const { data, error, loading, refetch } = useQuery(CommuneTeamsQuery, { variables: { code: communeCode, period }, skip: !allowed });
  if (!allowed) {
    return (
      <section className="panel" aria-labelledby="teams-heading">
        <h2 id="teams-heading">Tổ công nghệ số và chỉ tiêu</h2>
        <p className="muted">
          Bảng giao chỉ tiêu và cảnh báo sớm dành cho cán bộ xã và tỉnh.{' '}
          {me ? null : <Link to={`/dang-nhap?tiep=${encodeURIComponent(`/xa/${communeCode}`)}`}>Đăng nhập</Link>}
        </p>
      </section>
    );
  }
  if (loading && !data) return <Loading what="chỉ tiêu các tổ" />;
  if (error) return <ErrorState what="chỉ tiêu các tổ" error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  const teams = [...data.teams].sort(byName);
  const metrics = Object.keys(METRIC_LABELS).filter((m) =>
    data.communeTargetPlan.allocations.some((a) => a.metric === m && (a.communeTarget || a.teamTargetsSum > 0)));
  const valueOf = (teamId: number, metric: string) =>
    data.communeTargetPlan.teamTargets.find((t) => t.teamId === teamId && t.metric === metric)?.value;
  const allocation = (metric: string) => data.communeTargetPlan.allocations.find((a) => a.metric === metric);
  const warnings = data.communeTargetPlan.allocations.filter((a) => a.shortfall > 0);

  return (
    <>
      <section className="panel" aria-labelledby="plan-heading" data-testid="target-plan">
        <div className="panel-head">
          <h2 id="plan-heading">Giao chỉ tiêu cho các tổ — {periodLabel(period)}</h2>
          <Link to={`/xa/${communeCode}/chi-tieu?ky=${period}`} className="button button-link">
            {me?.role === 'COMMUNE_CHAIR' || me?.role === 'PROVINCE_ADMIN' ? 'Giao, sửa chỉ tiêu' : 'Xem bảng giao chỉ tiêu'}
          </Link>
        </div>
        {warnings.length ? (
          <div className="warning" role="status">
            {warnings.map((w) => (
              <p key={w.metric}>
                ⚠ {metricLabel(w.metric)}: tổng chỉ tiêu các tổ {formatCount(w.teamTargetsSum)} thấp hơn chỉ tiêu của xã{' '}
                {formatCount(w.communeTarget?.value ?? 0)} (thiếu {formatCount(w.shortfall)}).
              </p>
            ))}
          </div>
        ) : null}
        {teams.length === 0 ? <Empty>Xã chưa thành lập tổ công nghệ số cộng đồng nào.</Empty> : metrics.length === 0 ? (
          <Empty>Chưa có chỉ tiêu nào cho {periodLabel(period)}.</Empty>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Bảng giao chỉ tiêu">
            <table className="plan-table stack-on-phone">
              <thead>
                <tr>
                  <th scope="col">Tổ</th>
                  {metrics.map((m) => <th key={m} scope="col" className="num">{metricLabel(m)}</th>)}
                </tr>
              </thead>
              <tbody>
                {teams.map((t) => (
                  <tr key={t.id}>
                    <th scope="row"><Link to={`/to/${t.id}`}>{t.name}</Link></th>
                    {metrics.map((m) => <td key={m} className="num" data-label={metricLabel(m)}>{valueOf(t.id, m) !== undefined ? formatCount(valueOf(t.id, m)!) : '—'}</td>)}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Tổng các tổ</th>
                  {metrics.map((m) => <td key={m} className="num" data-label={metricLabel(m)}>{formatCount(allocation(m)?.teamTargetsSum ?? 0)}</td>)}
                </tr>
                <tr className={metrics.some((m) => (allocation(m)?.shortfall ?? 0) > 0) ? 'short' : ''}>
                  <th scope="row">Chỉ tiêu của xã</th>
                  {metrics.map((m) => {
                    const a = allocation(m);
                    return (
                      <td key={m} className={`num ${a && a.shortfall > 0 ? 'short-cell' : ''}`} data-label={metricLabel(m)}>
                        <span>
                          {a?.communeTarget ? formatCount(a.communeTarget.value) : '—'}
                          {a && a.shortfall > 0 ? <small className="muted"> (thiếu {formatCount(a.shortfall)})</small> : null}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="risk-heading" data-testid="at-risk">
        <h2 id="risk-heading">Cảnh báo sớm: tổ có nguy cơ không đạt</h2>
        {data.atRisk.teams.length === 0 ? <p className="muted">Không có tổ nào có nguy cơ không đạt chỉ tiêu {periodLabel(period)}.</p> : (
          <ul className="risk-list">
            {data.atRisk.teams.map((p) => (
              <li key={p.team.id}>
                <Link to={`/to/${p.team.id}`}><strong>{p.team.name}</strong></Link> · hoàn thành {formatRate(p.completion.value)}
                <ul>
                  {p.targets.filter((t) => t.status === 'AT_RISK' || t.status === 'MISSED').map((t) => (
                    <li key={t.metric}>
                      {metricLabel(t.metric)}: {formatCount(t.achieved)}/{formatCount(t.targetValue)} · {STATUS_LABELS[t.status]}
                      {t.projected != null ? ` · dự báo ${formatCount(Math.round(t.projected))}` : ''}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
