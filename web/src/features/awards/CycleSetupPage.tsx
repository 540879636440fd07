/**
 * Đợt xét khen thưởng (province admin): the list of cycles with their settings and committee, and
 * the form that opens a cycle: title, year, nomination window, quotas, scoring rubric, committee and
 * its chair, quorum, approval rule and deciding level. The server checks every rule (closing before
 * 25 November, 10 days of posting, at least 3 members…) and its Vietnamese message shows in the form.
 */
import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { Empty, ErrorState, Loading } from '../../components/States';
import type { AdminCyclesQuery as AdminCyclesData } from '../../gql/graphql';
import { viCollator } from '../../lib/collate';
import { todayInVietnam } from '../../lib/dates';
import { formatCount, formatDate } from '../../lib/format';
import { AdminCyclesQuery, OpenAwardCycleMutation } from './documents';
import { APPROVAL_LABELS, LEVEL_LABELS, messageOf, RoleGate, sortCycles, TITLE_OPTIONS } from './shared';
import { PageTitle } from '../../components/PageTitle';

type Cycle = AdminCyclesData['awardCycles'][number];
type Criterion = { label: string; weight: string };

/** A starting rubric per title (the examples); the admin edits it freely. */
const PRESETS: Record<string, Criterion[]> = {
  GIA_DINH_SO_TIEU_BIEU: [
    { label: 'Kỹ năng số của các thành viên', weight: '3' }, { label: 'Sử dụng dịch vụ công trực tuyến', weight: '2' },
    { label: 'Thanh toán không dùng tiền mặt', weight: '2' }, { label: 'Lan tỏa phong trào', weight: '3' },
  ],
  GIA_DINH_HOC_TAP_SO: [
    { label: 'Học tập kỹ năng số của các thành viên', weight: '4' }, { label: 'Chia sẻ kiến thức với cộng đồng', weight: '3' },
    { label: 'Ứng dụng vào đời sống, sản xuất', weight: '3' },
  ],
  CONG_DAN_SO_DIEN_HINH: [
    { label: 'Kỹ năng số', weight: '2' }, { label: 'Giúp đỡ người dân', weight: '4' },
    { label: 'Sử dụng dịch vụ công, tài khoản số', weight: '2' }, { label: 'Lan tỏa phong trào', weight: '2' },
  ],
  TO_CDS_TIEU_BIEU: [
    { label: 'Hoàn thành chỉ tiêu được giao', weight: '4' }, { label: 'Số người dân được hỗ trợ', weight: '3' },
    { label: 'Cách làm hay, sáng tạo', weight: '3' },
  ],
};

/** The year a new cycle is most likely for: this year until August (a window, posting and decision still fit before 25 November), then the next. */
function nextCycleYear(): number {
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  return today.slice(5) < '09-01' ? year : year + 1;
}

function CycleCard({ cycle }: { cycle: Cycle }) {
  const chair = cycle.committee.find((m) => m.isChair);
  const members = [...cycle.committee].sort((a, b) => viCollator.compare(a.fullName, b.fullName));
  return (
    <li className="posting-item cycle-item" data-cycle={cycle.id}>
      <div className="posting-head">
        <strong>{cycle.name}</strong>
        <span className="badge">{cycle.certificateKind}</span>
      </div>
      <dl className="facts">
        <dt>Nhận hồ sơ</dt><dd>{formatDate(cycle.nominationOpensOn)}–{formatDate(cycle.nominationClosesOn)}</dd>
        <dt>Kết thúc đợt</dt><dd>{formatDate(cycle.closesOn)}</dd>
        <dt>Chỉ tiêu</dt><dd>{formatCount(cycle.quotaPerCommune)} mỗi xã · {formatCount(cycle.quotaTotal)} toàn tỉnh</dd>
        <dt>Thang điểm</dt><dd>{cycle.rubric.map((c) => `${c.label} (hệ số ${formatCount(c.weight)})`).join('; ') || '—'}</dd>
        <dt>Túc số, thông qua</dt>
        <dd>{formatCount(cycle.quorumNumerator)}/{formatCount(cycle.quorumDenominator)} số thành viên được bỏ phiếu; {APPROVAL_LABELS[cycle.approvalRule]?.toLowerCase()}</dd>
        <dt>Cấp quyết định</dt><dd>{LEVEL_LABELS[cycle.decidingLevel]}</dd>
        <dt>Hội đồng</dt>
        <dd>{formatCount(members.length)} thành viên{chair ? `, Chủ tịch: ${chair.fullName}` : ''}{members.length ? ` (${members.map((m) => m.fullName).join(', ')})` : ''}</dd>
      </dl>
    </li>
  );
}

function OpenCycleForm({ candidates, onOpened }: { candidates: AdminCyclesData['awardCommitteeCandidates']; onOpened: (name: string) => void }) {
  const id = useId();
  const [title, setTitle] = useState<string>(TITLE_OPTIONS[0].code);
  const [year, setYear] = useState(String(nextCycleYear()));
  const [name, setName] = useState('');
  const [opensOn, setOpensOn] = useState(`${nextCycleYear()}-03-01`);
  const [closesOn, setClosesOn] = useState(`${nextCycleYear()}-09-30`);
  const [endsOn, setEndsOn] = useState(`${nextCycleYear()}-11-20`);
  const [perCommune, setPerCommune] = useState('3');
  const [total, setTotal] = useState('60');
  const [rubric, setRubric] = useState<Criterion[]>(PRESETS[TITLE_OPTIONS[0].code]!);
  const [members, setMembers] = useState<Set<number>>(new Set());
  const [chairId, setChairId] = useState<number | null>(null);
  const [quorum, setQuorum] = useState({ n: '2', d: '3' });
  const [approvalRule, setApprovalRule] = useState('MAJORITY_OF_ALL');
  const [level, setLevel] = useState<string>(TITLE_OPTIONS[0].level);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, { loading }] = useMutation(OpenAwardCycleMutation);
  const sortedCandidates = useMemo(() => [...candidates].sort((a, b) => viCollator.compare(a.fullName, b.fullName)), [candidates]);

  const chooseTitle = (code: string) => {
    setTitle(code);
    setRubric(PRESETS[code] ?? []);
    setLevel(TITLE_OPTIONS.find((t) => t.code === code)!.level);
  };
  /** Moving the year moves the dates with it. */
  const chooseYear = (value: string) => {
    setYear(value);
    if (/^\d{4}$/.test(value)) {
      setOpensOn((d) => `${value}${d.slice(4)}`);
      setClosesOn((d) => `${value}${d.slice(4)}`);
      setEndsOn((d) => `${value}${d.slice(4)}`);
    }
  };
  const toggleMember = (userId: number, on: boolean) => {
    setMembers((s) => {
      const next = new Set(s);
      if (on) next.add(userId);
      else next.delete(userId);
      return next;
    });
    if (!on && chairId === userId) setChairId(null);
  };
  const number = (value: string) => Number(value.replace(',', '.'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (members.size < 3) return setProblem('Hãy chọn ít nhất 3 thành viên Hội đồng.');
    if (chairId === null || !members.has(chairId)) return setProblem('Hãy chọn Chủ tịch Hội đồng trong số thành viên đã chọn.');
    if (rubric.some((c) => !c.label.trim() || !(number(c.weight) > 0))) return setProblem('Mỗi tiêu chí chấm điểm cần tên và hệ số dương.');
    setProblem(null);
    try {
      const { data } = await open({ variables: { input: {
        title: title as never, year: Number(year), name: name.trim() || null,
        nominationOpensOn: opensOn, nominationClosesOn: closesOn, closesOn: endsOn,
        quotaPerCommune: Number(perCommune), quotaTotal: Number(total),
        rubric: rubric.map((c, i) => ({ code: `TC${i + 1}`, label: c.label.trim(), weight: number(c.weight) })),
        memberIds: [...members], chairId, approvalRule: approvalRule as never,
        quorumNumerator: Number(quorum.n), quorumDenominator: Number(quorum.d), decidingLevel: level as never,
      } } });
      onOpened(data?.openAwardCycle.name ?? '');
    } catch (error) {
      setProblem(messageOf(error, 'Chưa mở được đợt xét'));
    }
  };

  return (
    <form className="form panel" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="open-cycle">
      <h2 id={`${id}-title`}>Mở đợt xét mới</h2>
      <div className="form-grid">
        <label className="field">
          <span>Danh hiệu</span>
          <select value={title} onChange={(e) => chooseTitle(e.target.value)}>
            {TITLE_OPTIONS.map((t) => <option key={t.code} value={t.code}>{t.label}</option>)}
          </select>
        </label>
        <label className="field">
          <span>Năm</span>
          <input inputMode="numeric" value={year} onChange={(e) => chooseYear(e.target.value.trim())} />
        </label>
        <label className="field field-wide">
          <span>Tên đợt <small>(bỏ trống: “{TITLE_OPTIONS.find((t) => t.code === title)!.label} năm {year}”)</small></span>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>Mở nhận hồ sơ</span>
          <input type="date" value={opensOn} onChange={(e) => setOpensOn(e.target.value)} />
        </label>
        <label className="field">
          <span>Đóng nhận hồ sơ</span>
          <input type="date" value={closesOn} onChange={(e) => setClosesOn(e.target.value)} />
        </label>
        <label className="field">
          <span>Kết thúc đợt <small>(trước 25/11)</small></span>
          <input type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
        </label>
        <label className="field">
          <span>Chỉ tiêu mỗi xã</span>
          <input inputMode="numeric" value={perCommune} onChange={(e) => setPerCommune(e.target.value)} />
        </label>
        <label className="field">
          <span>Chỉ tiêu toàn tỉnh</span>
          <input inputMode="numeric" value={total} onChange={(e) => setTotal(e.target.value)} />
        </label>
      </div>

      <fieldset className="review-fields">
        <legend>Thang điểm (mỗi tiêu chí chấm 0–10, nhân hệ số)</legend>
        <div className="score-grid">
          {rubric.map((c, i) => (
            <div key={i} className="rubric-row">
              <label className="field">
                <span className="sr-only">Tiêu chí {i + 1}</span>
                <input aria-label={`Tiêu chí ${i + 1}`} value={c.label}
                  onChange={(e) => setRubric((r) => r.map((x, k) => (k === i ? { ...x, label: e.target.value } : x)))} />
              </label>
              <label className="field rubric-weight">
                <span className="sr-only">Hệ số tiêu chí {i + 1}</span>
                <input aria-label={`Hệ số tiêu chí ${i + 1}`} inputMode="decimal" placeholder="Hệ số" value={c.weight}
                  onChange={(e) => setRubric((r) => r.map((x, k) => (k === i ? { ...x, weight: e.target.value } : x)))} />
              </label>
              <button type="button" className="button button-quiet" aria-label={`Bỏ tiêu chí ${i + 1}`}
                onClick={() => setRubric((r) => r.filter((_, k) => k !== i))} disabled={rubric.length === 1}>Bỏ</button>
            </div>
          ))}
        </div>
        <button type="button" className="link-button" onClick={() => setRubric((r) => [...r, { label: '', weight: '1' }])}>+ Thêm tiêu chí</button>
      </fieldset>

      <fieldset className="review-fields">
        <legend>Hội đồng (ít nhất 3 thành viên) và Chủ tịch Hội đồng</legend>
        {sortedCandidates.length === 0 ? <p className="note">Chưa có tài khoản nào có vai trò Thành viên Hội đồng.</p> : (
          <ul className="member-list">
            {sortedCandidates.map((u) => (
              <li key={u.id}>
                <label className="check-option">
                  <input type="checkbox" checked={members.has(u.id)} onChange={(e) => toggleMember(u.id, e.target.checked)} />
                  {u.fullName} <small className="muted">({u.username})</small>
                </label>
                <label className="check-option">
                  <input type="radio" name={`${id}-chair`} checked={chairId === u.id} disabled={!members.has(u.id)}
                    onChange={() => setChairId(u.id)} aria-label={`${u.fullName} làm Chủ tịch Hội đồng`} />
                  Chủ tịch
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>

      <div className="form-grid">
        <label className="field">
          <span>Túc số: tử số</span>
          <input inputMode="numeric" value={quorum.n} onChange={(e) => setQuorum((q) => ({ ...q, n: e.target.value }))} />
        </label>
        <label className="field">
          <span>Túc số: mẫu số</span>
          <input inputMode="numeric" value={quorum.d} onChange={(e) => setQuorum((q) => ({ ...q, d: e.target.value }))} />
        </label>
        <label className="field">
          <span>Điều kiện thông qua</span>
          <select value={approvalRule} onChange={(e) => setApprovalRule(e.target.value)}>
            {Object.entries(APPROVAL_LABELS).map(([code, label]) => <option key={code} value={code}>{label}</option>)}
          </select>
        </label>
        <label className="field">
          <span>Cấp quyết định</span>
          <select value={level} onChange={(e) => setLevel(e.target.value)}>
            {Object.entries(LEVEL_LABELS).map(([code, label]) => <option key={code} value={code}>{label}</option>)}
          </select>
        </label>
      </div>
      {problem ? <p className="form-error" role="alert">{problem}</p> : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={loading}>{loading ? 'Đang mở…' : 'Mở đợt xét'}</button>
      </div>
    </form>
  );
}

function CycleSetup() {
  const { data, loading, error, refetch } = useQuery(AdminCyclesQuery, { fetchPolicy: 'cache-and-network' });
  const [opened, setOpened] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const cycles = useMemo(() => sortCycles(data?.awardCycles ?? []), [data]);
  const years = [...new Set(cycles.map((c) => c.year))];
  return (
    <>
      <div className="page-head">
        <div>
          <PageTitle>Đợt xét khen thưởng</PageTitle>
          <h1>Đợt xét khen thưởng</h1>
          <p className="lead">Mở đợt xét theo danh hiệu và năm: thời hạn nhận hồ sơ, chỉ tiêu, thang điểm, Hội đồng và cách biểu quyết.</p>
        </div>
      </div>
      {opened !== null ? <p className="thanks" role="status">Đã mở đợt xét «{opened}».</p> : null}
      {loading && !data ? <Loading what="các đợt xét" /> : null}
      {error && !data ? <ErrorState what="các đợt xét" error={error} onRetry={() => void refetch()} /> : null}
      {data ? (
        <>
          {cycles.length === 0 ? <Empty>Chưa có đợt xét nào.</Empty> : years.map((y) => (
            <section key={y} className="panel" aria-labelledby={`nam-${y}`}>
              <h2 id={`nam-${y}`}>Năm {y}</h2>
              <ul className="posting-list" data-testid="cycle-list">
                {cycles.filter((c) => c.year === y).map((c) => <CycleCard key={c.id} cycle={c} />)}
              </ul>
            </section>
          ))}
          <OpenCycleForm key={formKey} candidates={data.awardCommitteeCandidates} onOpened={(name) => {
            setOpened(name);
            setFormKey((k) => k + 1);
            void refetch();
          }} />
        </>
      ) : null}
    </>
  );
}

export function CycleSetupPage() {
  return <RoleGate roles={['PROVINCE_ADMIN']} forWhom="Quản trị tỉnh (Sở Khoa học và Công nghệ)">{() => <CycleSetup />}</RoleGate>;
}
