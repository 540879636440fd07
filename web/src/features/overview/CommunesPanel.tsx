/** The communes coloured by the chosen indicator, with the legend and the leaderboard beside. */
import { useQuery } from '@apollo/client/react';
import { type ReactNode, useMemo } from 'react';
import { AreaMap, type AreaValue } from '../../components/AreaMap';
import { LeaderboardTable } from '../../components/LeaderboardTable';
import { Legend } from '../../components/Legend';
import { Empty, ErrorState, Loading } from '../../components/States';
import { PROVINCE_CODE } from '../../lib/config';
import { todayInVietnam } from '../../lib/dates';
import { formatDate } from '../../lib/format';
import { metricLabel, metricUnit } from '../../lib/metrics';
import { classify } from '../../lib/palette';
import { useGeo } from '../../lib/useGeo';
import type { ViewParams } from '../../lib/useViewParams';
import { useMe } from '../access/session';
import { periodLabel, quarterOf } from '../teams/labels';
import { CommunesLeaderboardQuery, OverviewAtRiskQuery } from './documents';

/** This quarter in Vietnam, e.g. 2026-Q4. */
const currentQuarter = () => quarterOf(todayInVietnam());

export function CommunesPanel({ view, onOpen, controls }: { view: ViewParams; onOpen(code: string): void; controls: ReactNode }) {
  const geo = useGeo(PROVINCE_CODE);
  const { data, error, loading, refetch } = useQuery(CommunesLeaderboardQuery, {
    variables: { parentCode: PROVINCE_CODE, metric: view.metric, asOf: view.asOf },
  });
  const entries = data?.leaderboard;
  const values = useMemo(() => new Map<string, AreaValue>((entries ?? []).map((e) => [e.area.code, e])), [entries]);
  const classification = useMemo(() => {
    const codes = geo.status === 'ready' ? geo.data.features.map((f) => f.properties.code) : [...values.keys()];
    return classify(codes.map((code) => values.get(code)?.value));
  }, [geo, values]);
  const unit = metricUnit[view.metric];
  // Early warning for the province: communes at risk of missing their targets, asked for only
  // once the map is drawn and only by province staff (the public never sees targets).
  const { me } = useMe();
  const period = currentQuarter();
  const risk = useQuery(OverviewAtRiskQuery, {
    variables: { period, provinceCode: PROVINCE_CODE },
    skip: !me || !me.role.startsWith('PROVINCE') || geo.status !== 'ready' || !entries,
  });
  const flagged = useMemo(() => new Map((risk.data?.atRisk.communes ?? []).map((c) => [c.area.code, `có nguy cơ không đạt chỉ tiêu ${periodLabel(period)}`])), [risk.data, period]);

  return (
    <section className="panel map-panel" aria-labelledby="communes-heading">
      <div className="panel-head">
        <h2 id="communes-heading">{metricLabel[view.metric]} theo xã, phường</h2>
        {controls}
      </div>
      <div className="map-layout">
        <div className="map-column">
          {geo.status === 'loading' || (loading && !data) ? <Loading what="bản đồ các xã, phường" /> : null}
          {geo.status === 'error' ? <ErrorState what="ranh giới các xã, phường" error={{ message: geo.message }} /> : null}
          {error ? <ErrorState what="bảng xếp hạng các xã, phường" error={error} onRetry={() => void refetch()} /> : null}
          {geo.status === 'ready' && entries ? (
            geo.data.features.length === 0 ? (
              <Empty>Chưa có ranh giới xã, phường để vẽ bản đồ. Quản trị viên cần nạp dữ liệu ranh giới (GeoJSON).</Empty>
            ) : (
              <div className="map-with-legend">
                <AreaMap
                  label={`Bản đồ ${metricLabel[view.metric].toLowerCase()} các xã, phường tại ngày ${formatDate(view.asOf)}`}
                  features={geo.data}
                  values={values}
                  classification={classification}
                  unit={unit}
                  onOpen={onOpen}
                  flagged={flagged.size ? flagged : undefined}
                />
                <Legend title={metricLabel[view.metric]} classification={classification} unit="xã"
                  flag={risk.data ? { label: `Nguy cơ không đạt chỉ tiêu ${periodLabel(period)}`, count: flagged.size } : undefined} />
              </div>
            )
          ) : null}
        </div>
        <div className="board-column">
          {entries ? (
            entries.length === 0 ? (
              <Empty>Chưa có xã, phường nào có số liệu. Hãy nhập danh sách hộ gia đình (npm run import).</Empty>
            ) : (
              <LeaderboardTable
                testId="communes-leaderboard"
                caption={`Xếp hạng xã, phường — ${metricLabel[view.metric].toLowerCase()}`}
                entries={entries}
                unit={unit}
                linkTo={(code) => `/xa/${code}${window.location.search}`}
                flagged={flagged}
              />
            )
          ) : null}
        </div>
      </div>
    </section>
  );
}
