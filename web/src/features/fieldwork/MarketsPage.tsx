/*
 * Chợ số – Nông thôn số: the registry of markets, their vendors, how many take QR payments, and
 * whether (and since when) the market met the standard. Public; filter by commune in the URL.
 * Commune chairs and officers add and edit their commune's markets, the province admin any
 * commune's. An edit carries the version it was read at: when someone else saved the market
 * meanwhile the server refuses, and the form shows the current figures instead of overwriting them.
 */
import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Empty, ErrorState, Loading } from '../../components/States';
import { ConflictBox } from '../../components/ConflictBox';
import type { MarketsQuery as MarketsData } from '../../gql/graphql';
import { viCollator, viNaturalCollator } from '../../lib/collate';
import { PROVINCE_CODE } from '../../lib/config';
import { todayInVietnam } from '../../lib/dates';
import { apiErrorOf } from '../../lib/errors';
import { formatCount, formatDate, formatRate } from '../../lib/format';
import { useMe } from '../access/session';
import { MarketsQuery, SaveMarketMutation } from './documents';
import { PageTitle } from '../../components/PageTitle';

type Market = MarketsData['markets'][number];
const MAX_VENDORS = 100_000;

export function MarketsPage() {
  const [params, setParams] = useSearchParams();
  const commune = params.get('xa') || null;
  const only = params.get('dat-chuan') === '1';
  const ids = { commune: useId(), met: useId() };
  const { data, error, loading, refetch } = useQuery(MarketsQuery, { variables: { parentCode: PROVINCE_CODE } });
  const { me } = useMe();
  // Who may save a commune's markets (the server checks the same: saveMarket's scope).
  const canEdit = (communeCode: string) => !!me && (me.role === 'PROVINCE_ADMIN'
    || ((me.role === 'COMMUNE_CHAIR' || me.role === 'COMMUNE_OFFICER') && me.areaCodes.includes(communeCode)));
  const editor = !!me && (me.role === 'PROVINCE_ADMIN' || me.role === 'COMMUNE_CHAIR' || me.role === 'COMMUNE_OFFICER');
  /** The open form: a new market (null) or the id of the market being edited. */
  const [editing, setEditing] = useState<{ id: number | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const all = useMemo(() => [...(data?.markets ?? [])].sort((a, b) =>
    viNaturalCollator.compare(a.name, b.name) || viCollator.compare(a.commune.name, b.commune.name)), [data]);
  // Every commune of the province, with how many markets it has (a commune without one is a fair question too).
  const communes = useMemo(() => {
    const count = new Map<string, number>();
    for (const m of all) count.set(m.commune.code, (count.get(m.commune.code) ?? 0) + 1);
    return (data?.areas ?? []).map((a) => ({ code: a.code, name: a.name, markets: count.get(a.code) ?? 0 }))
      .sort((a, b) => viCollator.compare(a.name, b.name));
  }, [all, data]);
  const markets = all.filter((m) => (!commune || m.commune.code === commune) && (!only || m.metStandard));
  const vendors = markets.reduce((s, m) => s + m.vendors, 0);
  const qr = markets.reduce((s, m) => s + m.qrVendors, 0);
  const met = markets.filter((m) => m.metStandard).length;
  const communeName = communes.find((c) => c.code === commune)?.name;
  const editableCommunes = communes.filter((c) => canEdit(c.code));
  const editedMarket = editing?.id != null ? all.find((m) => m.id === editing.id) ?? null : null;
  const open = (id: number | null) => { setEditing({ id }); setNotice(null); };

  return (
    <div className="page markets">
      <div className="page-head">
        <div>
          <PageTitle>Chợ số – Nông thôn số</PageTitle>
          <h1>Chợ số – Nông thôn số</h1>
          <p className="lead">Danh mục chợ, số tiểu thương, tiểu thương có thanh toán bằng mã QR và chợ đã đạt chuẩn (gắn biển “Chợ số”).</p>
        </div>
        <div className="controls">
          <div className="control">
            <label htmlFor={ids.commune}>Xã, phường</label>
            <select id={ids.commune} value={commune ?? ''} onChange={(e) => set('xa', e.target.value || null)}>
              <option value="">Toàn tỉnh</option>
              {communes.map((c) => <option key={c.code} value={c.code}>{c.name}{c.markets ? ` (${c.markets})` : ''}</option>)}
            </select>
          </div>
          <label className="control checkbox-control" htmlFor={ids.met}>
            <input id={ids.met} type="checkbox" checked={only} onChange={(e) => set('dat-chuan', e.target.checked ? '1' : null)} />
            <span>Chỉ chợ đã đạt chuẩn</span>
          </label>
          {editor && editableCommunes.length && !editing ? (
            <button type="button" className="button button-primary" onClick={() => open(null)}>+ Thêm chợ</button>
          ) : null}
        </div>
      </div>

      {notice ? <p className="form-ok" role="status">{notice}</p> : null}
      {editing && data && (editing.id === null || editedMarket) ? (
        <MarketForm
          key={editing.id ?? 'new'}
          market={editedMarket}
          communes={editableCommunes}
          defaultCommune={commune && canEdit(commune) ? commune : editableCommunes.length === 1 ? editableCommunes[0]!.code : ''}
          reload={async () => {
            const fresh = await refetch();
            return editing.id === null ? null : fresh.data?.markets.find((m) => m.id === editing.id) ?? null;
          }}
          onSaved={async (name) => {
            await refetch().catch(() => undefined);
            setEditing(null);
            setNotice(`Đã lưu ${name}.`);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}

      {loading && !data ? <Loading what="danh mục chợ số" /> : error ? (
        <ErrorState what="danh mục chợ số" error={error} onRetry={() => void refetch()} />
      ) : all.length === 0 ? (
        <Empty>Chưa có chợ nào trong danh mục Chợ số.</Empty>
      ) : (
        <>
          {markets.length ? <div className="cards">
            <div className="card card-primary">
              <h2>Chợ {communeName ? `ở ${communeName}` : 'trong danh mục'}</h2>
              <p className="card-value">{formatCount(markets.length)}</p>
              <p className="card-detail">{formatCount(met)} chợ đã đạt chuẩn</p>
            </div>
            <div className="card">
              <h2>Tiểu thương</h2>
              <p className="card-value">{formatCount(vendors)}</p>
            </div>
            <div className="card">
              <h2>Có thanh toán QR</h2>
              <p className="card-value">{formatRate(vendors ? qr / vendors : null)}</p>
              <p className="card-detail">{formatCount(qr)}/{formatCount(vendors)} tiểu thương</p>
            </div>
          </div> : null}
          {markets.length === 0 ? (
            <Empty>
              {!commune ? 'Toàn tỉnh' : communeName ?? `Xã, phường mã “${commune}”`} chưa có chợ {only ? 'đạt chuẩn ' : ''}trong danh mục Chợ số.{' '}
              {commune || only ? <button type="button" className="link-button" onClick={() => setParams(new URLSearchParams(), { replace: true })}>Xem mọi chợ toàn tỉnh</button> : null}
            </Empty>
          ) : (
            <section className="panel">
              <p className="standard-note" data-testid="market-standard">
                <strong>Chuẩn “Chợ số”:</strong> một chợ đạt chuẩn khi được công nhận là điểm triển khai mô hình “Chợ số – Nông thôn số”
                (tiểu thương được hướng dẫn tạo mã QR thanh toán, bán hàng trên nền tảng số) và được lắp biển “Chợ số”, theo kế hoạch
                Bình dân học vụ số của tỉnh. Ngày gắn biển do xã, phường nhập. Tỷ lệ tiểu thương có thanh toán QR là số liệu theo dõi,
                không tự quyết định đạt chuẩn: một chợ có tỷ lệ cao vẫn “chưa đạt” cho đến khi được công nhận và gắn biển.
              </p>
              <div className="table-scroll">
                <table className="market-table stack-on-phone" data-testid="markets">
                  <caption>Danh mục chợ số{communeName ? ` — ${communeName}` : ''}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Chợ</th>
                      <th scope="col">Xã, phường</th>
                      <th scope="col" className="num">Tiểu thương</th>
                      <th scope="col" className="num">Có thanh toán QR</th>
                      <th scope="col">Đạt chuẩn Chợ số</th>
                      {editor ? <th scope="col"><span className="sr-only">Sửa</span></th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {markets.map((m) => (
                      <tr key={m.id} data-market={m.name}>
                        <th scope="row">{m.name}</th>
                        <td data-label="Xã, phường"><Link to={`/xa/${m.commune.code}`}>{m.commune.name}</Link></td>
                        <td className="num" data-label="Tiểu thương">{formatCount(m.vendors)}</td>
                        <td className="num" data-label="Có thanh toán QR">
                          <span>{formatCount(m.qrVendors)} <small className="muted">({formatRate(m.vendors ? m.qrVendors / m.vendors : null)})</small></span>
                        </td>
                        <td data-label="Đạt chuẩn Chợ số">
                          {m.metStandard && m.standardMetOn
                            ? <span className="met">✓ Đạt: gắn biển “Chợ số” ngày {formatDate(m.standardMetOn)}</span>
                            : <span className="muted">Chưa đạt: chưa được công nhận, chưa gắn biển</span>}
                        </td>
                        {editor ? (
                          <td className={canEdit(m.commune.code) ? '' : 'blank-on-phone'}>
                            {canEdit(m.commune.code) ? (
                              <button type="button" className="button button-quiet market-edit" aria-label={`Sửa ${m.name}`} onClick={() => open(m.id)}
                                disabled={editing?.id === m.id}>Sửa</button>
                            ) : null}
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                  {markets.length > 1 ? (
                    <tfoot>
                      <tr>
                        <th scope="row">Cộng {formatCount(markets.length)} chợ</th>
                        <td className="blank-on-phone" />
                        <td className="num" data-label="Tiểu thương">{formatCount(vendors)}</td>
                        <td className="num" data-label="Có thanh toán QR"><span>{formatCount(qr)} <small className="muted">({formatRate(vendors ? qr / vendors : null)})</small></span></td>
                        <td data-label="Đạt chuẩn Chợ số">{formatCount(met)} chợ</td>
                        {editor ? <td className="blank-on-phone" /> : null}
                      </tr>
                    </tfoot>
                  ) : null}
                </table>
              </div>
            </section>
          )}
        </>
      )}
    </div>
  );
}

interface Conflict { message: string; current: { name?: string; vendors?: number; qrVendors?: number; standardMetOn?: string | null } }
type Field = 'commune' | 'name' | 'vendors' | 'qrVendors' | 'standardMetOn';

/** Add or edit one market; problems are shown at their field, a concurrent edit as a conflict box. */
function MarketForm({ market, communes, defaultCommune, reload, onSaved, onCancel }: {
  market: Market | null;
  communes: { code: string; name: string }[];
  defaultCommune: string;
  /** Refetches the registry; resolves to the edited market as it is now. */
  reload(): Promise<Market | null>;
  onSaved(name: string): Promise<void>;
  onCancel(): void;
}) {
  const [saveMarket, { loading: saving }] = useMutation(SaveMarketMutation);
  const [communeCode, setCommune] = useState(market?.commune.code ?? defaultCommune);
  const [name, setName] = useState(market?.name ?? '');
  const [vendors, setVendors] = useState(market ? String(market.vendors) : '');
  const [qrVendors, setQr] = useState(market ? String(market.qrVendors) : '');
  const [metOn, setMetOn] = useState(market?.standardMetOn ?? '');
  const [version, setVersion] = useState(market?.version ?? null);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [reloading, setReloading] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const today = todayInVietnam();
  const id = useId();
  const ids = { commune: `${id}-c`, name: `${id}-n`, vendors: `${id}-v`, qr: `${id}-q`, met: `${id}-m`, title: `${id}-t` };
  // The form opens above the list: bring it into view (an edit may start from the bottom of a long list).
  const formRef = useRef<HTMLFormElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    formRef.current?.scrollIntoView({ block: 'start' });
    nameRef.current?.focus({ preventScroll: true });
  }, []);

  function validate(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    const v = Number(vendors);
    const q = Number(qrVendors);
    if (!communeCode) found.commune = 'Hãy chọn xã, phường của chợ.';
    if (!name.trim()) found.name = 'Hãy nhập tên chợ.';
    else if (name.trim().length > 200) found.name = 'Tên chợ dài quá 200 ký tự.';
    if (vendors.trim() === '' || !Number.isInteger(v) || v < 0 || v > MAX_VENDORS) found.vendors = `Số tiểu thương phải là số nguyên từ 0 đến ${formatCount(MAX_VENDORS)}.`;
    if (qrVendors.trim() === '' || !Number.isInteger(q) || q < 0) found.qrVendors = 'Số tiểu thương thanh toán QR phải là số nguyên không âm.';
    else if (!found.vendors && q > v) found.qrVendors = `Số tiểu thương thanh toán QR (${formatCount(q)}) không thể lớn hơn tổng số tiểu thương (${formatCount(v)}).`;
    if (metOn && metOn > today) found.standardMetOn = 'Ngày gắn biển “Chợ số” không thể ở tương lai.';
    return found;
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    setFailure(null);
    const found = validate();
    setProblems(found);
    if (Object.keys(found).length) return;
    try {
      const saved = await saveMarket({ variables: { input: {
        id: market?.id ?? null, communeCode, name: name.trim(), vendors: Number(vendors), qrVendors: Number(qrVendors),
        standardMetOn: metOn || null, expectedVersion: market ? version : null,
      } } });
      setConflict(null);
      await onSaved(saved.data?.saveMarket.name ?? name.trim());
    } catch (error) {
      const e = apiErrorOf(error);
      const field = e.extensions.field;
      if (e.code === 'CONFLICT') setConflict({ message: e.message, current: (e.extensions.current ?? {}) as Conflict['current'] });
      else if (e.code === 'BAD_USER_INPUT' && typeof field === 'string') setProblems({ [field]: e.message });
      else setFailure(e.message);
    }
  }

  async function reloadLatest() {
    setReloading(true);
    const latest = await reload().catch(() => null);
    if (latest) {
      // The other person's figures replace what was typed: look, then change again if still needed.
      setName(latest.name);
      setVendors(String(latest.vendors));
      setQr(String(latest.qrVendors));
      setMetOn(latest.standardMetOn ?? '');
      setVersion(latest.version);
      setConflict(null);
      setProblems({});
      setNotice('Đã tải lại số mới nhất.');
    } else {
      setFailure('Chưa tải lại được danh mục chợ; hãy thử lại.');
    }
    setReloading(false);
  }

  const problem = (field: Field, inputId: string) => problems[field]
    ? <small className="field-problem" id={`${inputId}-problem`} role="alert">{problems[field]}</small> : null;
  const aria = (field: Field, inputId: string) => problems[field]
    ? { 'aria-invalid': true as const, 'aria-describedby': `${inputId}-problem` } : {};

  return (
    <form ref={formRef} className="panel form market-form" onSubmit={save} noValidate aria-labelledby={ids.title} data-testid="market-form">
      <h2 id={ids.title}>{market ? `Sửa ${market.name}` : 'Thêm chợ vào danh mục Chợ số'}</h2>
      {conflict ? (
        <ConflictBox subject="Chợ" testId="market-conflict" onReload={() => void reloadLatest()} reloading={reloading}>
          <p>
            Hiện là: {conflict.current.name ?? market?.name}, <strong>{formatCount(conflict.current.vendors ?? 0)}</strong> tiểu thương,
            {' '}<strong>{formatCount(conflict.current.qrVendors ?? 0)}</strong> có thanh toán QR,
            {' '}{conflict.current.standardMetOn ? `gắn biển ngày ${formatDate(conflict.current.standardMetOn)}` : 'chưa đạt chuẩn'}
            {' '}(bạn nhập {formatCount(Number(vendors))} tiểu thương, {formatCount(Number(qrVendors))} có QR).
          </p>
        </ConflictBox>
      ) : null}
      <div className="form-grid">
        {market ? null : (
          <label className="field" htmlFor={ids.commune}>
            <span>Xã, phường</span>
            <select id={ids.commune} value={communeCode} onChange={(e) => setCommune(e.target.value)} disabled={communes.length === 1} {...aria('commune', ids.commune)}>
              {communes.length > 1 ? <option value="">— Chọn xã, phường —</option> : null}
              {communes.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
            </select>
            {problem('commune', ids.commune)}
          </label>
        )}
        <label className="field" htmlFor={ids.name}>
          <span>Tên chợ</span>
          <input ref={nameRef} id={ids.name} className="input" value={name} maxLength={220} onChange={(e) => setName(e.target.value)} placeholder="Chợ …" {...aria('name', ids.name)} />
          {problem('name', ids.name)}
        </label>
        <label className="field" htmlFor={ids.vendors}>
          <span>Số tiểu thương</span>
          <input id={ids.vendors} className="input" type="number" inputMode="numeric" min={0} max={MAX_VENDORS} step={1} value={vendors}
            onChange={(e) => setVendors(e.target.value)} {...aria('vendors', ids.vendors)} />
          {problem('vendors', ids.vendors)}
        </label>
        <label className="field" htmlFor={ids.qr}>
          <span>Tiểu thương có thanh toán QR</span>
          <input id={ids.qr} className="input" type="number" inputMode="numeric" min={0} step={1} value={qrVendors}
            onChange={(e) => setQr(e.target.value)} {...aria('qrVendors', ids.qr)} />
          {problem('qrVendors', ids.qr)}
        </label>
        <label className="field" htmlFor={ids.met}>
          <span>Ngày gắn biển “Chợ số” <small>(bỏ trống nếu chưa đạt chuẩn)</small></span>
          <input id={ids.met} className="input" type="date" max={today} value={metOn} onChange={(e) => setMetOn(e.target.value)} {...aria('standardMetOn', ids.met)} />
          {problem('standardMetOn', ids.met)}
        </label>
      </div>
      {failure ? <p className="form-error" role="alert">{failure}</p> : null}
      {notice ? <p className="form-ok" role="status">{notice}</p> : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving || reloading}>{saving ? 'Đang lưu…' : market ? 'Lưu thay đổi' : 'Thêm chợ'}</button>
        <button type="button" className="button" onClick={onCancel}>Hủy</button>
      </div>
    </form>
  );
}
