/** Thôn/xóm: counts, trend and which criteria its households still miss. */
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router-dom';
import { Empty, ErrorState, Loading } from '../../components/States';
import { TrendChart } from '../../components/TrendChart';
import { DatePicker } from '../../components/ViewControls';
import { MOVEMENT_START } from '../../lib/dates';
import { formatCount, formatDate, formatRate } from '../../lib/format';
import { useViewParams } from '../../lib/useViewParams';
import { HamletTeamsPanel } from '../teams/HamletTeamsPanel';
import { HamletPageQuery } from './documents';
import { PageTitle } from '../../components/PageTitle';

export function HamletPage() {
  const { code = '' } = useParams();
  const view = useViewParams();
  const { data, error, loading, refetch } = useQuery(HamletPageQuery, { variables: { code, asOf: view.asOf, from: MOVEMENT_START } });
  if (loading && !data) return <Loading what="số liệu thôn, xóm" />;
  if (error) return <ErrorState what="số liệu thôn, xóm" error={error} onRetry={() => void refetch()} />;
  const area = data?.area;
  if (!area) return <Empty>Không có thôn, xóm mã “{code}”. <Link to="/">Về bản đồ toàn tỉnh</Link> để chọn lại.</Empty>;
  const search = window.location.search;
  const threshold = area.digitalHamlets.threshold;
  const isDigital = area.digitalHamlets.count > 0;

  return (
    <div className="page hamlet">
      <nav className="breadcrumb" aria-label="Vị trí">
        {area.parent?.parent ? <><Link to={`/${search}`}>{area.parent.parent.name}</Link> › </> : null}
        {area.parent ? <><Link to={`/xa/${area.parent.code}${search}`}>{area.parent.name}</Link> › </> : null}
        <span>{area.name}</span>
      </nav>
      <div className="page-head">
        <div>
          <PageTitle>{area.parent ? `${area.name}, ${area.parent.name}` : area.name}</PageTitle>
          <h1>
            {area.name} {isDigital ? <span className="badge">Xóm số</span> : null}
          </h1>
          <p className="lead">Số liệu tại ngày {formatDate(view.asOf)}</p>
        </div>
        <div className="controls"><DatePicker view={view} /></div>
      </div>
      <section className="cards" aria-label="Số liệu chính">
        <article className="card card-primary">
          <h2>Tỷ lệ Gia đình số</h2>
          <p className="card-value">{formatRate(area.family.value)}</p>
          <p className="card-detail">{formatCount(area.family.numerator)}/{formatCount(area.family.denominator)} hộ</p>
          {threshold != null ? (
            <small className="card-note">Ngưỡng Xóm số: {formatRate(threshold)}</small>
          ) : null}
        </article>
        <article className="card">
          <h2>Tỷ lệ đạt kỹ năng số cơ bản</h2>
          <p className="card-value">{formatRate(area.skill.value)}</p>
          <p className="card-detail">{formatCount(area.skill.numerator)}/{formatCount(area.skill.denominator)} người</p>
        </article>
        <article className="card">
          <h2>Hộ chưa đạt Gia đình số</h2>
          <p className="card-value">{formatCount(area.family.denominator - area.family.numerator)}</p>
          <p className="card-detail">trên {formatCount(area.family.denominator)} hộ</p>
        </article>
      </section>
      <div className="two-col">
        <section className="panel">
          <h2>Diễn biến theo tháng</h2>
          <TrendChart
            label={`Diễn biến của ${area.name}`}
            series={[
              { key: 'family', name: 'Tỷ lệ Gia đình số', points: area.familySeries },
              { key: 'skill', name: 'Tỷ lệ đạt kỹ năng số', points: area.skillSeries },
            ]}
          />
        </section>
        <section className="panel">
          <h2>Từng tiêu chí Gia đình số</h2>
          {area.criteria.length === 0 ? (
            <Empty>Chưa có bộ tiêu chí áp dụng tại ngày này. Sở KH&amp;CN cần ban hành bộ tiêu chí của năm.</Empty>
          ) : (
            <ul className="criteria-bars">
              {area.criteria.map((c) => (
                <li key={c.code}>
                  <span className="criteria-label">{c.label}</span>
                  <span className="bar" aria-hidden="true"><span style={{ width: `${(c.share ?? 0) * 100}%` }} /></span>
                  <span className="criteria-value">{formatRate(c.share)} <small>({formatCount(c.met)}/{formatCount(c.households)} hộ)</small></span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {area.parent ? <HamletTeamsPanel hamletCode={area.code} communeCode={area.parent.code} /> : null}
    </div>
  );
}
