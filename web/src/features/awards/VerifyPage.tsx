/** Xác minh giấy khen: where the QR code on a certificate leads (/xac-minh/<mã>); valid, revoked or unknown. */
import { useQuery } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorState, Loading } from '../../components/States';
import { formatDate } from '../../lib/format';
import { VerifyCertificateQuery } from './documents';
import { PageTitle } from '../../components/PageTitle';

function CodeForm({ initial }: { initial?: string }) {
  const navigate = useNavigate();
  const id = useId();
  const [code, setCode] = useState(initial ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = code.trim().toUpperCase();
    if (value) navigate(`/xac-minh/${encodeURIComponent(value)}`);
  };
  return (
    <form className="controls code-form" onSubmit={submit}>
      <div className="control">
        <label htmlFor={id}>Mã giấy khen (in dưới mã QR)</label>
        <input id={id} className="input" value={code} onChange={(e) => setCode(e.target.value)} maxLength={40}
          autoComplete="off" spellCheck={false} placeholder="Ví dụ: 2025-ABCD2345" />
      </div>
      <button type="submit" className="button">Xác minh</button>
    </form>
  );
}

export function VerifyPage() {
  const { code = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(VerifyCertificateQuery, { variables: { code }, skip: !code });
  const result = data?.verifyCertificate;
  const entry = result?.entry;

  return (
    <>
      <div className="page-head">
        <div>
          <PageTitle>Xác minh giấy khen</PageTitle>
          <h1>Xác minh giấy khen</h1>
          <p className="lead">Kiểm tra một giấy khen, bằng khen của phong trào Bình dân học vụ số có thật và còn hiệu lực hay không.</p>
        </div>
      </div>
      {!code ? <CodeForm /> : null}
      {code && loading && !data ? <Loading what="kết quả xác minh" /> : null}
      {code && error && !data ? <ErrorState what="kết quả xác minh" error={error} onRetry={() => void refetch()} /> : null}
      {result ? (
        <section className={`verdict verdict-${result.status.toLowerCase()}`} data-testid="verification" data-status={result.status}
          role="status" aria-live="polite">
          <p className="verdict-head">
            <span className="verdict-icon" aria-hidden="true">{result.status === 'VALID' ? '✓' : result.status === 'REVOKED' ? '!' : '?'}</span>
            <strong>
              {result.status === 'VALID' ? 'Giấy khen hợp lệ' : result.status === 'REVOKED' ? 'Giấy khen đã bị thu hồi' : 'Không tìm thấy giấy khen'}
            </strong>
          </p>
          <p>Mã: <span className="code">{code.trim().toUpperCase()}</span></p>
          {result.status === 'REVOKED' ? (
            <p>
              Thu hồi ngày {result.revokedOn ? formatDate(result.revokedOn) : '—'}
              {result.revokedReason ? <>. Lý do: {result.revokedReason}</> : null}
            </p>
          ) : null}
          {result.status === 'UNKNOWN' ? (
            <p>Không có giấy khen nào mang mã này trong hệ thống. Hãy kiểm tra lại từng ký tự của mã; nếu mã đúng, giấy khen có thể là giả — xin báo cho Ủy ban nhân dân xã hoặc Sở Khoa học và Công nghệ.</p>
          ) : null}
          {entry ? (
            <dl className="facts">
              <dt>Hình thức</dt><dd>{entry.kind}</dd>
              <dt>Danh hiệu</dt><dd>{entry.titleLabel} năm {entry.year}</dd>
              <dt>Người/đơn vị được khen</dt><dd>{entry.maskedName}</dd>
              <dt>Xã/phường</dt><dd>{entry.communeName}</dd>
              <dt>Quyết định</dt><dd>Số {entry.decisionNumber} ngày {formatDate(entry.decidedOn)}</dd>
            </dl>
          ) : null}
        </section>
      ) : null}
      {code ? (
        <section className="panel spaced">
          <h2>Xác minh mã khác</h2>
          <CodeForm key={code} />
        </section>
      ) : null}
      <p className="note"><Link to="/bang-vang">Xem Bảng vàng</Link></p>
    </>
  );
}
