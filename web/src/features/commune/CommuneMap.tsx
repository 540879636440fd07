/** The hamlets as points inside their commune's outline, coloured like the province map. */
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { AreaMap, type AreaValue } from '../../components/AreaMap';
import { Legend } from '../../components/Legend';
import { Empty, ErrorState, Loading } from '../../components/States';
import type { LeaderboardRowFragment, Metric } from '../../gql/graphql';
import { metricLabel, metricUnit } from '../../lib/metrics';
import { classify } from '../../lib/palette';
import { type AreaFeatures, useGeo } from '../../lib/useGeo';
import { periodLabel } from '../teams/labels';
import { useAtRiskHamlets } from './useAtRiskHamlets';

interface Props {
  communeCode: string;
  parentCode: string;
  entries: readonly LeaderboardRowFragment[];
  metric: Metric;
}

export function CommuneMap({ communeCode, parentCode, entries, metric }: Props) {
  const navigate = useNavigate();
  const points = useGeo(communeCode);
  const province = useGeo(parentCode);
  const values = useMemo(() => new Map<string, AreaValue>(entries.map((e) => [e.area.code, e])), [entries]);
  const classification = useMemo(() => classify(entries.map((e) => e.value)), [entries]);
  // Staff see the hamlets whose team is at risk of missing its targets.
  const { flagged, loaded, period } = useAtRiskHamlets(communeCode);
  const outline = useMemo<AreaFeatures | undefined>(() => {
    if (province.status !== 'ready') return undefined;
    return { type: 'FeatureCollection', features: province.data.features.filter((f) => f.properties.code === communeCode) };
  }, [province, communeCode]);

  if (points.status === 'loading') return <Loading what="bản đồ thôn, xóm" />;
  if (points.status === 'error') return <ErrorState what="vị trí các thôn, xóm" error={{ message: points.message }} />;
  if (points.data.features.length === 0) return <Empty>Chưa có tọa độ của thôn, xóm nào để hiện trên bản đồ.</Empty>;
  return (
    <div className="map-with-legend compact">
      <AreaMap
        label={`Bản đồ các thôn, xóm theo ${metricLabel[metric].toLowerCase()}`}
        features={points.data}
        outline={outline?.features.length ? outline : undefined}
        values={values}
        classification={classification}
        unit={metricUnit[metric]}
        onOpen={(code) => navigate(`/thon/${code}`)}
        flagged={flagged.size ? flagged : undefined}
      />
      <Legend title={metricLabel[metric]} classification={classification} unit="thôn, xóm"
        flag={loaded ? { label: `Tổ nguy cơ không đạt chỉ tiêu ${periodLabel(period)}`, count: flagged.size } : undefined} />
    </div>
  );
}
