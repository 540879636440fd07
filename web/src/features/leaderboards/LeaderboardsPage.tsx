/** Bảng xếp hạng: communes of the province or hamlets of a commune, by level or by improvement. */
import { useQuery } from '@apollo/client/react';
import { useId, useMemo } from 'react';
import { LeaderboardTable } from '../../components/LeaderboardTable';
import { Empty, ErrorState, Loading } from '../../components/States';
import { DatePicker, MetricPicker } from '../../components/ViewControls';
import { byName } from '../../lib/collate';
import { PROVINCE_CODE } from '../../lib/config';
import { MOVEMENT_START, previousMonthEnd, previousQuarterEnd } from '../../lib/dates';
import { formatDate } from '../../lib/format';
import { metricLabel, metricUnit } from '../../lib/metrics';
import { useViewParams } from '../../lib/useViewParams';
import { AnyLeaderboardQuery, CommuneChoicesQuery } from './documents';
import { PageTitle } from '../../components/PageTitle';

type Mode = 'level' | 'quarter' | 'month' | 'start';

export function LeaderboardsPage() {
  const view = useViewParams();
  const ids = { scope: useId(), mode: useId() };
  const commune = view.params.get('xa');
  const mode = (['level', 'quarter', 'month', 'start'] as const).find((m) => m === view.params.get('kieu')) ?? 'level';
  const since: Record<Mode, string | null> = {
    level: null,
    quarter: previousQuarterEnd(view.asOf),
    month: previousMonthEnd(view.asOf),
    start: MOVEMENT_START,
  };
  const choices = useQuery(CommuneChoicesQuery, { variables: { parentCode: PROVINCE_CODE } });
  const communes = useMemo(() => [...(choices.data?.areas ?? [])].sort(byName), [choices.data]);
  const parentCode = commune ?? PROVINCE_CODE;
  const board = useQuery(AnyLeaderboardQuery, {
    variables: { parentCode, metric: view.metric, asOf: view.asOf, since: since[mode] },
  });
  const scopeName = commune ? communes.find((c) => c.code === commune)?.name ?? commune : 'Tỉnh Cao Bằng';
  const improvement = mode !== 'level';

  return (
    <div className="page leaderboards">
      <div className="page-head">
        <div>
          <PageTitle>Bảng xếp hạng</PageTitle>
          <h1>Bảng xếp hạng</h1>
          <p className="lead">Xếp hạng theo quy tắc thống nhất: cùng tỷ lệ thì cùng hạng; dưới 10 hộ không xếp hạng.</p>
        </div>
      </div>
      <div className="controls controls-wide">
        <div className="control">
          <label htmlFor={ids.scope}>Phạm vi</label>
          <select id={ids.scope} value={commune ?? ''} onChange={(e) => view.set({ xa: e.target.value || null })}>
            <option value="">Các xã, phường của tỉnh</option>
            {communes.map((c) => <option key={c.code} value={c.code}>Các thôn, xóm của {c.name}</option>)}
          </select>
        </div>
        <div className="control">
          <label htmlFor={ids.mode}>Kiểu xếp hạng</label>
          <select id={ids.mode} value={mode} onChange={(e) => view.set({ kieu: e.target.value === 'level' ? null : e.target.value })}>
            <option value="level">Theo mức đạt</option>
            <option value="quarter">Tiến bộ nhanh nhất từ cuối quý trước</option>
            <option value="month">Tiến bộ nhanh nhất từ cuối tháng trước</option>
            <option value="start">Tiến bộ từ khi bắt đầu theo dõi</option>
          </select>
        </div>
        <DatePicker view={view} />
        <MetricPicker view={view} />
      </div>
      <section className="panel">
        {board.loading && !board.data ? <Loading what="bảng xếp hạng" /> : null}
        {board.error ? <ErrorState what="bảng xếp hạng" error={board.error} onRetry={() => void board.refetch()} /> : null}
        {board.data ? (
          board.data.leaderboard.length === 0 ? (
            <Empty>Phạm vi này chưa có đơn vị nào để xếp hạng. Hãy chọn phạm vi khác.</Empty>
          ) : (
            <LeaderboardTable
              testId="leaderboard"
              caption={
                improvement
                  ? `${scopeName}: mức tăng ${metricLabel[view.metric].toLowerCase()} từ ${formatDate(since[mode] ?? '')} đến ${formatDate(view.asOf)}`
                  : `${scopeName}: ${metricLabel[view.metric].toLowerCase()} tại ngày ${formatDate(view.asOf)}`
              }
              entries={board.data.leaderboard}
              unit={metricUnit[view.metric]}
              improvement={improvement}
              linkTo={(code) => (commune ? `/thon/${code}` : `/xa/${code}`)}
            />
          )
        ) : null}
      </section>
    </div>
  );
}
