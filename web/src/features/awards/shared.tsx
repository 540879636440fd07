/** Pieces the signed-in awards pages share: role guard, eligibility checks with evidence, cycle picker, decision form. */
import { useMutation } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Empty, ErrorState, Loading } from '../../components/States';
import { viCollator } from '../../lib/collate';
import { todayInVietnam } from '../../lib/dates';
import { formatCount, formatDate } from '../../lib/format';
import { type SessionUser, useMe } from '../access/session';
import { RecordAwardDecisionMutation } from './documents';

export const TITLE_OPTIONS = [
  { code: 'GIA_DINH_SO_TIEU_BIEU', label: 'Gia đình số tiêu biểu', level: 'COMMUNE_CHAIR' },
  { code: 'GIA_DINH_HOC_TAP_SO', label: 'Gia đình học tập số', level: 'COMMUNE_CHAIR' },
  { code: 'CONG_DAN_SO_DIEN_HINH', label: 'Công dân số điển hình', level: 'PROVINCIAL_COUNCIL' },
  { code: 'TO_CDS_TIEU_BIEU', label: 'Tổ công nghệ số cộng đồng tiêu biểu', level: 'PROVINCIAL_COUNCIL' },
] as const;

export const APPROVAL_LABELS: Record<string, string> = {
  MAJORITY_OF_ALL: 'Quá bán tổng số thành viên được bỏ phiếu',
  NINETY_PERCENT_OF_ALL: 'Ít nhất 90% tổng số thành viên được bỏ phiếu',
};

export const LEVEL_LABELS: Record<string, string> = {
  COMMUNE_CHAIR: 'Chủ tịch UBND xã quyết định (Giấy khen)',
  PROVINCIAL_COUNCIL: 'Hội đồng tỉnh xét, UBND tỉnh quyết định (Bằng khen)',
};

/** The server's message (Vietnamese, for end users), or what to do when there was no answer. */
export function messageOf(error: unknown, what = 'Chưa lưu được'): string {
  if (CombinedGraphQLErrors.is(error) && error.errors[0]?.message) return error.errors[0].message;
  return `${what}: máy chủ chưa trả lời. Hãy kiểm tra kết nối mạng rồi thử lại.`;
}

/**
 * Renders the page for the signed-in user with one of `roles`; sends others to sign in, and tells a
 * signed-in user with another role whom the page is for.
 */
export function RoleGate({ roles, forWhom, children }: { roles: string[]; forWhom: string; children: (me: SessionUser) => ReactNode }) {
  const { me, loading } = useMe();
  const { pathname, search } = useLocation();
  if (loading) return <Loading what="tài khoản" />;
  if (!me) return <Navigate to={`/dang-nhap?tiep=${encodeURIComponent(pathname + search)}`} replace />;
  if (!roles.includes(me.role)) return <Empty>Trang này dành cho {forWhom}. Tài khoản của bạn không có quyền dùng trang này.</Empty>;
  return <>{children(me)}</>;
}

const STATUS_LABEL: Record<string, string> = {
  PASSED: 'Đạt', FAILED: 'Không đạt', NO_DATA: 'Chưa có dữ liệu', NOT_APPLICABLE: 'Không áp dụng',
};

interface Check { rule: string; label: string; status: string; reason: string }

/** The title's checks, each with its verdict and reason (the reason carries the dates and figures). */
export function EligibilityList({ checks }: { checks: readonly Check[] }) {
  return (
    <ul className="checks">
      {checks.map((c) => (
        <li key={c.rule} className={`check check-${c.status.toLowerCase()}`}>
          <strong>{STATUS_LABEL[c.status] ?? c.status}</strong> — {c.label}: {c.reason}
        </li>
      ))}
    </ul>
  );
}

export interface CycleOption {
  id: number;
  name: string;
  year: number;
  nominationOpensOn?: string;
  nominationClosesOn?: string;
}

/** Newest year first, then by name; the default is a cycle open for nominations today, else the newest. */
export function sortCycles<T extends CycleOption>(cycles: readonly T[]): T[] {
  return [...cycles].sort((a, b) => b.year - a.year || viCollator.compare(a.name, b.name));
}

export function defaultCycle<T extends CycleOption>(sorted: readonly T[], asked: number): T | undefined {
  const today = todayInVietnam();
  return sorted.find((c) => c.id === asked)
    ?? sorted.find((c) => c.nominationOpensOn && c.nominationClosesOn && c.nominationOpensOn <= today && today <= c.nominationClosesOn)
    ?? sorted[0];
}

/** The loading and error states of the award cycles a page picks from (its own empty message stays with it). */
export function CyclesQueryState({ cycles }: {
  cycles: { loading: boolean; data?: unknown; error?: { message: string }; refetch: () => Promise<unknown> };
}) {
  if (cycles.loading && !cycles.data) return <Loading what="các đợt xét" />;
  return cycles.error ? <ErrorState what="các đợt xét" error={cycles.error} onRetry={() => void cycles.refetch()} /> : null;
}

export function CyclePicker<T extends CycleOption>({ cycles, value, onChange }: { cycles: readonly T[]; value: T | undefined; onChange: (id: number) => void }) {
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>Đợt xét</label>
      <select id={id} value={value?.id ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
        {cycles.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
      </select>
    </div>
  );
}

interface Posted { id: number; nomineeName: string; postingEndsOn?: string | null }

/**
 * Records the decision (số quyết định, ngày, người ký) on the posted nominations: those ticked are
 * not awarded (e.g. after citizens' comments), the others get their certificate.
 */
export function DecisionForm({ cycleId, communeCode, posted, onDone }: {
  cycleId: number; communeCode?: string; posted: readonly Posted[]; onDone: (codes: string[]) => void;
}) {
  const id = useId();
  const [number, setNumber] = useState('');
  const [decidedOn, setDecidedOn] = useState(todayInVietnam());
  const [signer, setSigner] = useState('');
  const [rejected, setRejected] = useState<Set<number>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const [record, { loading }] = useMutation(RecordAwardDecisionMutation);
  const lastPosting = posted.map((n) => n.postingEndsOn ?? '').sort().at(-1);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!number.trim() || !signer.trim()) return setProblem('Cần nhập số quyết định và người ký.');
    const awarded = posted.length - rejected.size;
    if (!window.confirm(`Ghi nhận quyết định ${number.trim()}: khen thưởng ${formatCount(awarded)} hồ sơ, không khen thưởng ${formatCount(rejected.size)}? Không sửa được sau khi ghi.`)) return;
    setProblem(null);
    try {
      const { data } = await record({ variables: { input: { cycleId, communeCode: communeCode ?? null, number: number.trim(), decidedOn,
        signer: signer.trim(), rejectIds: [...rejected] } } });
      onDone(data?.recordAwardDecision.certificateCodes ?? []);
    } catch (error) {
      setProblem(messageOf(error, 'Chưa ghi được quyết định'));
    }
  };

  return (
    <form className="form panel" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Ghi nhận quyết định khen thưởng</h2>
      <p className="note">
        {formatCount(posted.length)} hồ sơ đã niêm yết công khai
        {lastPosting ? `, hết hạn niêm yết ngày ${formatDate(lastPosting)}` : ''}. Quyết định ban hành sau khi hết thời gian niêm yết.
      </p>
      <div className="form-grid">
        <label className="field">
          <span>Số quyết định</span>
          <input value={number} onChange={(e) => setNumber(e.target.value)} placeholder="ví dụ 2890/QĐ-UBND" />
        </label>
        <label className="field">
          <span>Ngày ký</span>
          <input type="date" value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} />
        </label>
        <label className="field">
          <span>Người ký</span>
          <input value={signer} onChange={(e) => setSigner(e.target.value)} placeholder="Họ và tên" autoComplete="off" />
        </label>
      </div>
      <fieldset className="review-fields decision-rejects">
        <legend>Không khen thưởng (đánh dấu nếu có)</legend>
        {posted.map((n) => (
          <label key={n.id} className="check-option">
            <input type="checkbox" checked={rejected.has(n.id)} onChange={(e) => setRejected((s) => {
              const next = new Set(s);
              if (e.target.checked) next.add(n.id);
              else next.delete(n.id);
              return next;
            })} />
            {n.nomineeName}
          </label>
        ))}
      </fieldset>
      {problem ? <p className="form-error" role="alert">{problem}</p> : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={loading}>{loading ? 'Đang ghi…' : 'Ghi nhận quyết định'}</button>
      </div>
    </form>
  );
}
