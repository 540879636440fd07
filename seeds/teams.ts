/*
 * Demo community digital teams on top of the demo hamlets: one team per hamlet with 3–9 members
 * (hamlet head, youth union first, then women's union, retired teachers, police…; some digital
 * ambassadors), targets for 2026-Q4 given to communes and teams, support activities from
 * 1 October 2026 to the demo's `today`, campaigns and a few digital markets. Deterministic (hash of
 * ids and `today`), set-based. As of `today`, about one team in five and a minority of communes
 * are at risk of missing a target (pace warning).
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../server/db/client';
import { rebuildActivityTotals } from '../server/modules/activities/queries';
import { daysInclusive, parsePeriod } from '../server/modules/targets/pace';

const h = (expr: ReturnType<typeof sql>, mod: number) => sql`(abs(hashtext((${expr})::text)) % ${mod})`;

/** The quarter the demo's teams work on. */
const QUARTER = parsePeriod('2026-Q4')!;
const QUARTER_DAYS = daysInclusive(QUARTER.start, QUARTER.end);

export interface SeedDemoTeamsOptions {
  /** Last day of the demo history (ISO date), the same day the households were seeded with. */
  today: string;
}

export async function seedDemoTeams(tx: Tx, options: SeedDemoTeamsOptions): Promise<void> {
  // Activities run from the quarter's first day to today (or the quarter's end).
  const last = options.today < QUARTER.end ? options.today : QUARTER.end;
  const elapsed = daysInclusive(QUARTER.start, last);

  // Teams: one per hamlet that has none, matched back to it by (commune, name, order).
  await tx.execute(sql`
    with hm as (
      select a.id, a.parent_id, 'Tổ công nghệ số cộng đồng ' || a.name as team_name,
             row_number() over (partition by a.parent_id, a.name order by a.id) as k
      from areas a where a.level = 'hamlet' and a.valid_to is null
        and not exists (select 1 from team_hamlets th where th.hamlet_id = a.id)),
    ins as (
      insert into teams (commune_id, name, decision_number, founded_on)
      select parent_id, team_name, (10 + ${h(sql`id`, 190)}) || '/QĐ-UBND', date '2025-08-04' + ${h(sql`id`, 40)}::int
      from hm order by id
      returning id, commune_id, name),
    numbered as (select id, commune_id, name, row_number() over (partition by commune_id, name order by id) as k from ins)
    insert into team_hamlets (team_id, hamlet_id)
    select n.id, hm.id from numbered n join hm on hm.parent_id = n.commune_id and hm.team_name = n.name and hm.k = n.k`);

  // Members: the hamlet head leads; the youth union comes first among the others.
  await tx.execute(sql`
    with names as (select
      array['Nông','Hoàng','Lục','Bế','Đàm','Lương','Triệu','Ma','Lý','Hà','Nguyễn','Vi','La','Mông'] as fam,
      array['Văn','Thị','Đức','Minh','Thu','Ngọc','Quang','Hồng'] as mid,
      array['Tú','Mai','Sơn','Hoa','Thắng','Lan','Hùng','Hương','Dũng','Nga','Cường','Thảo','Khánh','Vân','Tuấn','Diệp'] as giv,
      array['YOUTH_UNION','WOMENS_UNION','YOUTH_UNION','RETIRED_TEACHER','FARMERS_UNION','POLICE','VETERANS_ASSOCIATION','STUDENT'] as orgs)
    insert into team_members (team_id, full_name, role, organisation, is_ambassador, active, joined_on)
    select t.id,
           fam[1 + ${h(sql`t.id * 31 + n`, 14)}] || ' ' || mid[1 + ${h(sql`t.id * 17 + n`, 8)}] || ' ' || giv[1 + ${h(sql`t.id * 13 + n`, 16)}],
           (case when n = 1 then 'LEADER' when n = 2 then 'DEPUTY' else 'MEMBER' end)::team_member_role,
           (case when n = 1 then 'HAMLET_HEAD' else orgs[1 + (n - 2) % 8] end)::team_member_organisation,
           n = 2 or ${h(sql`t.id * 7 + n`, 6)} = 0,
           n < 9,
           t.founded_on
    from teams t cross join names
    cross join lateral generate_series(1, 3 + ${h(sql`t.id`, 7)}) n
    where not exists (select 1 from team_members m where m.team_id = t.id)`);

  // Pace of each team per metric: how fast it works towards its 2026-Q4 target (1 = exactly on
  // pace). Most teams are a little ahead; one team in ten lags on one metric, and in about one
  // commune in five ("weak" communes, by a hash of the code) over half the teams lag on people
  // supported, so those communes' own targets (a little above the sum of their teams') fall behind.
  await tx.execute(sql`
    create temp table seed_team_pace on commit drop as
    with c as (select id, ${h(sql`code || ':weak'`, 5)} = 0 as weak from areas where level = 'commune'),
    t as (
      select tm.id,
             ${h(sql`tm.id * 23`, 100)} < (case when c.weak then 55 else 10 end) as lagging,
             case when c.weak or ${h(sql`tm.id * 29`, 2)} = 0 then 'PEOPLE_SUPPORTED'
                  else (array['OUTREACH_SESSIONS','APP_INSTALLS','NEW_DIGITAL_FAMILIES'])[1 + ${h(sql`tm.id * 31`, 3)}] end as lag_metric
      from teams tm join c on c.id = tm.commune_id
      where not exists (select 1 from targets x where x.team_id = tm.id and x.period = ${QUARTER.period}))
    select t.id as team_id, m.metric, m.base, m.step, m.k,
           case when t.lagging and t.lag_metric = m.metric then 0.45 + ${h(sql`t.id * 37 + m.k`, 40)} / 100.0
                else 1.05 + ${h(sql`t.id * 41 + m.k`, 45)} / 100.0 end as pace
    from t cross join (values ('OUTREACH_SESSIONS', 4, 1, 1), ('PEOPLE_SUPPORTED', 30, 5, 2),
      ('APP_INSTALLS', 20, 4, 3), ('NEW_DIGITAL_FAMILIES', 2, 1, 4)) m(metric, base, step, k)`);

  // Targets for 2026-Q4. Logged metrics: from the hash, as a commune sets them. New digital
  // families come from the household data, so their target follows what the team's hamlets gain
  // this quarter (projected to its end) divided by the team's pace; a team whose hamlets gain none
  // and that is not lagging gets no such target. Then each commune a little above the sum of its
  // teams for people supported (so the shortfall warning shows), equal for the other metrics.
  await tx.execute(sql`
    insert into targets (period, metric, team_id, value)
    select ${QUARTER.period}, x.metric::target_metric, x.team_id, x.value
    from (
      select p.team_id, p.metric,
             case when p.metric <> 'NEW_DIGITAL_FAMILIES' or ${elapsed} = 0 then p.base + ${h(sql`p.team_id * 3 + p.k`, 5)} * p.step
                  when p.pace < 1 then greatest(1, ceil(g.projected / p.pace))
                  else floor(g.projected / p.pace) end::int as value
      from seed_team_pace p
      left join lateral (
        select sum(coalesce(e.digital_families, 0) - coalesce(b.digital_families, 0)) * ${QUARTER_DAYS}::numeric / greatest(${elapsed}, 1) as projected
        from team_hamlets th
        left join lateral (select digital_families from area_daily_totals d where d.area_id = th.hamlet_id and d.day <= ${last}::date
                           order by d.day desc limit 1) e on true
        left join lateral (select digital_families from area_daily_totals d where d.area_id = th.hamlet_id and d.day < ${QUARTER.start}::date
                           order by d.day desc limit 1) b on true
        where th.team_id = p.team_id) g on true) x
    where x.value >= 1
    on conflict do nothing`);
  await tx.execute(sql`
    insert into targets (period, metric, commune_id, value)
    select x.period, x.metric, tm.commune_id,
           (sum(x.value) * case when x.metric = 'PEOPLE_SUPPORTED' then 1.1 else 1 end)::int
    from targets x join teams tm on tm.id = x.team_id where x.period = ${QUARTER.period}
    group by x.period, x.metric, tm.commune_id
    on conflict do nothing`);

  // Activities from 1 October to the demo's today: what each team's pace gives for its logged
  // targets as of today (rounded up when ahead, down when behind, so the pace status is exact),
  // plus some lessons completed, in 1–6 records per metric spread over the days.
  if (elapsed > 0) {
    await tx.execute(sql`
      with plan as (
        select p.team_id, p.metric, p.k,
               (case when p.pace < 1 then floor(p.pace * x.value * ${elapsed} / ${QUARTER_DAYS}::numeric)
                     else ceil(p.pace * x.value * ${elapsed} / ${QUARTER_DAYS}::numeric) end)::int as total
        from seed_team_pace p join targets x on x.team_id = p.team_id and x.period = ${QUARTER.period} and x.metric::text = p.metric
        where p.metric <> 'NEW_DIGITAL_FAMILIES'
        union all
        select p.team_id, 'LESSONS_COMPLETED', 5, ceil((10 + ${h(sql`p.team_id * 43`, 40)}) * ${elapsed} / ${QUARTER_DAYS}::numeric)::int
        from seed_team_pace p where p.metric = 'OUTREACH_SESSIONS'),
      split as (select *, least(total, 1 + ${h(sql`team_id * 47 + k`, 6)}) as n from plan where total > 0)
      insert into support_activities (client_id, team_id, hamlet_id, metric, quantity, activity_on, note)
      select md5('demo-activity:' || s.team_id || ':' || s.metric || ':' || i)::uuid, s.team_id, th.hamlet_id, s.metric::target_metric,
             (s.total * i) / s.n - (s.total * (i - 1)) / s.n,
             ${QUARTER.start}::date + floor((i - 1 + ${h(sql`s.team_id * 53 + s.k * 7 + i`, 1000)} / 1000.0) * ${elapsed} / s.n)::int,
             case s.metric when 'OUTREACH_SESSIONS' then 'Họp xóm tuyên truyền về Bình dân học vụ số'
                           when 'APP_INSTALLS' then 'Hướng dẫn cài VNeID mức 2 và ví điện tử'
                           when 'LESSONS_COMPLETED' then 'Lớp “Bình dân học vụ số” buổi tối ở nhà văn hóa xóm'
                           else (array['Hướng dẫn nộp hồ sơ dịch vụ công', 'Hướng dẫn chuyển khoản QR'])[1 + ${h(sql`s.team_id + i`, 2)}] end
      from split s
      join lateral (select hamlet_id from team_hamlets where team_id = s.team_id order by hamlet_id limit 1) th on true
      cross join lateral generate_series(1, s.n) i`);
  }
  await rebuildActivityTotals(tx);

  await tx.execute(sql`
    insert into campaigns (kind, year, name, starts_on, ends_on) values
      ('SUMMER', 2026, 'Chiến dịch Thanh niên tình nguyện hè 2026', '2026-06-01', '2026-08-31'),
      ('SCHOOL_START', 2026, 'Phổ cập kỹ năng số mùa khai giảng 2026', '2026-09-01', '2026-10-31'),
      ('DIGITAL_TRANSFORMATION_DAY', 2026, 'Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10/2026', '2026-10-01', '2026-10-15')
    on conflict do nothing`);
  // Reports: about two communes in three reported on each campaign (youth union volunteers).
  await tx.execute(sql`
    insert into campaign_reports (campaign_id, commune_id, volunteers, people_supported, sessions, content, lessons_learnt)
    select k.id, c.id, 8 + ${h(sql`k.id * 31 + c.id`, 40)}, 120 + ${h(sql`k.id * 17 + c.id`, 900)}, 3 + ${h(sql`k.id * 7 + c.id`, 15)},
           (array['Hướng dẫn cài đặt và kích hoạt VNeID mức 2 tại nhà văn hóa xóm',
                  'Đi từng hộ hướng dẫn nộp hồ sơ dịch vụ công trực tuyến và thanh toán QR',
                  'Mở lớp “Bình dân học vụ số” buổi tối cho người cao tuổi',
                  'Hỗ trợ tiểu thương ở chợ mở tài khoản và in mã QR thanh toán'])[1 + ${h(sql`k.id * 5 + c.id`, 4)}],
           case when ${h(sql`k.id * 11 + c.id`, 3)} > 0 then
             (array['Chia nhóm nhỏ theo xóm và hẹn giờ tối thì bà con đến đông hơn',
                    'Cần mang theo máy phát wifi: nhiều nơi sóng yếu',
                    'Người cao tuổi cần được hướng dẫn lại sau một tuần; nên lập nhóm Zalo của xóm để hỏi đáp',
                    'Phối hợp với trưởng xóm báo trước giúp tiết kiệm thời gian đi lại'])[1 + ${h(sql`k.id * 13 + c.id`, 4)}] end
    from campaigns k cross join areas c
    where c.level = 'commune' and c.valid_to is null and ${h(sql`k.id * 3 + c.id`, 3)} > 0
    on conflict do nothing`);
  await tx.execute(sql`
    insert into digital_markets (commune_id, name, vendors, qr_vendors, standard_met_on)
    select c.id, 'Chợ ' || regexp_replace(c.name, '^(Xã|Phường|Đặc khu) ', ''), 40 + ${h(sql`c.id`, 120)} as vendors,
           (40 + ${h(sql`c.id`, 120)}) * (30 + ${h(sql`c.id * 7`, 70)}) / 100,
           case when ${h(sql`c.id * 7`, 70)} >= 40 then date '2026-03-01' + ${h(sql`c.id`, 200)}::int end
    from areas c where c.level = 'commune' and c.valid_to is null and ${h(sql`c.id * 13`, 3)} = 0
      and not exists (select 1 from digital_markets m where m.commune_id = c.id)`);
}
