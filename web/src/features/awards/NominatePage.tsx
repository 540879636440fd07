/**
 * Đề cử khen thưởng (commune chair): for a cycle, the window and the quota left, the candidates the
 * data suggests with their eligibility reasons, the nomination form (justification, text evidence,
 * a photo within the server's limits), draft or send; the commune's nominations and their states;
 * for the household titles, the chair's decision once the public posting is over.
 */
import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Empty, ErrorState, Loading } from '../../components/States';
import type { NominateCyclesQuery as CyclesData, NominatePageQuery as PageData } from '../../gql/graphql';
import { viCollator } from '../../lib/collate';
import { todayInVietnam } from '../../lib/dates';
import { formatCount, formatDate } from '../../lib/format';
import type { SessionUser } from '../access/session';
import {
  AddNominationEvidenceMutation, CreateNominationMutation, NominateCyclesQuery, NominatePageQuery, SubmitNominationMutation,
} from './documents';
import { CyclePicker, CyclesQueryState, DecisionForm, defaultCycle, EligibilityList, messageOf, RoleGate, sortCycles } from './shared';
import { PageTitle } from '../../components/PageTitle';

type Cycle = CyclesData['awardCycles'][number];
type Candidate = PageData['suggestedCandidates'][number];
type NominationRow = PageData['nominations'][number];

/** The server's limits (server/modules/awards/nominations.ts, evidence.ts), checked here first. */
const MIN_JUSTIFICATION = 10;
const MAX_JUSTIFICATION = 5000;
const MAX_NOTE = 2000;
const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

const IN_QUOTA = new Set(['submitted', 'eligible', 'under_review', 'posted', 'approved']);

function windowState(cycle: Cycle, today: string): 'before' | 'open' | 'after' {
  if (today < cycle.nominationOpensOn) return 'before';
  return today > cycle.nominationClosesOn ? 'after' : 'open';
}

async function uploadPhoto(nominationId: number, file: File, note: string): Promise<void> {
  const query = note ? `?note=${encodeURIComponent(note)}` : '';
  const response = await fetch(`/api/awards/nominations/${nominationId}/photos${query}`, {
    method: 'POST', body: file, credentials: 'same-origin', headers: { 'content-type': file.type || 'application/octet-stream' },
  });
  if (!response.ok) {
    const body = await response.json().catch(() => null) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? 'Chưa tải được ảnh minh chứng lên. Hãy thử lại.');
  }
}

interface Target { label: string; input: { nomineeCode?: string | null; teamId?: number | null } }

function NominationForm({ cycleId, target, canSend, onDone, onCancel }: {
  cycleId: number; target: Target; canSend: boolean; onDone: (text: string, error?: boolean) => void; onCancel: () => void;
}) {
  const id = useId();
  const [justification, setJustification] = useState('');
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [create] = useMutation(CreateNominationMutation);
  const [addNote] = useMutation(AddNominationEvidenceMutation);
  const [submit] = useMutation(SubmitNominationMutation);
  const fileRef = useRef<HTMLInputElement>(null);
  const length = justification.trim().length;

  const choosePhoto = (file: File | null) => {
    setProblem(null);
    if (file && !PHOTO_TYPES.includes(file.type)) {
      setProblem('Chỉ nhận ảnh JPEG, PNG hoặc WebP.');
      if (fileRef.current) fileRef.current.value = '';
      return setPhoto(null);
    }
    if (file && file.size > MAX_PHOTO_BYTES) {
      setProblem('Ảnh minh chứng tối đa 2 MB.');
      if (fileRef.current) fileRef.current.value = '';
      return setPhoto(null);
    }
    setPhoto(file);
  };

  const save = async (send: boolean) => {
    if (length < MIN_JUSTIFICATION || length > MAX_JUSTIFICATION) {
      return setProblem(`Lý do đề nghị cần từ ${MIN_JUSTIFICATION} đến ${formatCount(MAX_JUSTIFICATION)} ký tự.`);
    }
    if (note.trim().length > MAX_NOTE) return setProblem(`Minh chứng dạng văn bản tối đa ${formatCount(MAX_NOTE)} ký tự.`);
    setProblem(null);
    setBusy(true);
    let createdId: number | null = null;
    try {
      const { data } = await create({ variables: { input: { cycleId, ...target.input, justification } } });
      createdId = data!.createNomination.id;
      if (note.trim()) await addNote({ variables: { nominationId: createdId, note: note.trim() } });
      if (photo) await uploadPhoto(createdId, photo, '');
      if (send) await submit({ variables: { id: createdId } });
      onDone(send ? `Đã gửi hồ sơ đề nghị ${target.label}.` : `Đã lưu nháp hồ sơ ${target.label}; hồ sơ chưa được gửi.`);
    } catch (error) {
      const text = error instanceof Error && !('errors' in error) ? error.message : messageOf(error);
      // The draft exists: say so and close the form, so the chair sends it from the list instead of creating it twice.
      if (createdId) onDone(`${text} Hồ sơ ${target.label} đã được lưu nháp; bạn có thể gửi lại trong danh sách hồ sơ của xã.`, true);
      else setProblem(text);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(true);
  };

  return (
    <form className="form panel nominate-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`} data-testid="nominate-form">
      <h3 id={`${id}-title`}>Hồ sơ đề nghị: {target.label}</h3>
      <label className="field">
        <span>Lý do đề nghị <small>({formatCount(length)}/{formatCount(MAX_JUSTIFICATION)} ký tự, ít nhất {MIN_JUSTIFICATION})</small></span>
        <textarea rows={4} value={justification} onChange={(e) => setJustification(e.target.value)}
          aria-invalid={problem && length < MIN_JUSTIFICATION ? true : undefined} />
      </label>
      <label className="field">
        <span>Minh chứng dạng văn bản <small>(không bắt buộc, tối đa {formatCount(MAX_NOTE)} ký tự)</small></span>
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder="ví dụ: Biên bản họp xóm ngày…" />
      </label>
      <label className="field">
        <span>Ảnh minh chứng <small>(không bắt buộc; JPEG, PNG hoặc WebP, tối đa 2 MB)</small></span>
        <input ref={fileRef} type="file" accept={PHOTO_TYPES.join(',')} onChange={(e) => choosePhoto(e.target.files?.[0] ?? null)} />
      </label>
      {problem ? <p className="form-error" role="alert">{problem}</p> : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || !canSend}>{busy ? 'Đang gửi…' : 'Gửi hồ sơ'}</button>
        <button type="button" className="button" disabled={busy} onClick={() => void save(false)}>Lưu nháp</button>
        <button type="button" className="button button-quiet" disabled={busy} onClick={onCancel}>Hủy</button>
      </div>
    </form>
  );
}

function NominationItem({ nomination, canSend, onChanged, certificateKind }: {
  nomination: NominationRow; canSend: boolean; onChanged: (text: string, error?: boolean) => void;
  /** "Giấy khen" or "Bằng khen": what the cycle's decision issues. */
  certificateKind: string;
}) {
  const [submit, { loading }] = useMutation(SubmitNominationMutation);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <li className="posting-item" data-nomination={nomination.id}>
      <div className="posting-head">
        <strong>{nomination.nomineeName}</strong>
        <span className={`badge state-${nomination.state}`}>{nomination.stateLabel}</span>
      </div>
      <p className="note">{nomination.justification}</p>
      {nomination.postedOn && nomination.postingEndsOn ? (
        <p className="note">Niêm yết công khai {formatDate(nomination.postedOn)}–{formatDate(nomination.postingEndsOn)}.</p>
      ) : null}
      {nomination.eligibility?.length ? <EligibilityList checks={nomination.eligibility} /> : null}
      {nomination.evidence.length ? <p className="note">{formatCount(nomination.evidence.length)} minh chứng kèm theo.</p> : null}
      {nomination.certificate ? (
        <p><a href={nomination.certificate.pdfUrl} target="_blank" rel="noreferrer">{certificateKind} (PDF) <span className="code">{nomination.certificate.code}</span></a></p>
      ) : null}
      {nomination.state === 'draft' ? (
        <div className="form-actions">
          <button type="button" className="button button-primary" disabled={loading || !canSend} onClick={async () => {
            setProblem(null);
            try {
              await submit({ variables: { id: nomination.id } });
              onChanged(`Đã gửi hồ sơ đề nghị ${nomination.nomineeName}.`);
            } catch (error) {
              setProblem(messageOf(error, 'Chưa gửi được hồ sơ'));
            }
          }}>Gửi hồ sơ</button>
        </div>
      ) : null}
      {problem ? <p className="form-error" role="alert">{problem}</p> : null}
    </li>
  );
}

function CandidateItem({ candidate, disabledReason, onChoose }: { candidate: Candidate; disabledReason: string | null; onChoose: () => void }) {
  return (
    <li className="posting-item" data-candidate={candidate.code}>
      <div className="posting-head">
        <strong>{candidate.name}</strong>
        <span className="muted">{candidate.teamId ? `Tổ số ${candidate.teamId}` : `Mã ${candidate.code}`}</span>
      </div>
      <EligibilityList checks={candidate.eligibility} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onChoose} disabled={disabledReason !== null}
          title={disabledReason ?? undefined}>Đề cử {candidate.name}</button>
      </div>
    </li>
  );
}

function Nominate({ me }: { me: SessionUser }) {
  const communeCode = me.areaCodes[0] ?? '';
  const [params, setParams] = useSearchParams();
  const cycles = useQuery(NominateCyclesQuery);
  const sorted = useMemo(() => sortCycles(cycles.data?.awardCycles ?? []), [cycles.data]);
  const cycle = defaultCycle(sorted, Number(params.get('dot')));
  const page = useQuery(NominatePageQuery, { variables: { cycleId: cycle?.id ?? 0, communeCode }, skip: !cycle, fetchPolicy: 'cache-and-network' });
  const [target, setTarget] = useState<Target | null>(null);
  const [done, setDone] = useState<{ text: string; error: boolean } | null>(null);
  const [code, setCode] = useState('');
  const codeId = useId();
  const today = todayInVietnam();

  const data = page.data;
  const state = cycle ? windowState(cycle, today) : 'after';
  const quota = data?.awardQuota;
  const quotaLeft = quota ? Math.max(0, Math.min(quota.quotaPerCommune - quota.communeUsed, quota.quotaTotal - quota.totalUsed)) : 0;
  const closedReason = state === 'before' ? `Chưa đến thời hạn nhận hồ sơ (từ ${formatDate(cycle!.nominationOpensOn)}).`
    : state === 'after' ? 'Đã hết thời hạn nhận hồ sơ.' : null;
  const sendReason = closedReason ?? (quota && quotaLeft === 0 ? 'Xã đã dùng hết chỉ tiêu đề nghị.' : null);
  const nominations = useMemo(() => [...(data?.nominations ?? [])].sort((a, b) => viCollator.compare(a.nomineeName, b.nomineeName)), [data]);
  const posted = nominations.filter((n) => n.state === 'posted');
  const teamTitle = cycle?.title === 'TO_CDS_TIEU_BIEU';

  const finished = (text: string, error = false) => {
    setDone({ text, error });
    setTarget(null);
    void page.refetch();
  };

  return (
    <>
      <div className="page-head">
        <div>
          <PageTitle>Đề cử khen thưởng</PageTitle>
          <h1>Đề cử khen thưởng</h1>
          <p className="lead">Chọn ứng viên từ dữ liệu theo dõi (kèm lý do đủ điều kiện), nêu lý do đề nghị và minh chứng, rồi gửi hồ sơ trong thời hạn và chỉ tiêu.</p>
        </div>
        {sorted.length ? <CyclePicker cycles={sorted} value={cycle} onChange={(id) => {
          setTarget(null);
          setDone(null);
          setParams({ dot: String(id) }, { replace: true });
        }} /> : null}
      </div>
      <CyclesQueryState cycles={cycles} />
      {cycles.data && !sorted.length ? <Empty>Chưa có đợt xét khen thưởng nào.</Empty> : null}
      {cycle ? (
        <section className="panel" aria-label="Thời hạn và chỉ tiêu" data-testid="nominate-summary">
          <dl className="facts">
            <dt>Nhận hồ sơ</dt>
            <dd>{formatDate(cycle.nominationOpensOn)}–{formatDate(cycle.nominationClosesOn)} · {state === 'open' ? 'đang nhận hồ sơ' : closedReason}</dd>
            <dt>Chỉ tiêu của xã</dt>
            <dd data-testid="quota">{quota ? `Đã dùng ${formatCount(quota.communeUsed)}/${formatCount(quota.quotaPerCommune)} · còn ${formatCount(quotaLeft)} hồ sơ (toàn tỉnh ${formatCount(quota.totalUsed)}/${formatCount(quota.quotaTotal)})` : '—'}</dd>
            <dt>Khen thưởng</dt><dd>{cycle.certificateKind}, đợt kết thúc {formatDate(cycle.closesOn)}</dd>
          </dl>
        </section>
      ) : null}
      {page.loading && !data ? <Loading what="ứng viên và hồ sơ" /> : null}
      {page.error && !data ? <ErrorState what="ứng viên và hồ sơ" error={{ message: messageOf(page.error) }} onRetry={() => void page.refetch()} /> : null}
      {done ? <p className={done.error ? 'form-error' : 'thanks'} role={done.error ? 'alert' : 'status'}>{done.text}</p> : null}

      {cycle && data ? (
        <>
          {target ? (
            <NominationForm key={JSON.stringify(target.input)} cycleId={cycle.id} target={target} canSend={sendReason === null}
              onDone={finished} onCancel={() => setTarget(null)} />
          ) : null}

          {cycle.decidingLevel === 'COMMUNE_CHAIR' && posted.length ? (
            <DecisionForm cycleId={cycle.id} communeCode={communeCode} posted={posted}
              onDone={(codes) => finished(`Đã ghi nhận quyết định: ${formatCount(codes.length)} giấy khen được cấp.`)} />
          ) : null}

          <section className="panel" aria-labelledby="ung-vien">
            <h2 id="ung-vien">Ứng viên gợi ý từ dữ liệu <span className="note">({formatCount(data.suggestedCandidates.length)})</span></h2>
            {data.suggestedCandidates.length === 0 ? <Empty>Dữ liệu chưa cho thấy ứng viên nào đủ điều kiện chưa được đề cử.</Empty> : (
              <ul className="posting-list" data-testid="candidates">
                {data.suggestedCandidates.map((c) => (
                  <CandidateItem key={c.code} candidate={c} disabledReason={closedReason}
                    onChoose={() => {
                      setDone(null);
                      setTarget({ label: c.name, input: c.teamId ? { teamId: c.teamId } : { nomineeCode: c.code } });
                    }} />
                ))}
              </ul>
            )}
            {!teamTitle ? (
              <form className="code-form inline-form" onSubmit={(e) => {
                e.preventDefault();
                if (!code.trim()) return;
                setDone(null);
                setTarget({ label: `mã ${code.trim()}`, input: { nomineeCode: code.trim() } });
              }}>
                <label htmlFor={codeId}>Hoặc đề cử theo {cycle.title === 'CONG_DAN_SO_DIEN_HINH' ? 'mã nhân khẩu' : 'mã hộ'}</label>
                <input id={codeId} className="input" value={code} onChange={(e) => setCode(e.target.value)} />
                <button type="submit" className="button" disabled={closedReason !== null}>Đề cử</button>
              </form>
            ) : null}
          </section>

          <section className="panel" aria-labelledby="ho-so">
            <h2 id="ho-so">Hồ sơ của xã <span className="note">({formatCount(nominations.length)}; trong chỉ tiêu {formatCount(nominations.filter((n) => IN_QUOTA.has(n.state)).length)})</span></h2>
            {nominations.length === 0 ? <Empty>Xã chưa có hồ sơ đề nghị nào trong đợt này.</Empty> : (
              <ul className="posting-list" data-testid="nominations">
                {nominations.map((n) => <NominationItem key={n.id} nomination={n} canSend={sendReason === null} onChanged={finished} certificateKind={cycle.certificateKind} />)}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}

export function NominatePage() {
  return <RoleGate roles={['COMMUNE_CHAIR']} forWhom="Chủ tịch UBND xã/phường">{(me) => <Nominate me={me} />}</RoleGate>;
}
