/** Hamlet page: the team in charge of this hamlet and its targets this quarter (for signed-in staff). */
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import { ErrorState, Loading } from '../../components/States';
import { formatCount, formatRate } from '../../lib/format';
import { useMe } from '../access/session';
import { HamletTeamsQuery } from './documents';
import { todayInVietnam } from '../../lib/dates';
import { periodLabel, quarterOf } from './labels';
import { TargetBars } from './TargetBars';

export function HamletTeamsPanel({ hamletCode, communeCode }: { hamletCode: string; communeCode: string }) {
  const { me } = useMe();
  const period = quarterOf(todayInVietnam());
  const allowed = !!me && me.role !== 'TEAM_LEADER' && me.role !== 'COMMITTEE_MEMBER';
  const { data, error, loading, refetch } = useQuery(HamletTeamsQuery, { variables: { code: communeCode, period }, skip: !allowed });
  const mine = me?.role === 'TEAM_LEADER';
  return (
    <section className="panel" aria-labelledby="hamlet-teams-heading" data-testid="hamlet-teams">
      <h2 id="hamlet-teams-heading">Tổ công nghệ số cộng đồng và chỉ tiêu — {periodLabel(period)}</h2>
      {!me ? (
        <p className="muted">
          Tổ phụ trách và tiến độ chỉ tiêu dành cho cán bộ.{' '}
          <Link to={`/dang-nhap?tiep=${encodeURIComponent(`/thon/${hamletCode}`)}`}>Đăng nhập</Link>
        </p>
      ) : mine ? (
        <p><Link to="/to">Mở trang tổ của bạn</Link> để xem chỉ tiêu và ghi nhận hoạt động.</p>
      ) : !allowed ? (
        <p className="muted">Tài khoản này không xem tiến độ chỉ tiêu của tổ.</p>
      ) : loading && !data ? (
        <Loading what="tổ và chỉ tiêu" />
      ) : error ? (
        <ErrorState what="tổ và chỉ tiêu" error={error} onRetry={() => void refetch()} />
      ) : (() => {
        const teams = (data?.teamsProgress ?? []).filter((p) => p.team.hamlets.some((h) => h.code === hamletCode));
        if (teams.length === 0) return <p className="muted">Thôn, xóm này chưa có tổ công nghệ số cộng đồng.</p>;
        return teams.map((p) => (
          <div key={p.team.id} className="hamlet-team">
            <p>
              <Link to={`/to/${p.team.id}`}><strong>{p.team.name}</strong></Link> · {formatCount(p.team.activeMembers)} thành viên
              {p.team.ambassadors ? ` · ${formatCount(p.team.ambassadors)} Đại sứ số` : ''} · hoàn thành {formatRate(p.completion.value)}
              {p.atRisk ? <span className="badge badge-warn">Có nguy cơ không đạt</span> : null}
            </p>
            {p.targets.length ? <TargetBars targets={p.targets} /> : <p className="muted">Tổ chưa được giao chỉ tiêu kỳ này.</p>}
          </div>
        ));
      })()}
    </section>
  );
}
