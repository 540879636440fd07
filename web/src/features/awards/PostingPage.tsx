/** Niêm yết công khai: nominations on their 10-day public posting (names masked) and citizens' anonymous comments. */
import { useMutation, useQuery } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { Empty, ErrorState, Loading } from '../../components/States';
import { viCollator } from '../../lib/collate';
import { todayInVietnam } from '../../lib/dates';
import { formatCount, formatDate } from '../../lib/format';
import { AwardCyclesQuery, CommentOnNominationMutation, PostedNominationsQuery } from './documents';
import { PageTitle } from '../../components/PageTitle';

/** The server's limits (server/modules/awards/posting.ts), checked here first so the citizen is told before sending. */
export const MIN_COMMENT = 5;
export const MAX_COMMENT = 1000;

/** Whole days from today to the end of the posting, counting the last day. */
function daysLeft(endsOn: string, today: string): number {
  const ms = Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000) + 1;
}

function errorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error) && error.errors[0]?.message) return error.errors[0].message;
  return 'Chưa gửi được ý kiến: máy chủ chưa trả lời. Hãy kiểm tra kết nối mạng rồi thử lại.';
}

function CommentForm({ nominationId, name }: { nominationId: number; name: string }) {
  const id = useId();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [send, { loading }] = useMutation(CommentOnNominationMutation);
  const length = body.normalize('NFC').trim().length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (length < MIN_COMMENT) return setProblem(`Ý kiến cần ít nhất ${MIN_COMMENT} ký tự.`);
    if (length > MAX_COMMENT) return setProblem(`Ý kiến tối đa ${formatCount(MAX_COMMENT)} ký tự.`);
    setProblem(null);
    try {
      await send({ variables: { nominationId, body } });
      setBody('');
      setSent(true);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  if (sent) {
    return (
      <div className="thanks" role="status">
        Cảm ơn bạn đã góp ý. Ý kiến đã được chuyển tới Hội đồng Thi đua – Khen thưởng.{' '}
        <button type="button" className="link-button" onClick={() => setSent(false)}>Gửi thêm ý kiến</button>
      </div>
    );
  }
  return (
    <form className="comment-form" onSubmit={submit} noValidate>
      <label htmlFor={id}>Ý kiến của bạn về hồ sơ {name} (không ghi tên người gửi)</label>
      <textarea id={id} value={body} rows={3} maxLength={MAX_COMMENT + 200} aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
        onChange={(e) => { setBody(e.target.value); if (problem) setProblem(null); }} />
      <div className="comment-meta">
        <span id={`${id}-hint`} className={`note${length > MAX_COMMENT ? ' over' : ''}`}>
          {formatCount(length)}/{formatCount(MAX_COMMENT)} ký tự (ít nhất {MIN_COMMENT})
        </span>
        <button type="submit" className="button" disabled={loading}>{loading ? 'Đang gửi…' : 'Gửi ý kiến'}</button>
      </div>
      {problem ? <p id={`${id}-error`} className="form-error" role="alert">{problem}</p> : null}
    </form>
  );
}

function CyclePosting({ cycle, today, onCount }: {
  cycle: { id: number; name: string; titleLabel: string };
  today: string;
  onCount: (cycleId: number, count: number) => void;
}) {
  const { data, loading, error, refetch } = useQuery(PostedNominationsQuery, { variables: { cycleId: cycle.id } });
  const posted = data?.postedNominations;
  useEffect(() => {
    if (posted) onCount(cycle.id, posted.length);
  }, [posted, cycle.id, onCount]);

  if (loading && !data) return <Loading what={`hồ sơ niêm yết của ${cycle.name}`} />;
  if (error && !data) return <ErrorState what={`hồ sơ niêm yết của ${cycle.name}`} error={error} onRetry={() => void refetch()} />;
  if (!posted || posted.length === 0) return null;
  const sorted = [...posted].sort((a, b) => viCollator.compare(a.commune?.name ?? '', b.commune?.name ?? '')
    || viCollator.compare(a.maskedName, b.maskedName));
  return (
    <section className="panel" data-testid="posting-cycle">
      <h2>{cycle.name}</h2>
      <p className="note">Danh hiệu: {cycle.titleLabel} · {formatCount(posted.length)} hồ sơ đang lấy ý kiến</p>
      <ul className="posting-list">
        {sorted.map((n) => {
          const left = daysLeft(n.postingEndsOn, today);
          return (
            <li key={n.id} className="posting-item" data-nomination={n.id}>
              <div className="posting-head">
                <strong className="honour-name">{n.maskedName}</strong>
                <span>{n.commune?.name ?? ''}</span>
              </div>
              <p className="posting-dates">
                Niêm yết từ {formatDate(n.postedOn)} đến hết ngày <strong>{formatDate(n.postingEndsOn)}</strong>
                {left > 0 ? <> (còn {formatCount(left)} ngày)</> : null}
              </p>
              <CommentForm nominationId={n.id} name={n.maskedName} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function PostingPage() {
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const cycles = useQuery(AwardCyclesQuery, { variables: { year } });
  const [counts, setCounts] = useState<Record<number, number>>({});
  const onCount = useCallback((cycleId: number, count: number) => {
    setCounts((prev) => (prev[cycleId] === count ? prev : { ...prev, [cycleId]: count }));
  }, []);
  const list = cycles.data?.awardCycles ?? [];
  const allCounted = list.length > 0 && list.every((c) => counts[c.id] !== undefined);
  const nothingPosted = cycles.data && (list.length === 0 || (allCounted && list.every((c) => counts[c.id] === 0)));

  return (
    <>
      <div className="page-head">
        <div>
          <PageTitle>Niêm yết công khai</PageTitle>
          <h1>Niêm yết công khai</h1>
          <p className="lead">
            Danh sách đề nghị khen thưởng được niêm yết 10 ngày để người dân góp ý trước khi quyết định. Họ tên được viết tắt;
            ý kiến gửi không kèm tên người gửi và chỉ Hội đồng Thi đua – Khen thưởng đọc được.
          </p>
        </div>
      </div>
      {cycles.loading && !cycles.data ? <Loading what="các đợt xét khen thưởng" /> : null}
      {cycles.error && !cycles.data ? <ErrorState what="các đợt xét khen thưởng" error={cycles.error} onRetry={() => void cycles.refetch()} /> : null}
      {nothingPosted ? <Empty>Hiện không có hồ sơ đề nghị khen thưởng nào đang niêm yết.</Empty> : null}
      {list.map((cycle) => <CyclePosting key={cycle.id} cycle={cycle} today={today} onCount={onCount} />)}
    </>
  );
}
