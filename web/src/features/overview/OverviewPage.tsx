/** Tổng quan tỉnh: headline cards, the communes' choropleth with its leaderboard, the trend. */
import { useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router-dom';
import { Loading, ErrorState } from '../../components/States';
import { TrendChart } from '../../components/TrendChart';
import { DatePicker, MetricPicker } from '../../components/ViewControls';
import { PROVINCE_CODE } from '../../lib/config';
import { previousQuarterEnd, SERIES_START } from '../../lib/dates';
import { formatDate } from '../../lib/format';
import { useViewParams } from '../../lib/useViewParams';
import { CommunesPanel } from './CommunesPanel';
import { ProvinceOverviewQuery } from './documents';
import { HeadlineCards } from './HeadlineCards';

export function OverviewPage() {
  const view = useViewParams();
  const navigate = useNavigate();
  const previousAsOf = previousQuarterEnd(view.asOf);
  const { data, error, loading, refetch } = useQuery(ProvinceOverviewQuery, {
    variables: { code: PROVINCE_CODE, asOf: view.asOf, previousAsOf, from: SERIES_START },
  });
  const area = data?.area;

  return (
    <div className="page overview">
      <div className="page-head">
        <div>
          <h1>Tổng quan tỉnh {area ? area.name.replace(/^Tỉnh /, '') : 'Cao Bằng'}</h1>
          <p className="lead">Phong trào “Bình dân học vụ số” — số liệu tại ngày {formatDate(view.asOf)}</p>
        </div>
        <div className="controls">
          <DatePicker view={view} />
        </div>
      </div>

      {loading && !data ? <Loading what="số liệu toàn tỉnh" /> : null}
      {error ? <ErrorState what="số liệu toàn tỉnh" error={error} onRetry={() => void refetch()} /> : null}
      {!loading && !error && !area ? (
        <ErrorState what="tỉnh Cao Bằng" error={{ message: 'Chưa có dữ liệu địa bàn mã 04; hãy nạp dữ liệu (npm start tự nạp dữ liệu mẫu).' }} />
      ) : null}
      {area ? <HeadlineCards area={area} previousAsOf={previousAsOf} /> : null}

      <CommunesPanel view={view} onOpen={(code) => navigate(`/xa/${code}${window.location.search}`)} controls={<MetricPicker view={view} />} />

      {area ? (
        <section className="panel">
          <h2>Diễn biến theo tháng</h2>
          <TrendChart
            label="Diễn biến tỷ lệ Gia đình số và tỷ lệ đạt kỹ năng số toàn tỉnh theo tháng"
            series={[
              { key: 'family', name: 'Tỷ lệ Gia đình số', points: area.familySeries },
              { key: 'skill', name: 'Tỷ lệ đạt kỹ năng số', points: area.skillSeries },
            ]}
          />
        </section>
      ) : null}
    </div>
  );
}
