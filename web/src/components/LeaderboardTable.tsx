/** A leaderboard in display order as the API returns it: rank, movement, value, counts, badge. */
import { Link } from 'react-router-dom';
import { graphql } from '../gql';
import type { LeaderboardRowFragment } from '../gql/graphql';
import { formatCount, formatPoints, formatRate, formatRatePrecise } from '../lib/format';
import { separatingDigits } from '../lib/rank-precision';

export const LeaderboardRow = graphql(`
  fragment LeaderboardRow on LeaderboardEntry {
    rank
    ranked
    previousRank
    value
    numerator
    denominator
    isDigitalHamlet
    area { code name level }
  }
`);

function Movement({ rank, previousRank }: { rank: number | null | undefined; previousRank: number | null | undefined }) {
  if (rank == null || previousRank == null) return <span className="move move-none" title="Chưa có hạng kỳ trước">–</span>;
  const delta = previousRank - rank;
  if (delta > 0) return <span className="move move-up" title={`Tăng ${delta} bậc so với cuối quý trước`}>▲{delta}</span>;
  if (delta < 0) return <span className="move move-down" title={`Giảm ${-delta} bậc so với cuối quý trước`}>▼{-delta}</span>;
  return <span className="move move-same" title="Giữ nguyên hạng">=</span>;
}

export interface LeaderboardTableProps {
  entries: readonly LeaderboardRowFragment[];
  caption: string;
  unit: string;
  /** Improvement ranking: value is a difference in points. */
  improvement?: boolean;
  linkTo: (code: string) => string;
  selectable?: { selected: readonly string[]; onToggle(code: string): void; max: number };
  testId?: string;
  /** Staff only: areas at risk of missing a target (code → detail shown on hover), marked ⚠. */
  flagged?: ReadonlyMap<string, string>;
}

/** The at-risk marker: one accessible name whatever the detail, so it reads the same everywhere. */
export const AT_RISK_LABEL = 'Có nguy cơ không đạt chỉ tiêu';
const sentence = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);


export function LeaderboardTable({ entries, caption, unit, improvement, linkTo, selectable, testId, flagged }: LeaderboardTableProps) {
  const digits = improvement ? new Map<string, number>() : separatingDigits(entries);
  return (
    <div className="table-wrap">
      <table className="leaderboard" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {selectable ? <th scope="col"><span className="sr-only">So sánh</span></th> : null}
            <th scope="col">Hạng</th>
            <th scope="col" className="name-col">Tên</th>
            <th scope="col" className="num">{improvement ? 'Tăng' : 'Tỷ lệ'}</th>
            <th scope="col" className="num counts-col">{improvement ? `Hiện có (${unit})` : `Đạt/tổng (${unit})`}</th>
            {improvement ? null : <th scope="col" title="So với cuối quý trước">Biến động</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const checked = selectable?.selected.includes(e.area.code) ?? false;
            return (
              <tr key={e.area.code} className={e.ranked ? undefined : 'unranked'} data-code={e.area.code}>
                {selectable ? (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`So sánh ${e.area.name}`}
                      checked={checked}
                      disabled={!checked && selectable.selected.length >= selectable.max}
                      onChange={() => selectable.onToggle(e.area.code)}
                    />
                  </td>
                ) : null}
                <td className="rank">{e.ranked && e.rank != null ? e.rank : <span className="unranked-label">Chưa xếp hạng</span>}</td>
                <td className="name-col">
                  <Link to={linkTo(e.area.code)}>{e.area.name}</Link>
                  {flagged?.has(e.area.code) ? (
                    <span className="risk-mark" role="img" aria-label={AT_RISK_LABEL} title={sentence(flagged.get(e.area.code) ?? AT_RISK_LABEL)}>⚠</span>
                  ) : null}
                  {e.isDigitalHamlet ? <span className="badge" title="Đạt chuẩn Xóm số">Xóm số</span> : null}
                </td>
                <td className="num value" title={improvement || e.value == null ? undefined
                  : `${formatRatePrecise(e.value, 3)} (${formatCount(e.numerator)}/${formatCount(e.denominator)} ${unit})`}>
                  {improvement ? formatPoints(e.value) : digits.has(e.area.code) ? formatRatePrecise(e.value, digits.get(e.area.code)!) : formatRate(e.value)}
                </td>
                <td className="num counts">{formatCount(e.numerator)}/{formatCount(e.denominator)}</td>
                {improvement ? null : <td className="movement"><Movement rank={e.rank} previousRank={e.previousRank} /></td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
