/** The province's headline figures, each with what it counts and its change since last quarter. */
import type { ProvinceOverviewQuery } from '../../gql/graphql';
import { formatCount, formatDate, formatPoints, formatRate } from '../../lib/format';

type Area = NonNullable<ProvinceOverviewQuery['area']>;

function Change({ now, before, since }: { now?: number | null; before?: number | null; since: string }) {
  if (now == null || before == null) return <small className="card-note">Chưa có số liệu cuối quý trước</small>;
  const delta = now - before;
  return (
    <small className={`card-note ${delta > 0 ? 'up' : delta < 0 ? 'down' : ''}`}>
      {delta > 0 ? '▲' : delta < 0 ? '▼' : '='} {formatPoints(delta)} so với {formatDate(since)}
    </small>
  );
}

export function HeadlineCards({ area, previousAsOf }: { area: Area; previousAsOf: string }) {
  const { family, skill, digitalHamlets } = area;
  return (
    <section className="cards" aria-label="Số liệu chính" data-testid="headline-cards">
      <article className="card card-primary">
        <h2>Tỷ lệ Gia đình số</h2>
        <p className="card-value">{formatRate(family.value)}</p>
        <p className="card-detail">{formatCount(family.numerator)}/{formatCount(family.denominator)} hộ</p>
        <Change now={family.value} before={area.familyBefore.value} since={previousAsOf} />
      </article>
      <article className="card">
        <h2>Số hộ gia đình</h2>
        <p className="card-value">{formatCount(family.denominator)}</p>
        <p className="card-detail">{formatCount(family.denominator - family.numerator)} hộ chưa đạt Gia đình số</p>
      </article>
      <article className="card">
        <h2>Xóm số</h2>
        <p className="card-value">{formatCount(digitalHamlets.count)}<span className="card-of">/{formatCount(digitalHamlets.total)}</span></p>
        <p className="card-detail">
          thôn, xóm đạt ngưỡng {digitalHamlets.threshold != null ? formatRate(digitalHamlets.threshold) : '—'} hộ Gia đình số
        </p>
      </article>
      <article className="card">
        <h2>Tỷ lệ đạt kỹ năng số cơ bản</h2>
        <p className="card-value">{formatRate(skill.value)}</p>
        <p className="card-detail">{formatCount(skill.numerator)}/{formatCount(skill.denominator)} người</p>
        <Change now={skill.value} before={area.skillBefore.value} since={previousAsOf} />
      </article>
    </section>
  );
}
