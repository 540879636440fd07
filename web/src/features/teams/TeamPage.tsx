/** Tổ công nghệ số: this quarter's targets, the entry form (offline queue) and the activity log. */
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link, Navigate, useLocation, useParams } from 'react-router-dom';
import { Empty, ErrorState, Loading } from '../../components/States';
import { byNaturalName } from '../../lib/collate';
import { formatCount, formatDate, formatRate } from '../../lib/format';
import { useMe } from '../access/session';
import { ActivityForm } from './ActivityForm';
import type { TeamActivitiesQuery as TeamActivitiesData } from '../../gql/graphql';
import { MyTeamsQuery, TeamActivitiesQuery, TeamPageQuery } from './documents';
import { todayInVietnam } from '../../lib/dates';
import { metricLabel, periodLabel, quarterOf } from './labels';
import { MembersPanel } from './MembersPanel';
import { TargetBars } from './TargetBars';
import { PageTitle } from '../../components/PageTitle';

const LOG_PAGE = 30;
type LoggedRow = TeamActivitiesData['teamActivities'][number];

/** The log's first page, and older pages on demand (the server's cursor: the last record shown). */
function ActivityLog({ teamId, first, hamletNames }: { teamId: number; first: LoggedRow[]; hamletNames: Map<string, string> }) {
  const client = useApolloClient();
  const [older, setOlder] = useState<LoggedRow[]>([]);
  const [more, setMore] = useState(first.length === LOG_PAGE);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // A new first page (an activity was just logged) starts the list again.
  useEffect(() => {
    setOlder([]);
    setMore(first.length === LOG_PAGE);
  }, [first]);
  const rows = [...first, ...older];

  async function loadMore() {
    setLoading(true);
    setProblem(null);
    try {
      const { data } = await client.query({ query: TeamActivitiesQuery, variables: { id: teamId, limit: LOG_PAGE, before: rows[rows.length - 1]!.id }, fetchPolicy: 'network-only' });
      const page = data?.teamActivities ?? [];
      setOlder((o) => [...o, ...page]);
      setMore(page.length === LOG_PAGE);
    } catch {
      setProblem('Chưa tải được các hoạt động cũ hơn; hãy thử lại.');
    }
    setLoading(false);
  }

  return (
    <>
      <ul className="activity-log" data-testid="activity-log">
        {rows.map((a) => (
          <li key={a.id}>
            <span className="activity-date">{formatDate(a.activityOn)}</span>
            <span className="activity-what">
              <strong>{formatCount(a.quantity)}</strong> {metricLabel(a.metric).toLowerCase()}
              <small className="muted"> · {hamletNames.get(a.hamletCode) ?? a.hamletCode}</small>
            </span>
            {a.note ? <span className="activity-note">{a.note}</span> : null}
          </li>
        ))}
      </ul>
      {problem ? <p className="form-error" role="alert">{problem}</p> : null}
      {more ? (
        <p className="note">
          <button type="button" className="button" onClick={() => void loadMore()} disabled={loading}>
            {loading ? 'Đang tải…' : 'Xem các hoạt động cũ hơn'}
          </button>
        </p>
      ) : null}
    </>
  );
}

function SignInFirst() {
  const { pathname } = useLocation();
  return <Navigate to={`/dang-nhap?tiep=${encodeURIComponent(pathname)}`} replace />;
}

/** `/to`: the signed-in user's teams; one team opens straight away. */
export function MyTeamsPage() {
  const { me, loading: meLoading } = useMe();
  const { data, error, loading, refetch } = useQuery(MyTeamsQuery, { skip: !me });
  if (meLoading) return <Loading what="tài khoản" />;
  if (!me) return <SignInFirst />;
  if (loading && !data) return <Loading what="danh sách tổ" />;
  if (error) return <ErrorState what="danh sách tổ" error={error} onRetry={() => void refetch()} />;
  const teams = [...(data?.myTeams ?? [])].sort(byNaturalName);
  if (teams.length === 1) return <Navigate to={`/to/${teams[0]!.id}`} replace />;
  return (
    <div className="page">
      <PageTitle>Tổ công nghệ số cộng đồng</PageTitle>
      <h1>Tổ công nghệ số cộng đồng</h1>
      {teams.length === 0 ? <Empty>Tài khoản này chưa phụ trách tổ nào.</Empty> : (
        <ul className="team-list panel">
          {teams.map((t) => (
            <li key={t.id}>
              <Link to={`/to/${t.id}`}>{t.name}</Link>
              <small className="muted"> · {t.commune.name} · {t.hamlets.map((h) => h.name).join(', ')}</small>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function TeamPage() {
  const { id = '' } = useParams();
  const teamId = Number(id);
  const { me, loading: meLoading } = useMe();
  const period = quarterOf(todayInVietnam());
  const valid = Number.isInteger(teamId) && teamId > 0;
  const page = useQuery(TeamPageQuery, { variables: { id: teamId, period }, skip: !me || !valid });
  const log = useQuery(TeamActivitiesQuery, { variables: { id: teamId, limit: LOG_PAGE }, skip: !me || !valid });
  if (meLoading) return <Loading what="tài khoản" />;
  if (!me) return <SignInFirst />;
  if (!valid) return <Empty>Không có tổ “{id}”. <Link to="/to">Về danh sách tổ</Link>.</Empty>;
  if (page.loading && !page.data) return <Loading what="số liệu của tổ" />;
  if (page.error) return <ErrorState what="số liệu của tổ" error={page.error} onRetry={() => void page.refetch()} />;
  const team = page.data?.team;
  const progress = page.data?.teamProgress;
  if (!team || !progress) return <Empty>Không có tổ “{id}”.</Empty>;
  const hamletNames = new Map(team.hamlets.map((h) => [h.code, h.name]));
  const canLog = ['TEAM_LEADER', 'COMMUNE_OFFICER', 'COMMUNE_CHAIR'].includes(me.role);
  const canManage = ['PROVINCE_ADMIN', 'COMMUNE_CHAIR', 'COMMUNE_OFFICER'].includes(me.role);
  const canAssign = me.role === 'COMMUNE_CHAIR' || me.role === 'PROVINCE_ADMIN';

  return (
    <div className="page team">
      <nav className="breadcrumb" aria-label="Vị trí">
        <Link to={`/xa/${team.commune.code}`}>{team.commune.name}</Link> › <span>{team.name}</span>
      </nav>
      <div className="page-head">
        <div>
          <PageTitle>{`${team.name} — ${team.commune.name}`}</PageTitle>
          <h1>{team.name}{!team.active ? <span className="badge badge-muted">Ngừng hoạt động</span> : null}</h1>
          <p className="lead">
            Phụ trách {team.hamlets.map((h) => h.name).join(', ') || 'chưa có thôn, xóm'} · {formatCount(team.activeMembers)} thành viên
            {team.ambassadors ? ` · ${formatCount(team.ambassadors)} Đại sứ số` : ''}
            {team.decisionNumber ? ` · QĐ ${team.decisionNumber}` : ''}
          </p>
        </div>
      </div>

      <section className="panel" aria-labelledby="targets-title">
        <div className="panel-head">
          <h2 id="targets-title">Chỉ tiêu {periodLabel(progress.period)}</h2>
          <span className="muted">
            Hoàn thành chung {formatRate(progress.completion.value)}
            {progress.atRisk ? <span className="badge badge-warn">Có nguy cơ không đạt</span> : null}
          </span>
        </div>
        {progress.targets.length ? <TargetBars targets={progress.targets} /> : <Empty>Tổ chưa được giao chỉ tiêu {periodLabel(progress.period)}.</Empty>}
        {canAssign ? (
          <p className="note"><Link to={`/xa/${team.commune.code}/chi-tieu?ky=${progress.period}`}>Giao, sửa chỉ tiêu của các tổ {team.commune.name}</Link></p>
        ) : null}
      </section>

      {canLog ? <ActivityForm hamlets={team.hamlets} /> : null}

      <section className="panel" aria-labelledby="log-title">
        <div className="panel-head">
          <h2 id="log-title">Nhật ký hoạt động</h2>
          <span className="muted">Theo ngày hoạt động, gần nhất trước</span>
        </div>
        {log.loading && !log.data ? <Loading what="nhật ký" /> : log.error ? (
          <ErrorState what="nhật ký" error={log.error} onRetry={() => void log.refetch()} />
        ) : (log.data?.teamActivities.length ?? 0) === 0 ? (
          <Empty>Chưa có hoạt động nào được ghi nhận.</Empty>
        ) : (
          <ActivityLog teamId={team.id} first={log.data!.teamActivities} hamletNames={hamletNames} />
        )}
      </section>

      <MembersPanel teamId={team.id} members={team.memberList} canManage={canManage} onChanged={() => page.refetch()} />
    </div>
  );
}
