/*
 * Giao chỉ tiêu: the province admin sets a commune's own targets, the commune chair sets each team's,
 * per period and metric. Every saved cell carries the version it was read at: when someone else
 * changed it meanwhile the server refuses, and the page says so with the current value instead of
 * overwriting it.
 */
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { Empty, ErrorState, Loading } from '../../components/States';
import { ConflictBox } from '../../components/ConflictBox';
import type { TargetMetric, TargetPlanQuery as TargetPlanData } from '../../gql/graphql';
import { byNaturalName as byName } from '../../lib/collate';
import { PROVINCE_CODE } from '../../lib/config';
import { apiErrorOf } from '../../lib/errors';
import { formatCount } from '../../lib/format';
import { useMe } from '../access/session';
import { OverviewAtRiskQuery } from '../overview/documents';
import { SetCommuneTargetMutation, SetTeamTargetMutation, TargetCommunesQuery, TargetPlanQuery } from './documents';
import { todayInVietnam } from '../../lib/dates';
import { isPeriod, METRIC_LABELS, metricLabel, periodChoices, periodLabel, quarterOf } from './labels';
import { PageTitle } from '../../components/PageTitle';

const READERS = ['PROVINCE_LEADER', 'PROVINCE_ADMIN', 'COMMUNE_CHAIR', 'COMMUNE_OFFICER'];
const METRICS = Object.keys(METRIC_LABELS) as TargetMetric[];
const MAX_TARGET = 1_000_000;

/** Progress and plans read elsewhere in the app that a saved target changes. */
const TARGET_FIELDS = ['teamProgress', 'teamsProgress', 'communeProgress', 'provinceProgress', 'atRisk', 'teamLeaderboard', 'communeTargetPlan'];

function usePeriodParam() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('ky');
  const period = isPeriod(asked) ? asked : quarterOf(todayInVietnam());
  const setPeriod = (next: string) => {
    const copy = new URLSearchParams(params);
    copy.set('ky', next);
    setParams(copy, { replace: true });
  };
  return { period, setPeriod };
}

function PeriodPicker({ period, onChange }: { period: string; onChange(period: string): void }) {
  const id = useId();
  const choices = periodChoices(todayInVietnam());
  return (
    <div className="control">
      <label htmlFor={id}>Kỳ giao chỉ tiêu</label>
      <select id={id} value={period} onChange={(e) => onChange(e.target.value)}>
        {choices.map((c) => (
          <optgroup key={c.year} label={`Năm ${c.year}`}>
            {c.periods.map((p) => <option key={p} value={p}>{p.includes('Q') ? periodLabel(p).replace(/^q/, 'Q') : `Cả năm ${p}`}</option>)}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function SignInFirst() {
  const { pathname, search } = useLocation();
  return <Navigate to={`/dang-nhap?tiep=${encodeURIComponent(pathname + search)}`} replace />;
}

/** `/chi-tieu`: a commune chair goes to their commune; the province picks a commune. */
export function TargetCommunesPage() {
  const { me, loading: meLoading } = useMe();
  const { period, setPeriod } = usePeriodParam();
  const allowed = !!me && READERS.includes(me.role);
  const commune = me && (me.role === 'COMMUNE_CHAIR' || me.role === 'COMMUNE_OFFICER') ? me.areaCodes[0] : undefined;
  const { data, error, loading, refetch } = useQuery(TargetCommunesQuery, { variables: { parentCode: PROVINCE_CODE }, skip: !allowed || !!commune });
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const riskId = useId();
  const [params, setParams] = useSearchParams();
  const riskOnly = params.get('nguy-co') === '1';
  // The same request as the overview map's flags (cached when coming from there).
  const risk = useQuery(OverviewAtRiskQuery, { variables: { period, provinceCode: PROVINCE_CODE }, skip: !allowed || !!commune });
  const atRisk = new Set((risk.data?.atRisk.communes ?? []).map((c) => c.area.code));
  if (meLoading) return <Loading what="tài khoản" />;
  if (!me) return <SignInFirst />;
  if (!allowed) return <Empty>Tài khoản này không xem bảng giao chỉ tiêu. <Link to="/">Về trang tổng quan</Link>.</Empty>;
  if (commune) return <Navigate to={`/xa/${commune}/chi-tieu?ky=${period}`} replace />;
  const wanted = filter.trim().normalize('NFC').toLocaleLowerCase('vi');
  const communes = [...(data?.areas ?? [])].sort(byName)
    .filter((a) => !wanted || a.name.normalize('NFC').toLocaleLowerCase('vi').includes(wanted) || a.code.includes(wanted))
    .filter((a) => !riskOnly || atRisk.has(a.code));
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <PageTitle>Giao chỉ tiêu cho xã, phường</PageTitle>
          <h1>Giao chỉ tiêu cho xã, phường</h1>
          <p className="lead">Chọn một xã, phường để giao chỉ tiêu {periodLabel(period)} và xem xã đã giao cho các tổ đủ chưa.</p>
        </div>
        <div className="controls">
          <PeriodPicker period={period} onChange={setPeriod} />
          <div className="control">
            <label htmlFor={filterId}>Tìm xã, phường</label>
            <input id={filterId} className="input" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Tên hoặc mã" />
          </div>
          <label className="control checkbox-control" htmlFor={riskId}>
            <input id={riskId} type="checkbox" checked={riskOnly} onChange={(e) => {
              const next = new URLSearchParams(params);
              if (e.target.checked) next.set('nguy-co', '1');
              else next.delete('nguy-co');
              setParams(next, { replace: true });
            }} />
            <span>Chỉ xã có nguy cơ không đạt{risk.data ? ` (${formatCount(atRisk.size)})` : ''}</span>
          </label>
        </div>
      </div>
      {loading && !data ? <Loading what="danh sách xã, phường" /> : error ? (
        <ErrorState what="danh sách xã, phường" error={error} onRetry={() => void refetch()} />
      ) : communes.length === 0 ? (
        <Empty>{filter ? `Không có xã, phường nào khớp “${filter}”${riskOnly ? ' trong các xã có nguy cơ' : ''}.` : riskOnly ? `Không có xã, phường nào có nguy cơ không đạt chỉ tiêu ${periodLabel(period)}.` : 'Chưa có xã, phường nào.'}</Empty>
      ) : (
        <ul className="commune-links panel" data-testid="target-communes">
          {communes.map((c) => (
            <li key={c.code}>
              <Link to={`/xa/${c.code}/chi-tieu?ky=${period}`}>{c.name}</Link>
              {atRisk.has(c.code) ? <span className="badge badge-warn" title={`Có chỉ tiêu ${periodLabel(period)} có nguy cơ không đạt`}>⚠ Nguy cơ</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** `/xa/:code/chi-tieu?ky=2025-Q4`: the commune's assignment table, editable by whoever may assign. */
export function TargetPlanPage() {
  const { code = '' } = useParams();
  const { period, setPeriod } = usePeriodParam();
  const { me, loading: meLoading } = useMe();
  const allowed = !!me && READERS.includes(me.role);
  const { data, error, loading, refetch } = useQuery(TargetPlanQuery, {
    variables: { code, period }, skip: !allowed, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: false,
  });
  if (meLoading) return <Loading what="tài khoản" />;
  if (!me) return <SignInFirst />;
  if (!allowed) return <Empty>Tài khoản này không xem bảng giao chỉ tiêu. <Link to="/">Về trang tổng quan</Link>.</Empty>;
  const plan = data?.communeTargetPlan;
  const name = plan?.commune.name ?? code;
  return (
    <div className="page target-plan-page">
      <nav className="breadcrumb" aria-label="Vị trí">
        {me.role.startsWith('PROVINCE') ? <><Link to={`/chi-tieu?ky=${period}`}>Giao chỉ tiêu</Link> › </> : null}
        <Link to={`/xa/${code}`}>{name}</Link> › <span>Giao chỉ tiêu</span>
      </nav>
      <div className="page-head">
        <div>
          <PageTitle>{`Giao chỉ tiêu — ${name}`}</PageTitle>
          <h1>Giao chỉ tiêu — {name}</h1>
          <p className="lead">
            Tỉnh giao chỉ tiêu cho xã; Chủ tịch UBND xã giao cho từng tổ công nghệ số cộng đồng. Nếu người khác vừa sửa cùng
            chỉ tiêu, số của bạn không ghi đè lên mà trang sẽ báo để bạn tải lại.
          </p>
        </div>
        <div className="controls">
          <PeriodPicker period={period} onChange={setPeriod} />
        </div>
      </div>
      {loading && !data ? <Loading what="bảng giao chỉ tiêu" /> : error && !data ? (
        <ErrorState what="bảng giao chỉ tiêu" error={error} onRetry={() => void refetch()} />
      ) : !plan || !data ? (
        <Empty>Không có xã, phường mã “{code}”.</Empty>
      ) : (
        <PlanEditor
          key={`${code}:${period}`}
          data={data}
          canEditCommune={me.role === 'PROVINCE_ADMIN'}
          canEditTeams={me.role === 'COMMUNE_CHAIR' && me.areaCodes.includes(code)}
          reload={async () => { await refetch(); }}
        />
      )}
    </div>
  );
}

interface Saved { id: number; value: number; version: number }
interface CellRef { key: string; owner: string; metric: TargetMetric; teamId: number | null; current: Saved | null }
interface Conflict { owner: string; metric: TargetMetric; mine: number; current: number | null }

function PlanEditor({ data, canEditCommune, canEditTeams, reload }: {
  data: TargetPlanData;
  canEditCommune: boolean;
  canEditTeams: boolean;
  reload(): Promise<void>;
}) {
  const plan = data.communeTargetPlan;
  const client = useApolloClient();
  const [setTeamTarget] = useMutation(SetTeamTargetMutation);
  const [setCommuneTarget] = useMutation(SetCommuneTargetMutation);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [conflicts, setConflicts] = useState<Record<string, Conflict>>({});
  const [saving, setSaving] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const teams = useMemo(() => [...data.teams].sort(byName), [data.teams]);
  const communeCell = (metric: TargetMetric): CellRef => {
    const t = plan.allocations.find((a) => a.metric === metric)?.communeTarget;
    return { key: `xa:${metric}`, owner: `Chỉ tiêu của ${plan.commune.name}`, metric, teamId: null, current: t ?? null };
  };
  const teamCell = (team: { id: number; name: string }, metric: TargetMetric): CellRef => {
    const t = plan.teamTargets.find((x) => x.teamId === team.id && x.metric === metric);
    return { key: `to:${team.id}:${metric}`, owner: team.name, metric, teamId: team.id, current: t ?? null };
  };
  const editable = (cell: CellRef) => (cell.teamId === null ? canEditCommune : canEditTeams && !!teams.find((t) => t.id === cell.teamId)?.active);
  const shown = (cell: CellRef) => drafts[cell.key] ?? (cell.current ? String(cell.current.value) : '');
  const isDirty = (cell: CellRef) => drafts[cell.key] !== undefined && drafts[cell.key]!.trim() !== (cell.current ? String(cell.current.value) : '');
  /** What a cell adds up to, unsaved edits included (an unreadable entry counts as its saved value). */
  const effective = (cell: CellRef) => {
    const n = Number(shown(cell).trim());
    return shown(cell).trim() && Number.isFinite(n) ? n : cell.current?.value ?? 0;
  };

  const cells = [...METRICS.map(communeCell), ...teams.flatMap((t) => METRICS.map((m) => teamCell(t, m)))];
  const cellNames = Object.fromEntries(cells.map((c) => [c.key, `${c.owner} — ${metricLabel(c.metric)}`]));
  const dirty = cells.filter((c) => editable(c) && isDirty(c));
  const pending = dirty.length > 0;

  const shortfalls = METRICS.flatMap((metric) => {
    const own = communeCell(metric);
    const target = effective(own);
    const sum = teams.reduce((s, t) => s + effective(teamCell(t, metric)), 0);
    const anyDraft = isDirty(own) || teams.some((t) => isDirty(teamCell(t, metric)));
    return target > 0 && sum < target ? [{ metric, target, sum, missing: target - sum, anyDraft }] : [];
  });

  const feedbackRef = useRef<HTMLDivElement>(null);
  // Once React has drawn the refusal: focus it (screen readers read it) and bring it into view.
  const [feedbackAsked, setFeedbackAsked] = useState(0);
  const focusFeedback = () => setFeedbackAsked((n) => n + 1);
  useEffect(() => {
    if (!feedbackAsked) return;
    feedbackRef.current?.focus({ preventScroll: true });
    feedbackRef.current?.scrollIntoView({ block: 'nearest' });
  }, [feedbackAsked]);

  function edit(key: string, value: string) {
    setDrafts((d) => ({ ...d, [key]: value }));
    setProblems(({ [key]: _, ...rest }) => rest);
    setNotice(null);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const invalid: Record<string, string> = {};
    for (const cell of dirty) {
      const text = drafts[cell.key]!.trim();
      const n = Number(text);
      if (!text) invalid[cell.key] = 'Không xóa được chỉ tiêu đã giao: hãy nhập một số nguyên dương.';
      else if (!Number.isInteger(n) || n <= 0) invalid[cell.key] = 'Chỉ tiêu phải là số nguyên dương.';
      else if (n > MAX_TARGET) invalid[cell.key] = `Chỉ tiêu tối đa ${formatCount(MAX_TARGET)}.`;
    }
    if (Object.keys(invalid).length) {
      setProblems(invalid);
      setNotice(null);
      focusFeedback();
      return;
    }
    setSaving(true);
    setNotice(null);
    const nextProblems: Record<string, string> = {};
    const nextConflicts: Record<string, Conflict> = { ...conflicts };
    const savedKeys: string[] = [];
    for (const cell of dirty) {
      const value = Number(drafts[cell.key]!.trim());
      const common = { period: plan.period, metric: cell.metric, value, expectedVersion: cell.current?.version ?? null };
      try {
        if (cell.teamId === null) await setCommuneTarget({ variables: { input: { ...common, communeCode: plan.commune.code } } });
        else await setTeamTarget({ variables: { input: { ...common, teamId: cell.teamId } } });
        savedKeys.push(cell.key);
        delete nextConflicts[cell.key];
      } catch (error) {
        const e = apiErrorOf(error);
        if (e.code === 'CONFLICT') {
          const current = e.extensions.currentValue;
          nextConflicts[cell.key] = { owner: cell.owner, metric: cell.metric, mine: value, current: typeof current === 'number' ? current : null };
        } else {
          nextProblems[cell.key] = e.message;
        }
      }
    }
    if (savedKeys.length) {
      // Progress bars, at-risk lists and leaderboards elsewhere read the new targets on their next visit.
      for (const fieldName of TARGET_FIELDS) client.cache.evict({ id: 'ROOT_QUERY', fieldName });
      client.cache.gc();
      await reload().catch(() => undefined);
    }
    setDrafts((d) => {
      const next = { ...d };
      for (const key of savedKeys) delete next[key];
      return next;
    });
    setProblems(nextProblems);
    setConflicts(nextConflicts);
    setSaving(false);
    const failed = Object.keys(nextProblems).length + dirty.filter((c) => nextConflicts[c.key]).length;
    setNotice(savedKeys.length
      ? `Đã lưu ${formatCount(savedKeys.length)} chỉ tiêu${failed ? `; ${formatCount(failed)} chỉ tiêu chưa lưu được` : ''}.`
      : null);
    if (failed) focusFeedback();
  }

  async function reloadLatest() {
    setReloading(true);
    // The other person's figures replace what was typed in the cells that clashed.
    setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([key]) => !conflicts[key])));
    await reload().catch(() => undefined);
    setConflicts({});
    setReloading(false);
    setNotice('Đã tải lại số mới nhất.');
  }

  const conflictList = Object.entries(conflicts);
  const problemList = Object.entries(problems);
  const cellInput = (cell: CellRef, label: string) => {
    if (!editable(cell)) {
      return cell.current ? formatCount(cell.current.value) : '—';
    }
    const problem = problems[cell.key];
    return (
      <span className="target-cell">
        <input
          className={`input target-input ${isDirty(cell) ? 'dirty' : ''} ${conflicts[cell.key] ? 'clash' : ''}`}
          type="number" inputMode="numeric" min={1} max={MAX_TARGET} step={1}
          aria-label={`${label} — ${metricLabel(cell.metric)}`}
          aria-invalid={problem ? true : undefined}
          placeholder="—"
          value={shown(cell)}
          onChange={(e) => edit(cell.key, e.target.value)}
        />
        {problem ? <small className="cell-problem" role="alert">{problem}</small> : null}
      </span>
    );
  };

  const canEditAny = canEditCommune || (canEditTeams && teams.some((t) => t.active));

  return (
    <form className="panel form plan-form" onSubmit={save} noValidate data-testid="target-plan-editor">
      <div className="panel-head">
        <h2>Chỉ tiêu {periodLabel(plan.period)}</h2>
        <span className="muted">
          {canEditCommune ? 'Bạn giao chỉ tiêu của xã (dòng đầu).' : canEditTeams ? 'Bạn giao chỉ tiêu cho các tổ.' : 'Chỉ xem: tài khoản này không giao chỉ tiêu ở đây.'}
        </span>
      </div>

      {shortfalls.length ? (
        <div className="warning" role="status" data-testid="allocation-warning">
          {shortfalls.map((s) => (
            <p key={s.metric}>
              ⚠ {metricLabel(s.metric)}: tổng chỉ tiêu các tổ {formatCount(s.sum)} thấp hơn chỉ tiêu của xã {formatCount(s.target)}
              {' '}(thiếu {formatCount(s.missing)}){s.anyDraft ? ', tính cả số chưa lưu' : ''}.
            </p>
          ))}
        </div>
      ) : null}

      <div className="table-scroll" role="region" aria-label="Bảng giao chỉ tiêu" tabIndex={0}>
        <table className="plan-table plan-edit stack-on-phone">
          <thead>
            <tr>
              <th scope="col">Tổ</th>
              {METRICS.map((m) => <th key={m} scope="col" className="num">{metricLabel(m)}</th>)}
            </tr>
          </thead>
          <tbody>
            <tr className="commune-row" data-testid="commune-targets">
              <th scope="row">Chỉ tiêu của xã <small className="muted">(tỉnh giao)</small></th>
              {METRICS.map((m) => <td key={m} className="num" data-label={metricLabel(m)}>{cellInput(communeCell(m), `Chỉ tiêu của ${plan.commune.name}`)}</td>)}
            </tr>
            {teams.map((t) => (
              <tr key={t.id} data-team={t.id}>
                <th scope="row">
                  <Link to={`/to/${t.id}`}>{t.name}</Link>
                  {!t.active ? <span className="badge badge-muted">Ngừng hoạt động</span> : null}
                </th>
                {METRICS.map((m) => <td key={m} className="num" data-label={metricLabel(m)}>{cellInput(teamCell(t, m), t.name)}</td>)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Tổng các tổ</th>
              {METRICS.map((m) => {
                const short = shortfalls.find((s) => s.metric === m);
                return (
                  <td key={m} className={`num ${short ? 'short-cell' : ''}`} data-label={metricLabel(m)}>
                    <span>
                      {formatCount(teams.reduce((s, t) => s + effective(teamCell(t, m)), 0))}
                      {short ? <small> (thiếu {formatCount(short.missing)})</small> : null}
                    </span>
                  </td>
                );
              })}
            </tr>
          </tfoot>
        </table>
      </div>
      {teams.length === 0 ? <Empty>Xã chưa thành lập tổ công nghệ số cộng đồng nào, nên chưa giao được chỉ tiêu cho tổ.</Empty> : null}

      {/* Right above the button just pressed, and focused: a refusal is seen where the user is looking. */}
      <div className="save-feedback" ref={feedbackRef} tabIndex={-1} data-testid="target-save-feedback">
        {conflictList.length ? (
          <ConflictBox subject="Chỉ tiêu" testId="target-conflict" onReload={() => void reloadLatest()} reloading={reloading}>
            <ul>
              {conflictList.map(([key, c]) => (
                <li key={key}>
                  {c.owner} — {metricLabel(c.metric)}: hiện là <strong>{c.current !== null ? formatCount(c.current) : '—'}</strong>
                  {' '}(bạn nhập {formatCount(c.mine)}).
                </li>
              ))}
            </ul>
          </ConflictBox>
        ) : null}
        {problemList.length ? (
          <div className="form-error" role="alert">
            <p><strong>{formatCount(problemList.length)} chỉ tiêu chưa lưu được:</strong></p>
            <ul>{problemList.map(([key, text]) => <li key={key}>{cellNames[key] ?? key}: {text}</li>)}</ul>
          </div>
        ) : null}
        {notice ? <p className="form-ok" role="status">{notice}</p> : null}
      </div>
      {canEditAny ? (
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={!pending || saving}>
            {saving ? 'Đang lưu…' : pending ? `Lưu ${formatCount(dirty.length)} thay đổi` : 'Lưu thay đổi'}
          </button>
          {pending ? (
            <button type="button" className="button" disabled={saving} onClick={() => { setDrafts({}); setProblems({}); setNotice(null); }}>
              Hủy thay đổi
            </button>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
