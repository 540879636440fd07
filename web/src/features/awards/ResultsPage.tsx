/**
 * Kết quả xét (committee, province): per nomination the weighted score, the votes, whether the
 * quorum is met and the ranking within quota. The committee chair closes the review (approved within
 * quota → 10-day public posting) and, for the province's titles, records the decision; every
 * awardee then has a link to their PDF certificate.
 */
import { useMutation, useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Empty, ErrorState, Loading } from '../../components/States';
import type { AwardResultsQuery as ResultsData } from '../../gql/graphql';
import { viCollator } from '../../lib/collate';
import { formatCount, formatDate } from '../../lib/format';
import { AwardResultsQuery, CloseAwardReviewMutation, ResultsCyclesQuery } from './documents';
import { APPROVAL_LABELS, CyclePicker, CyclesQueryState, DecisionForm, defaultCycle, messageOf, RoleGate, sortCycles } from './shared';
import { PageTitle } from '../../components/PageTitle';

type Result = ResultsData['awardResults'][number];

const score = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function ResultCard({ r, kind }: { r: Result; kind: string }) {
  const n = r.nomination;
  return (
    <li className={`posting-item result-item${r.withinQuota ? ' result-in' : ''}`} data-nomination={n.id}>
      <div className="posting-head">
        <strong>{r.rank ? <span className="rank-badge" aria-label={`Hạng ${r.rank}`}>{formatCount(r.rank)}</span> : null}{n.nomineeName}</strong>
        <span className={`badge state-${n.state}`}>{n.stateLabel}</span>
      </div>
      <dl className="facts">
        <dt>Xã/phường</dt><dd>{n.commune?.name ?? '—'}</dd>
        <dt>Điểm bình quân có trọng số</dt><dd>{r.score === null ? 'Chưa có phiếu' : score.format(r.score)}</dd>
        <dt>Phiếu</dt>
        <dd>{formatCount(r.votesFor)} đồng ý · {formatCount(r.votesAgainst)} không đồng ý · {formatCount(r.ballots)}/{formatCount(r.voters)} thành viên đã bỏ phiếu
          {r.recused ? ` (${formatCount(r.recused)} không tham gia do xung đột lợi ích)` : ''}</dd>
        <dt>Túc số</dt><dd className={r.quorumMet ? 'ok' : 'short'}>{r.quorumMet ? 'Đủ túc số' : 'Chưa đủ túc số'}</dd>
        <dt>Kết quả</dt>
        <dd>{r.approved ? (r.withinQuota ? `Thông qua, trong chỉ tiêu (hạng ${formatCount(r.rank ?? 0)})` : 'Thông qua nhưng ngoài chỉ tiêu') : 'Chưa được thông qua'}</dd>
        {n.postedOn && n.postingEndsOn ? (<><dt>Niêm yết</dt><dd>{formatDate(n.postedOn)}–{formatDate(n.postingEndsOn)}</dd></>) : null}
      </dl>
      {n.certificate ? (
        <p className="certificate-link">
          <a href={n.certificate.pdfUrl} target="_blank" rel="noreferrer">Tải {kind.toLowerCase()} (PDF) <span className="code">{n.certificate.code}</span></a>
          {n.certificate.revokedOn ? <span className="short"> · đã thu hồi ngày {formatDate(n.certificate.revokedOn)}</span> : null}
        </p>
      ) : null}
    </li>
  );
}

function Results() {
  const [params, setParams] = useSearchParams();
  const cycles = useQuery(ResultsCyclesQuery);
  const sorted = useMemo(() => sortCycles(cycles.data?.awardCycles ?? []), [cycles.data]);
  const cycle = defaultCycle(sorted, Number(params.get('dot')));
  const results = useQuery(AwardResultsQuery, { variables: { cycleId: cycle?.id ?? 0 }, skip: !cycle, fetchPolicy: 'cache-and-network' });
  const [close, closing] = useMutation(CloseAwardReviewMutation);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);

  const rows = useMemo(() => [...(results.data?.awardResults ?? [])].sort((a, b) =>
    (a.rank ?? Infinity) - (b.rank ?? Infinity) || viCollator.compare(a.nomination.nomineeName, b.nomination.nomineeName)), [results.data]);
  const underReview = rows.filter((r) => r.nomination.state === 'under_review');
  const posted = rows.filter((r) => r.nomination.state === 'posted').map((r) => r.nomination);
  const chair = cycle?.viewerIsChair ?? false;

  const closeReview = async () => {
    if (!cycle || !window.confirm('Kết thúc phiên xét? Hồ sơ được thông qua trong chỉ tiêu sẽ được niêm yết công khai 10 ngày; các hồ sơ khác không được khen thưởng.')) return;
    try {
      const { data } = await close({ variables: { cycleId: cycle.id } });
      const list = data?.closeAwardReview ?? [];
      setNotice({ text: `Đã kết thúc phiên xét: ${formatCount(list.filter((n) => n.state === 'posted').length)} hồ sơ niêm yết công khai, ${formatCount(list.filter((n) => n.state === 'rejected').length)} hồ sơ không được khen thưởng.`, error: false });
      void results.refetch();
    } catch (error) {
      setNotice({ text: messageOf(error, 'Chưa kết thúc được phiên xét'), error: true });
    }
  };

  return (
    <>
      <div className="page-head">
        <div>
          <PageTitle>Kết quả xét khen thưởng</PageTitle>
          <h1>Kết quả xét khen thưởng</h1>
          <p className="lead">Điểm có trọng số, phiếu biểu quyết, túc số và xếp hạng trong chỉ tiêu; quyết định khen thưởng và giấy khen.</p>
        </div>
        {sorted.length ? <CyclePicker cycles={sorted} value={cycle} onChange={(id) => {
          setNotice(null);
          setParams({ dot: String(id) }, { replace: true });
        }} /> : null}
      </div>
      <CyclesQueryState cycles={cycles} />
      {cycles.data && !sorted.length ? <Empty>Chưa có đợt xét khen thưởng nào.</Empty> : null}
      {cycle ? (
        <section className="panel" aria-label="Cách tính">
          <dl className="facts">
            <dt>Thang điểm</dt><dd>{cycle.rubric.map((c) => `${c.label} × ${formatCount(c.weight)}`).join('; ')}</dd>
            <dt>Túc số</dt><dd>{formatCount(cycle.quorumNumerator)}/{formatCount(cycle.quorumDenominator)} số thành viên được bỏ phiếu (trừ người có xung đột lợi ích)</dd>
            <dt>Thông qua</dt><dd>{APPROVAL_LABELS[cycle.approvalRule]}</dd>
            <dt>Chỉ tiêu</dt><dd>{formatCount(cycle.quotaPerCommune)} mỗi xã · {formatCount(cycle.quotaTotal)} toàn tỉnh</dd>
            <dt>Quyết định</dt>
            <dd>{cycle.decidingLevel === 'COMMUNE_CHAIR'
              ? `${cycle.certificateKind} do Chủ tịch UBND xã quyết định (trang Đề cử khen thưởng của xã), sau niêm yết công khai`
              : `${cycle.certificateKind}: Chủ tịch Hội đồng ghi nhận quyết định sau niêm yết công khai`}</dd>
          </dl>
        </section>
      ) : null}
      {notice ? <p className={notice.error ? 'form-error' : 'thanks'} role={notice.error ? 'alert' : 'status'}>{notice.text}</p> : null}
      {results.loading && !results.data ? <Loading what="kết quả xét" /> : null}
      {results.error && !results.data ? (
        <ErrorState what="kết quả xét" error={{ message: messageOf(results.error) }} onRetry={() => void results.refetch()} />
      ) : null}
      {cycle && results.data ? (
        <>
          {chair && underReview.length ? (
            <div className="panel chair-actions">
              <p>{formatCount(underReview.length)} hồ sơ đang xét. Khi đủ túc số, Chủ tịch Hội đồng kết thúc phiên xét.</p>
              <button type="button" className="button button-primary" disabled={closing.loading} onClick={() => void closeReview()}>Kết thúc phiên xét</button>
            </div>
          ) : null}
          {chair && cycle.decidingLevel === 'PROVINCIAL_COUNCIL' && posted.length ? (
            <DecisionForm cycleId={cycle.id} posted={posted} onDone={(codes) => {
              setNotice({ text: `Đã ghi nhận quyết định: ${formatCount(codes.length)} bằng khen được cấp.`, error: false });
              void results.refetch();
            }} />
          ) : null}
          {rows.length === 0 ? <Empty>Đợt này chưa có hồ sơ nào được đưa ra Hội đồng xét.</Empty> : (
            <ul className="posting-list" data-testid="results">{rows.map((r) => <ResultCard key={r.nomination.id} r={r} kind={cycle.certificateKind} />)}</ul>
          )}
        </>
      ) : null}
    </>
  );
}

export function ResultsPage() {
  return (
    <RoleGate roles={['COMMITTEE_MEMBER', 'PROVINCE_ADMIN', 'PROVINCE_LEADER']} forWhom="Hội đồng Thi đua – Khen thưởng và lãnh đạo, quản trị tỉnh">
      {() => <Results />}
    </RoleGate>
  );
}
