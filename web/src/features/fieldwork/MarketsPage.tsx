/*
 * Chợ số – Nông thôn số: the registry of markets, their vendors, how many take QR payments, and
 * whether (and since when) the market met the standard. Public; filter by commune in the URL.
 */
import { useQuery } from '@apollo/client/react';
import { useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Empty, ErrorState, Loading } from '../../components/States';
import { viCollator, viNaturalCollator } from '../../lib/collate';
import { PROVINCE_CODE } from '../../lib/config';
import { formatCount, formatDate, formatRate } from '../../lib/format';
import { MarketsQuery } from './documents';

export function MarketsPage() {
  const [params, setParams] = useSearchParams();
  const commune = params.get('xa') || null;
  const only = params.get('dat-chuan') === '1';
  const ids = { commune: useId(), met: useId() };
  const { data, error, loading, refetch } = useQuery(MarketsQuery, { variables: { parentCode: PROVINCE_CODE } });

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

  return (
    <div className="page markets">
      <div className="page-head">
        <div>
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
        </div>
      </div>

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
                          {m.metStandard && m.standardMetOn ? <span className="met">✓ Gắn biển ngày {formatDate(m.standardMetOn)}</span> : <span className="muted">Chưa đạt</span>}
                        </td>
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
