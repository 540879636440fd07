/** Bảng vàng: the year's awardees (names masked by the API), by title and commune, each with its certificate's verification link. */
import { useQuery } from '@apollo/client/react';
import { useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Empty, ErrorState, Loading } from '../../components/States';
import type { HonourEntryFieldsFragment } from '../../gql/graphql';
import { viCollator, byName } from '../../lib/collate';
import { PROVINCE_CODE } from '../../lib/config';
import { todayInVietnam } from '../../lib/dates';
import { formatCount, formatDate } from '../../lib/format';
import { HonourRollQuery } from './documents';
import { PageTitle } from '../../components/PageTitle';

/** The first year of the movement's awards (the movement started in July 2025). */
const FIRST_YEAR = 2025;

function yearsUpTo(current: number): number[] {
  const years: number[] = [];
  for (let y = current; y >= FIRST_YEAR; y--) years.push(y);
  return years;
}

export function HonourRollPage() {
  const [params, setParams] = useSearchParams();
  const currentYear = Math.max(FIRST_YEAR, Number(todayInVietnam().slice(0, 4)));
  const asked = Number(params.get('nam'));
  const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= currentYear ? asked : currentYear;
  const commune = params.get('xa') || null;
  const ids = { year: useId(), commune: useId() };
  const { data, previousData, loading, error, refetch } = useQuery(HonourRollQuery, {
    variables: { year, communeCode: commune, parentCode: PROVINCE_CODE },
  });
  const shown = data ?? previousData;

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const groups = useMemo(() => {
    const byTitle = new Map<string, HonourEntryFieldsFragment[]>();
    for (const entry of shown?.honourRoll ?? []) {
      const list = byTitle.get(entry.titleLabel) ?? [];
      list.push(entry);
      byTitle.set(entry.titleLabel, list);
    }
    return [...byTitle.entries()]
      .sort(([a], [b]) => viCollator.compare(a, b))
      .map(([title, entries]) => ({
        title,
        entries: [...entries].sort((a, b) => viCollator.compare(a.communeName, b.communeName) || viCollator.compare(a.maskedName, b.maskedName)),
      }));
  }, [shown]);
  const communes = useMemo(() => [...(shown?.areas ?? [])].sort(byName), [shown]);

  return (
    <>
      <div className="page-head">
        <div>
          <PageTitle>{`Bảng vàng năm ${year}`}</PageTitle>
          <h1>Bảng vàng năm {year}</h1>
          <p className="lead">Gia đình, công dân và tổ tiêu biểu được khen thưởng trong phong trào Bình dân học vụ số. Họ tên được viết tắt để bảo vệ thông tin cá nhân.</p>
        </div>
        <div className="controls">
          <div className="control">
            <label htmlFor={ids.year}>Năm</label>
            <select id={ids.year} value={year} onChange={(e) => set('nam', e.target.value === String(currentYear) ? null : e.target.value)}>
              {yearsUpTo(currentYear).map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </div>
          <div className="control">
            <label htmlFor={ids.commune}>Xã/phường</label>
            <select id={ids.commune} value={commune ?? ''} onChange={(e) => set('xa', e.target.value || null)}>
              <option value="">Toàn tỉnh</option>
              {communes.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
            </select>
          </div>
        </div>
      </div>

      {error && !shown ? <ErrorState what="bảng vàng" error={error} onRetry={() => void refetch()} /> : null}
      {loading && !shown ? <Loading what="bảng vàng" /> : null}
      {shown && groups.length === 0 ? (
        <Empty>Chưa có ai được khen thưởng {commune ? 'ở xã/phường này ' : ''}trong năm {year}.</Empty>
      ) : null}
      {shown && groups.length > 0 ? (
        <p className="note" aria-live="polite">{formatCount(shown.honourRoll.length)} người/đơn vị được khen thưởng.</p>
      ) : null}

      <div data-testid="honour-roll">
        {groups.map((group) => (
          <section className="panel" key={group.title} aria-labelledby={`title-${group.title}`}>
            <h2 id={`title-${group.title}`}>{group.title} <span className="note">({formatCount(group.entries.length)})</span></h2>
            <ul className="honour-list">
              {group.entries.map((entry) => (
                <li key={entry.code} className="honour-item" data-code={entry.code}>
                  <span className="honour-name">{entry.maskedName}</span>
                  <span className="honour-commune">{entry.communeName}</span>
                  <span className="honour-decision">
                    {entry.kind} · Quyết định số {entry.decisionNumber} ngày {formatDate(entry.decidedOn)}
                  </span>
                  <Link className="honour-verify" to={`/xac-minh/${encodeURIComponent(entry.code)}`}>
                    Xác minh giấy khen <span className="code">{entry.code}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
