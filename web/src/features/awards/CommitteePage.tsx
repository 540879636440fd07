/**
 * Hội đồng xét khen thưởng: the cycle's nominations under review with their eligibility evidence,
 * a scoring sheet per nomination (rubric 0–10, vote, draft or submit) and the conflict-of-interest
 * declaration. A submitted sheet is locked (the server refuses any change; the form says so), and
 * comes back locked with its scores and vote after a reload (Nomination.myReview). Earlier years'
 * cycles are chosen with the year (`?nam=`); once a cycle is over its sheets are read-only.
 * Needs a signed-in COMMITTEE_MEMBER (the session cookie goes with same-origin requests).
 */
import { useMutation, useQuery } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Empty, ErrorState, Loading } from '../../components/States';
import type { CommitteeNominationsQuery as NominationsData } from '../../gql/graphql';
import { viCollator } from '../../lib/collate';
import { todayInVietnam } from '../../lib/dates';
import { formatCount, formatDate } from '../../lib/format';
import { CommitteeCyclesQuery, CommitteeNominationsQuery, DeclareConflictMutation, SubmitAwardReviewMutation } from './documents';
import { CyclesQueryState } from './shared';
import { PageTitle } from '../../components/PageTitle';

type NominationRow = NominationsData['nominations'][number];
type Rubric = { code: string; label: string; weight: number }[];

const LOCKED = 'đã nộp và đã khóa';
const STATUS_LABEL: Record<string, string> = { PASSED: 'Đạt', FAILED: 'Không đạt', NO_DATA: 'Chưa có dữ liệu', NOT_APPLICABLE: 'Không áp dụng' };

function messageOf(error: unknown): string {
  if (CombinedGraphQLErrors.is(error) && error.errors[0]?.message) return error.errors[0].message;
  return 'Máy chủ chưa trả lời; phiếu chưa được lưu. Hãy kiểm tra kết nối rồi thử lại.';
}

/** The evidence's figures in words (keys the server writes in server/modules/awards/eligibility.ts). */
const EVIDENCE_LABELS: Record<string, string> = {
  startsOn: 'là Gia đình số từ', endsOn: 'đến', windowFrom: 'xét từ', windowTo: 'đến', asOf: 'tính đến', passedOn: 'ngày đạt',
  team: 'tổ', ambassador: 'Đại sứ số', records: 'số lần hỗ trợ', quantity: 'lượt hỗ trợ', firstOn: 'lần đầu', lastOn: 'lần gần nhất',
  residentsPassed: 'thành viên đạt', residentsTotal: 'tổng thành viên', met: 'chỉ tiêu đạt', total: 'tổng chỉ tiêu',
};

function evidenceValue(value: unknown): string {
  if (typeof value === 'number') return formatCount(value);
  if (typeof value === 'boolean') return value ? 'có' : 'không';
  const text = String(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? formatDate(text) : text;
}

/** "(tổ: Tổ CNSCĐ Xóm Pác Bó · số lần hỗ trợ: 5 · lần gần nhất: 03/10/2026)": Vietnamese labels, vi-VN numbers and dates. */
export function evidenceText(json: string): string {
  try {
    const value = JSON.parse(json) as Record<string, unknown>;
    // Lists (targets per metric) are spelled out in the reason; show the plain figures and dates here.
    return Object.entries(value).filter(([k, v]) => v !== null && v !== '' && typeof v !== 'object' && EVIDENCE_LABELS[k])
      .map(([k, v]) => `${EVIDENCE_LABELS[k]}: ${evidenceValue(v)}`).join(' · ');
  } catch {
    return '';
  }
}

/** Years from the first cycle's year to this year, newest first. */
function yearsFrom(first: number, current: number): number[] {
  const years: number[] = [];
  for (let y = current; y >= Math.min(first, current); y--) years.push(y);
  return years;
}

/** `closedOn`: the day the cycle ended, when it is over (the sheet on file is shown, nothing can be changed). */
function ReviewSheet({ nomination, rubric, closedOn }: { nomination: NominationRow; rubric: Rubric; closedOn: string | null }) {
  const id = useId();
  // The sheet on file (after a reload): a draft comes back editable, a submitted sheet or a recusal locked.
  const mine = nomination.myReview;
  const [scores, setScores] = useState<Record<string, string>>(() => Object.fromEntries((mine?.scores ?? [])
    .map((s) => [s.code, s.score.toLocaleString('vi-VN', { maximumFractionDigits: 2 })])));
  const [vote, setVote] = useState<'FOR' | 'AGAINST' | null>(mine?.vote ?? null);
  const [conflict, setConflict] = useState(false);
  const [note, setNote] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'saved' | 'locked' | 'recused' | 'closed' | 'error'; text?: string }>(() => {
    if (closedOn) {
      const sheet = mine?.recused || mine?.autoRecused ? ' Bạn không chấm hồ sơ này (xung đột lợi ích).'
        : mine?.submitted ? ' Phiếu của bạn đã nộp.' : mine && (mine.scores.length || mine.vote) ? ' Phiếu nháp của bạn chưa nộp.' : '';
      return { kind: 'closed', text: `Đợt xét đã kết thúc ngày ${formatDate(closedOn)}: phiếu chỉ để xem, không chấm, bỏ phiếu hay khai báo được nữa.${sheet}` };
    }
    if (mine?.autoRecused) return { kind: 'recused', text: 'Bạn công tác tại xã của người được đề nghị nên tự động được đánh dấu xung đột lợi ích: không chấm và bỏ phiếu hồ sơ này.' };
    if (mine?.recused) return { kind: 'recused', text: `Bạn đã khai báo xung đột lợi ích${mine.conflictNote ? ` (${mine.conflictNote})` : ''}: không chấm và bỏ phiếu hồ sơ này.` };
    if (mine?.submitted) return { kind: 'locked', text: 'Phiếu của bạn đã nộp và đã khóa.' };
    if (mine && (mine.scores.length || mine.vote)) return { kind: 'saved', text: 'Phiếu nháp đã lưu: chưa nộp.' };
    return { kind: 'idle' };
  });
  const [submitReview, review] = useMutation(SubmitAwardReviewMutation);
  const [declare, declaring] = useMutation(DeclareConflictMutation);
  const busy = review.loading || declaring.loading;
  const locked = state.kind === 'locked' || state.kind === 'recused' || state.kind === 'closed';

  const parsed = rubric.map((c) => ({ ...c, value: scores[c.code]?.trim() ? Number(scores[c.code]!.replace(',', '.')) : null }));
  const invalid = parsed.filter((c) => c.value !== null && (!Number.isFinite(c.value) || c.value < 0 || c.value > 10));
  const totalWeight = rubric.reduce((s, c) => s + c.weight, 0);
  const weighted = parsed.every((c) => c.value !== null && !invalid.includes(c)) && totalWeight > 0
    ? parsed.reduce((s, c) => s + c.value! * c.weight, 0) / totalWeight : null;

  const fail = (error: unknown) => {
    const text = messageOf(error);
    if (text.includes(LOCKED)) {
      // The sheet on file is the one submitted earlier: do not leave this attempt on screen as if it counted.
      setScores({});
      setVote(null);
      setState({ kind: 'locked', text });
    } else setState({ kind: 'error', text });
  };

  const send = async (submit: boolean) => {
    if (invalid.length) return setState({ kind: 'error', text: `Điểm từ 0 đến 10: kiểm tra ${invalid.map((c) => c.label).join(', ')}.` });
    if (!vote) return setState({ kind: 'error', text: 'Hãy chọn Đồng ý hoặc Không đồng ý khen thưởng.' });
    if (submit && parsed.some((c) => c.value === null)) return setState({ kind: 'error', text: 'Cần chấm đủ các tiêu chí trước khi nộp phiếu.' });
    if (submit && !window.confirm('Nộp phiếu? Sau khi nộp, phiếu bị khóa và không sửa được.')) return;
    try {
      await submitReview({ variables: { input: {
        nominationId: nomination.id, vote, submit,
        scores: parsed.filter((c) => c.value !== null).map((c) => ({ code: c.code, score: c.value! })),
      } } });
      setState(submit ? { kind: 'locked', text: 'Đã nộp phiếu. Phiếu đã khóa.' } : { kind: 'saved', text: 'Đã lưu nháp.' });
    } catch (error) {
      fail(error);
    }
  };

  const recuse = async (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) return setState({ kind: 'error', text: 'Cần nêu lý do xung đột lợi ích.' });
    if (!window.confirm('Khai báo xung đột lợi ích? Bạn sẽ không chấm và bỏ phiếu hồ sơ này.')) return;
    try {
      await declare({ variables: { nominationId: nomination.id, note } });
      setState({ kind: 'recused', text: 'Đã khai báo xung đột lợi ích: bạn không chấm và bỏ phiếu hồ sơ này.' });
    } catch (error) {
      fail(error);
    }
  };

  return (
    <div className="review-sheet">
      <fieldset disabled={locked || busy} className="review-fields">
        <legend>Phiếu chấm của bạn</legend>
        <div className="score-grid">
          {rubric.map((c) => (
            <label key={c.code} className="score-row">
              <span>{c.label} <small className="note">(hệ số {formatCount(c.weight)})</small></span>
              <input className="input score-input" inputMode="decimal" value={scores[c.code] ?? ''} placeholder="0–10"
                aria-invalid={invalid.some((x) => x.code === c.code) || undefined}
                onChange={(e) => setScores((s) => ({ ...s, [c.code]: e.target.value }))} />
            </label>
          ))}
        </div>
        <p className="note">Điểm bình quân có trọng số: <strong>{weighted === null ? '—' : weighted.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}</strong></p>
        <div className="segmented-options" role="radiogroup" aria-label="Biểu quyết">
          {(['FOR', 'AGAINST'] as const).map((v) => (
            <label key={v} className="vote-option">
              <input type="radio" name={`${id}-vote`} checked={vote === v} onChange={() => setVote(v)} />
              {v === 'FOR' ? 'Đồng ý khen thưởng' : 'Không đồng ý'}
            </label>
          ))}
        </div>
        <div className="review-actions">
          <button type="button" className="button" onClick={() => void send(false)}>Lưu nháp</button>
          <button type="button" className="button button-primary" onClick={() => void send(true)}>Nộp phiếu (khóa)</button>
        </div>
      </fieldset>
      {!locked ? (
        <details className="conflict" open={conflict} onToggle={(e) => setConflict((e.target as HTMLDetailsElement).open)}>
          <summary>Khai báo xung đột lợi ích</summary>
          <form onSubmit={recuse} className="comment-form">
            <label htmlFor={`${id}-note`}>Lý do (ví dụ: người thân, cùng cơ quan)</label>
            <textarea id={`${id}-note`} rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
            <div><button type="submit" className="button" disabled={busy}>Khai báo và không chấm hồ sơ này</button></div>
          </form>
        </details>
      ) : null}
      {state.text ? (
        <p className={state.kind === 'error' ? 'form-error' : 'thanks'} role={state.kind === 'error' ? 'alert' : 'status'}>
          {state.text}
        </p>
      ) : null}
    </div>
  );
}

function NominationCard({ nomination, rubric, closedOn }: { nomination: NominationRow; rubric: Rubric; closedOn: string | null }) {
  return (
    <article className="panel nomination" data-nomination={nomination.id}>
      <header className="panel-head">
        <h3>{nomination.nomineeName}</h3>
        <span className="badge">{nomination.stateLabel}</span>
      </header>
      <p>{nomination.justification}</p>
      <h4>Điều kiện (kiểm tra từ dữ liệu theo dõi{nomination.eligibilityCheckedOn ? ` ngày ${formatDate(nomination.eligibilityCheckedOn)}` : ''})</h4>
      {nomination.eligibility?.length ? (
        <ul className="checks">
          {nomination.eligibility.map((c) => (
            <li key={c.rule} className={`check check-${c.status.toLowerCase()}`}>
              <strong>{STATUS_LABEL[c.status] ?? c.status}</strong> — {c.label}: {c.reason}
              {evidenceText(c.evidence) ? <small className="note"> ({evidenceText(c.evidence)})</small> : null}
            </li>
          ))}
        </ul>
      ) : <p className="note">Chưa kiểm tra điều kiện.</p>}
      <h4>Minh chứng ({formatCount(nomination.evidence.length)})</h4>
      {nomination.evidence.length ? (
        <ul className="evidence">
          {nomination.evidence.map((e) => (
            <li key={e.id}>
              {e.url ? <a href={e.url} target="_blank" rel="noreferrer">Ảnh minh chứng{e.byteSize ? ` (${formatCount(Math.ceil(e.byteSize / 1024))} KB)` : ''}</a> : null}
              {e.note ? <span> {e.note}</span> : null}
            </li>
          ))}
        </ul>
      ) : <p className="note">Không có minh chứng kèm theo.</p>}
      {nomination.comments.length ? (
        <>
          <h4>Ý kiến người dân ({formatCount(nomination.comments.length)})</h4>
          <ul className="comments">{nomination.comments.map((c) => <li key={c.id}>{c.body}</li>)}</ul>
        </>
      ) : null}
      {nomination.state === 'under_review' ? <ReviewSheet nomination={nomination} rubric={rubric} closedOn={closedOn} /> : null}
    </article>
  );
}

export function CommitteePage() {
  const [params, setParams] = useSearchParams();
  const ids = { year: useId(), cycle: useId() };
  const today = todayInVietnam();
  const currentYear = Number(today.slice(0, 4));
  // Every cycle (a few a year): the years come from the first one; the chosen year's are listed.
  const cycles = useQuery(CommitteeCyclesQuery);
  const all = cycles.data?.awardCycles ?? [];
  const years = yearsFrom(all.reduce((first, c) => Math.min(first, c.year), currentYear), currentYear);
  const askedYear = Number(params.get('nam'));
  const year = years.includes(askedYear) ? askedYear : currentYear;
  const list = useMemo(() => (cycles.data?.awardCycles ?? []).filter((c) => c.year === year)
    .sort((a, b) => viCollator.compare(a.name, b.name)), [cycles.data, year]);
  const asked = Number(params.get('dot'));
  const cycle = list.find((c) => c.id === asked) ?? list[0];
  const closedOn = cycle && cycle.closesOn < today ? cycle.closesOn : null;
  const choose = (next: { nam?: number; dot?: string }) => {
    const search = new URLSearchParams();
    const y = next.nam ?? year;
    if (y !== currentYear) search.set('nam', String(y));
    if (next.dot) search.set('dot', next.dot);
    setParams(search, { replace: true });
  };
  const nominations = useQuery(CommitteeNominationsQuery, { variables: { cycleId: cycle?.id ?? 0 }, skip: !cycle });
  const rows = useMemo(() => [...(nominations.data?.nominations ?? [])]
    .filter((n) => ['under_review', 'posted', 'approved', 'rejected'].includes(n.state))
    .sort((a, b) => Number(b.state === 'under_review') - Number(a.state === 'under_review') || viCollator.compare(a.nomineeName, b.nomineeName)),
  [nominations.data]);

  return (
    <>
      <div className="page-head">
        <div>
          <PageTitle>Hội đồng xét khen thưởng</PageTitle>
          <h1>Hội đồng xét khen thưởng</h1>
          <p className="lead">Xem điều kiện và minh chứng, chấm điểm theo tiêu chí, biểu quyết. Phiếu đã nộp bị khóa; phiếu là bí mật.</p>
        </div>
        {cycles.data ? (
          <div className="controls">
            <div className="control">
              <label htmlFor={ids.year}>Năm</label>
              <select id={ids.year} value={year} onChange={(e) => choose({ nam: Number(e.target.value) })}>
                {years.map((y) => <option key={y} value={y}>{y}</option>)}
              </select>
            </div>
            {list.length ? (
              <div className="control">
                <label htmlFor={ids.cycle}>Đợt xét</label>
                <select id={ids.cycle} value={cycle?.id} onChange={(e) => choose({ dot: e.target.value })}>
                  {list.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                </select>
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
      <CyclesQueryState cycles={cycles} />
      {cycles.data && !list.length ? <Empty>{year === currentYear ? 'Năm nay' : `Năm ${year}`} chưa có đợt xét khen thưởng nào.</Empty> : null}
      {nominations.loading && !nominations.data ? <Loading what="hồ sơ của đợt xét" /> : null}
      {nominations.error ? (
        <ErrorState what="hồ sơ của đợt xét" error={{ message: `${messageOf(nominations.error)} Trang này dành cho thành viên Hội đồng đã đăng nhập.` }}
          onRetry={() => void nominations.refetch()} />
      ) : null}
      {nominations.data && !rows.length ? <Empty>Đợt này chưa có hồ sơ nào được đưa ra Hội đồng xét.</Empty> : null}
      {cycle && closedOn ? <p className="note" data-testid="cycle-closed">Đợt xét đã kết thúc ngày {formatDate(closedOn)}: chỉ xem hồ sơ và kết quả.</p> : null}
      {cycle ? rows.map((n) => <NominationCard key={`${cycle.id}-${n.id}`} nomination={n} rubric={cycle.rubric} closedOn={closedOn} />) : null}
    </>
  );
}
