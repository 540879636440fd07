/*
 * Demo community digital teams on top of the demo hamlets: one team per hamlet with 3–9 members
 * (hamlet head, youth union first, then women's union, retired teachers, police…; some digital
 * ambassadors), targets for 2026-Q4 given to communes and teams, support activities in October and
 * November 2026, campaigns and a few digital markets. Deterministic (hash of ids), set-based.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../server/db/client';
import { rebuildActivityTotals } from '../server/modules/activities/queries';

const h = (expr: ReturnType<typeof sql>, mod: number) => sql`(abs(hashtext((${expr})::text)) % ${mod})`;

export async function seedDemoTeams(tx: Tx): Promise<void> {
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

  // Targets for 2026-Q4: teams first, then each commune a little above the sum of its teams for
  // people supported (so the shortfall warning shows), equal for the other metrics.
  await tx.execute(sql`
    insert into targets (period, metric, team_id, value)
    select '2026-Q4', m.metric::target_metric, t.id, m.base + ${h(sql`t.id * 3 + m.k`, 5)} * m.step
    from teams t cross join (values ('OUTREACH_SESSIONS', 4, 1, 1), ('PEOPLE_SUPPORTED', 30, 5, 2),
      ('APP_INSTALLS', 20, 4, 3), ('NEW_DIGITAL_FAMILIES', 2, 1, 4)) m(metric, base, step, k)
    on conflict do nothing`);
  await tx.execute(sql`
    insert into targets (period, metric, commune_id, value)
    select x.period, x.metric, tm.commune_id,
           (sum(x.value) * case when x.metric = 'PEOPLE_SUPPORTED' then 1.1 else 1 end)::int
    from targets x join teams tm on tm.id = x.team_id where x.period = '2026-Q4'
    group by x.period, x.metric, tm.commune_id
    on conflict do nothing`);

  // Activities: 4–13 records per team between 1 October and 20 November 2026.
  await tx.execute(sql`
    insert into support_activities (client_id, team_id, hamlet_id, metric, quantity, activity_on, note)
    select gen_random_uuid(), t.id, th.hamlet_id,
           (array['OUTREACH_SESSIONS','PEOPLE_SUPPORTED','APP_INSTALLS','LESSONS_COMPLETED'])[1 + ${h(sql`t.id * 11 + n`, 4)}]::target_metric,
           1 + ${h(sql`t.id * 5 + n`, 12)}, date '2026-10-01' + ${h(sql`t.id * 3 + n`, 51)}::int,
           (array['Hướng dẫn cài VNeID mức 2', 'Họp xóm tuyên truyền', 'Hướng dẫn nộp hồ sơ dịch vụ công', 'Hướng dẫn chuyển khoản QR'])[1 + ${h(sql`n`, 4)}]
    from teams t
    join lateral (select hamlet_id from team_hamlets where team_id = t.id order by hamlet_id limit 1) th on true
    cross join lateral generate_series(1, 4 + ${h(sql`t.id * 19`, 10)}) n`);
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
