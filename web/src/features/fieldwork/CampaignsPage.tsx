/*
 * Chiến dịch thanh niên tình nguyện phổ cập kỹ năng số: each campaign of the year with its totals,
 * then one campaign's reports per commune (people supported, content, lessons learnt). Commune
 * staff send or update their commune's report from the same page.
 */
import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Empty, ErrorState, Loading } from '../../components/States';
import type { CampaignReportsQuery as ReportsData } from '../../gql/graphql';
import { graphql } from '../../gql';
import { viCollator } from '../../lib/collate';
import { PROVINCE_CODE } from '../../lib/config';
import { dateInVietnam, todayInVietnam } from '../../lib/dates';
import { apiErrorOf } from '../../lib/errors';
import { formatCount, formatDate } from '../../lib/format';
import { useMe } from '../access/session';
import { CampaignReportsQuery, CampaignsQuery, SubmitCampaignReportMutation } from './documents';
import { PageTitle } from '../../components/PageTitle';

const FIRST_YEAR = 2025;
const REPORTERS = ['COMMUNE_CHAIR', 'COMMUNE_OFFICER'];
const MAX_COUNT = 1_000_000;

export const CAMPAIGN_KINDS: Record<string, string> = {
  SUMMER: 'Mùa hè tình nguyện',
  SCHOOL_START: 'Mùa khai giảng (tháng 9–10)',
  DIGITAL_TRANSFORMATION_DAY: 'Ngày Chuyển đổi số 10/10',
};

const CommuneNameQuery = graphql(`
  query CampaignCommune($code: String!) { area(code: $code) { code name } }
`);

/** Every commune of the province: those that have not reported are named, not only counted. */
const ProvinceCommunesQuery = graphql(`
  query CampaignProvinceCommunes($code: String!) { area(code: $code) { code children { code name } } }
`);

type Report = ReportsData['campaignReports'][number];

export function CampaignsPage() {
  const [params, setParams] = useSearchParams();
  const currentYear = Math.max(FIRST_YEAR, Number(todayInVietnam().slice(0, 4)));
  const askedYear = Number(params.get('nam'));
  const year = Number.isInteger(askedYear) && askedYear >= FIRST_YEAR && askedYear <= currentYear ? askedYear : currentYear;
  const yearId = useId();
  const { data, previousData, error, loading, refetch } = useQuery(CampaignsQuery, { variables: { year } });
  const shown = data ?? previousData;
  const campaigns = shown?.campaigns ?? [];
  const asked = Number(params.get('chien-dich'));
  const selected = campaigns.find((c) => c.campaign.id === asked) ?? campaigns[campaigns.length - 1];

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const linkTo = (id: number) => {
    const next = new URLSearchParams(params);
    next.set('chien-dich', String(id));
    return `?${next.toString()}`;
  };
  const total = (k: 'volunteers' | 'peopleSupported' | 'sessions') => campaigns.reduce((s, c) => s + c[k], 0);
  // A commune reporting on three campaigns is one commune of the year, not three.
  const communesOfYear = new Set(campaigns.flatMap((c) => c.reportedCommunes.map((a) => a.code))).size;

  return (
    <div className="page campaigns">
      <div className="page-head">
        <div>
          <PageTitle>{`Chiến dịch thanh niên tình nguyện năm ${year}`}</PageTitle>
          <h1>Chiến dịch thanh niên tình nguyện năm {year}</h1>
          <p className="lead">Phổ cập kỹ năng số: mùa hè, mùa khai giảng và Ngày Chuyển đổi số 10/10 — báo cáo của các xã, phường.</p>
        </div>
        <div className="controls">
          <div className="control">
            <label htmlFor={yearId}>Năm</label>
            <select id={yearId} value={year} onChange={(e) => set({ nam: e.target.value === String(currentYear) ? null : e.target.value, 'chien-dich': null })}>
              {Array.from({ length: currentYear - FIRST_YEAR + 1 }, (_, i) => currentYear - i).map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </div>
        </div>
      </div>

      {loading && !shown ? <Loading what="các chiến dịch" /> : error && !shown ? (
        <ErrorState what="các chiến dịch" error={error} onRetry={() => void refetch()} />
      ) : campaigns.length === 0 ? (
        <Empty>Năm {year} chưa có chiến dịch nào được mở.</Empty>
      ) : (
        <>
          <section className="panel" aria-labelledby="campaign-totals">
            <h2 id="campaign-totals">Tổng hợp theo chiến dịch</h2>
            <div className="table-scroll">
              <table className="campaign-table stack-on-phone" data-testid="campaign-totals">
                <thead>
                  <tr>
                    <th scope="col">Chiến dịch</th>
                    <th scope="col">Thời gian</th>
                    <th scope="col" className="num">Xã báo cáo</th>
                    <th scope="col" className="num">Tình nguyện viên</th>
                    <th scope="col" className="num">Lượt người dân được hỗ trợ</th>
                    <th scope="col" className="num">Buổi</th>
                  </tr>
                </thead>
                <tbody>
                  {campaigns.map((c) => (
                    <tr key={c.campaign.id} className={c.campaign.id === selected?.campaign.id ? 'selected' : ''} data-campaign={c.campaign.id}>
                      <th scope="row">
                        <Link to={linkTo(c.campaign.id)} aria-current={c.campaign.id === selected?.campaign.id ? 'true' : undefined}>{c.campaign.name}</Link>
                        <small className="muted campaign-kind">{CAMPAIGN_KINDS[c.campaign.kind] ?? c.campaign.kind}</small>
                      </th>
                      <td data-label="Thời gian">{formatDate(c.campaign.startsOn)} – {formatDate(c.campaign.endsOn)}</td>
                      <td className="num" data-label="Xã báo cáo">{formatCount(c.communesReported)}</td>
                      <td className="num" data-label="Tình nguyện viên">{formatCount(c.volunteers)}</td>
                      <td className="num" data-label="Lượt người dân được hỗ trợ">{formatCount(c.peopleSupported)}</td>
                      <td className="num" data-label="Buổi">{formatCount(c.sessions)}</td>
                    </tr>
                  ))}
                </tbody>
                {campaigns.length > 1 ? (
                  <tfoot>
                    <tr>
                      <th scope="row">Cả năm {year}</th>
                      <td data-label="Thời gian" className="blank-on-phone" />
                      <td className="num" data-label="Xã báo cáo" title="Số xã, phường khác nhau đã báo cáo ít nhất một chiến dịch">{formatCount(communesOfYear)}</td>
                      <td className="num" data-label="Tình nguyện viên">{formatCount(total('volunteers'))}</td>
                      <td className="num" data-label="Lượt người dân được hỗ trợ">{formatCount(total('peopleSupported'))}</td>
                      <td className="num" data-label="Buổi">{formatCount(total('sessions'))}</td>
                    </tr>
                  </tfoot>
                ) : null}
              </table>
            </div>
          </section>
          {selected ? <CampaignReports key={selected.campaign.id} campaign={selected.campaign} onSubmitted={() => refetch()} /> : null}
          {selected ? <NotReported reported={selected.reportedCommunes.map((a) => a.code)} campaignName={selected.campaign.name} /> : null}
        </>
      )}
    </div>
  );
}

function CampaignReports({ campaign, onSubmitted }: {
  campaign: { id: number; name: string; startsOn: string; endsOn: string };
  onSubmitted(): Promise<unknown>;
}) {
  const { me } = useMe();
  const { data, error, loading, refetch } = useQuery(CampaignReportsQuery, { variables: { campaignId: campaign.id } });
  const reports = useMemo(() => [...(data?.campaignReports ?? [])].sort((a, b) => viCollator.compare(a.commune.name, b.commune.name)), [data]);
  const ownCode = me && REPORTERS.includes(me.role) ? me.areaCodes[0] : undefined;
  const own = reports.find((r) => r.commune.code === ownCode);

  return (
    <section className="panel" aria-labelledby="campaign-reports-title">
      <div className="panel-head">
        <h2 id="campaign-reports-title">{campaign.name}</h2>
        <span className="muted">{formatDate(campaign.startsOn)} – {formatDate(campaign.endsOn)}</span>
      </div>
      {ownCode && data ? (
        <ReportForm
          campaignId={campaign.id}
          communeCode={ownCode}
          existing={own}
          onSaved={async () => { await Promise.all([refetch(), onSubmitted()]); }}
        />
      ) : null}
      {loading && !data ? <Loading what="báo cáo của các xã" /> : error ? (
        <ErrorState what="báo cáo của các xã" error={error} onRetry={() => void refetch()} />
      ) : reports.length === 0 ? (
        <Empty>Chưa có xã, phường nào gửi báo cáo chiến dịch này.</Empty>
      ) : (
        <>
          <h3 className="reports-title">Báo cáo của {formatCount(reports.length)} xã, phường</h3>
          <ul className="report-list" data-testid="campaign-reports">
            {reports.map((r) => (
              <li key={r.id} className="report-item" data-commune={r.commune.code}>
                <div className="report-head">
                  <Link to={`/xa/${r.commune.code}`}><strong>{r.commune.name}</strong></Link>
                  <span className="report-figures">
                    <strong>{formatCount(r.peopleSupported)}</strong> lượt người dân · {formatCount(r.volunteers)} tình nguyện viên · {formatCount(r.sessions)} buổi
                  </span>
                </div>
                <p><span className="muted">Nội dung:</span> {r.content}</p>
                {r.lessonsLearnt ? <p><span className="muted">Bài học kinh nghiệm:</span> {r.lessonsLearnt}</p> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ReportForm({ campaignId, communeCode, existing, onSaved }: {
  campaignId: number;
  communeCode: string;
  existing: Report | undefined;
  onSaved(): Promise<void>;
}) {
  const commune = useQuery(CommuneNameQuery, { variables: { code: communeCode } });
  const [submit, { loading }] = useMutation(SubmitCampaignReportMutation);
  const [open, setOpen] = useState(false);
  const [volunteers, setVolunteers] = useState(existing ? String(existing.volunteers) : '');
  const [peopleSupported, setPeople] = useState(existing ? String(existing.peopleSupported) : '');
  const [sessions, setSessions] = useState(existing ? String(existing.sessions) : '');
  const [content, setContent] = useState(existing?.content ?? '');
  const [lessons, setLessons] = useState(existing?.lessonsLearnt ?? '');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const ids = { v: useId(), p: useId(), s: useId(), c: useId(), l: useId() };
  const name = commune.data?.area?.name ?? communeCode;

  async function save(event: FormEvent) {
    event.preventDefault();
    const numbers = [['Số tình nguyện viên', volunteers], ['Số lượt người dân được hỗ trợ', peopleSupported], ['Số buổi', sessions]] as const;
    for (const [label, text] of numbers) {
      const n = Number(text);
      if (text.trim() === '' || !Number.isInteger(n) || n < 0 || n > MAX_COUNT) {
        return setMessage({ kind: 'error', text: `${label} phải là số nguyên từ 0 đến ${formatCount(MAX_COUNT)}.` });
      }
    }
    if (!content.trim()) return setMessage({ kind: 'error', text: 'Hãy mô tả nội dung hoạt động của chiến dịch.' });
    setMessage(null);
    try {
      await submit({ variables: { input: {
        campaignId, communeCode, volunteers: Number(volunteers), peopleSupported: Number(peopleSupported), sessions: Number(sessions),
        content, lessonsLearnt: lessons.trim() || null,
      } } });
      await onSaved();
      setOpen(false);
      setMessage({ kind: 'ok', text: existing ? 'Đã cập nhật báo cáo của xã.' : 'Đã gửi báo cáo của xã.' });
    } catch (e) {
      setMessage({ kind: 'error', text: apiErrorOf(e).message });
    }
  }

  if (!open) {
    return (
      <div className="own-report">
        <p>
          {existing ? <>{name} đã gửi báo cáo (cập nhật {formatDate(dateInVietnam(existing.updatedAt))}).</> : <>{name} chưa gửi báo cáo chiến dịch này.</>}{' '}
          <button type="button" className="button button-primary" onClick={() => { setOpen(true); setMessage(null); }}>
            {existing ? 'Sửa báo cáo của xã' : 'Gửi báo cáo của xã'}
          </button>
        </p>
        {message ? <p className={message.kind === 'error' ? 'form-error' : 'form-ok'} role="status">{message.text}</p> : null}
      </div>
    );
  }
  return (
    <form className="form own-report" onSubmit={save} noValidate aria-labelledby={`${ids.c}-title`} data-testid="campaign-report-form">
      <h3 id={`${ids.c}-title`}>Báo cáo của {name}</h3>
      <div className="form-grid">
        <label className="field" htmlFor={ids.v}>
          <span>Số tình nguyện viên</span>
          <input id={ids.v} type="number" inputMode="numeric" min={0} step={1} value={volunteers} onChange={(e) => setVolunteers(e.target.value)} required />
        </label>
        <label className="field" htmlFor={ids.p}>
          <span>Lượt người dân được hỗ trợ</span>
          <input id={ids.p} type="number" inputMode="numeric" min={0} step={1} value={peopleSupported} onChange={(e) => setPeople(e.target.value)} required />
        </label>
        <label className="field" htmlFor={ids.s}>
          <span>Số buổi</span>
          <input id={ids.s} type="number" inputMode="numeric" min={0} step={1} value={sessions} onChange={(e) => setSessions(e.target.value)} required />
        </label>
        <label className="field field-wide" htmlFor={ids.c}>
          <span>Nội dung hoạt động</span>
          <textarea id={ids.c} rows={3} maxLength={4000} value={content} onChange={(e) => setContent(e.target.value)} required />
        </label>
        <label className="field field-wide" htmlFor={ids.l}>
          <span>Bài học kinh nghiệm <small>(không bắt buộc)</small></span>
          <textarea id={ids.l} rows={3} maxLength={4000} value={lessons} onChange={(e) => setLessons(e.target.value)} />
        </label>
      </div>
      {message ? <p className={message.kind === 'error' ? 'form-error' : 'form-ok'} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p> : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={loading}>{loading ? 'Đang gửi…' : existing ? 'Lưu báo cáo' : 'Gửi báo cáo'}</button>
        <button type="button" className="button" onClick={() => setOpen(false)}>Hủy</button>
      </div>
    </form>
  );
}

/** The province's communes that have not reported on the chosen campaign, in Vietnamese order. */
function NotReported({ reported, campaignName }: { reported: string[]; campaignName: string }) {
  const { data } = useQuery(ProvinceCommunesQuery, { variables: { code: PROVINCE_CODE } });
  const missing = useMemo(() => {
    const done = new Set(reported);
    return (data?.area?.children ?? []).filter((c) => !done.has(c.code)).sort((a, b) => viCollator.compare(a.name, b.name));
  }, [data, reported]);
  if (!data?.area) return null;
  const all = data.area.children.length;
  return (
    <section className="panel" aria-labelledby="not-reported-title" data-testid="not-reported">
      <h2 id="not-reported-title">Chưa gửi báo cáo: {formatCount(missing.length)}/{formatCount(all)} xã, phường</h2>
      {missing.length === 0 ? <p>Tất cả xã, phường đã gửi báo cáo {campaignName}.</p> : (
        <ul className="inline-list">
          {missing.map((c) => <li key={c.code}><Link to={`/xa/${c.code}`}>{c.name}</Link></li>)}
        </ul>
      )}
    </section>
  );
}
