/** Tổng quan tỉnh: headline cards, the communes' choropleth with its leaderboard, the trend. */
import { useQuery } from '@apollo/client/react';
import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router-dom';
import { Loading, ErrorState } from '../../components/States';
import { DatePicker, MetricPicker } from '../../components/ViewControls';
import { previousQuarterEnd } from '../../lib/dates';
import { formatDate } from '../../lib/format';
import { useViewParams } from '../../lib/useViewParams';
import { CommunesPanel } from './CommunesPanel';
import { ProvinceOverviewQuery } from './documents';
import { HeadlineCards } from './HeadlineCards';
import { overviewVariables } from './prefetch';
import { PageTitle } from '../../components/PageTitle';

// Recharts is large and the trend sits below the fold: the map and cards must not wait for it.
const TrendChart = lazy(async () => ({ default: (await import('../../components/TrendChart')).TrendChart }));

export function OverviewPage() {
  const view = useViewParams();
  const navigate = useNavigate();
  const previousAsOf = previousQuarterEnd(view.asOf);
  const { data, error, loading, refetch } = useQuery(ProvinceOverviewQuery, {
    variables: overviewVariables(view.asOf),
  });
  const area = data?.area;

  return (
    <div className="page overview">
      <div className="page-head">
        <div>
          <PageTitle>{`Tổng quan tỉnh ${area ? area.name.replace(/^Tỉnh /, '') : 'Cao Bằng'}`}</PageTitle>
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
          <Suspense fallback={<Loading what="biểu đồ diễn biến" />}>
          <TrendChart
            label="Diễn biến tỷ lệ Gia đình số và tỷ lệ đạt kỹ năng số toàn tỉnh theo tháng"
            series={[
              { key: 'family', name: 'Tỷ lệ Gia đình số', points: area.familySeries },
              { key: 'skill', name: 'Tỷ lệ đạt kỹ năng số', points: area.skillSeries },
            ]}
          />
          </Suspense>
        </section>
      ) : null}
    </div>
  );
}
