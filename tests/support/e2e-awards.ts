/*
 * Awards on top of the e2e dataset, in SQL (the services' full workflow is covered by the awards
 * integration tests; the browser tests only need its results):
 *   - the 2025 "Gia đình số tiêu biểu" cycle, decided by the chair of Xã Thử Nghiệm: two awardees,
 *     one certificate valid (E2E_VALID_CODE), one revoked (E2E_REVOKED_CODE);
 *   - a "Công dân số điển hình" cycle of the current year with one nomination on its 10-day posting
 *     (started two days ago), open for citizens' comments;
 *   - a "Gia đình học tập số" cycle of the current year under committee review, with one member
 *     (E2E_COMMITTEE, who may sign in) and one nomination with eligibility checks and evidence;
 *   - a "Gia đình số tiêu biểu" cycle of the current year open for nominations around today, for the
 *     chair of Xã Thử Nghiệm (E2E_CHAIR);
 *   - the 2025 "Công dân số điển hình" cycle, chaired by E2E_COMMITTEE, with one nomination whose
 *     posting is over (E2E_AWARDEES.toDecide): the decision is the next step; and one still under
 *     review (E2E_AWARDEES.leftOpen) with E2E_COMMITTEE's draft sheet, though the cycle is over;
 *   - a province admin (E2E_ADMIN) and two more committee members, for the cycle setup page;
 *   - the 2025 "Gia đình học tập số" cycle, decided by the commune chair: three nominations of Xã Thử
 *     Nghiệm whose 10-day posting ended on 30/10/2025 (E2E_CHAIR_DECIDES) and one of Phường Thục Phán,
 *     which the chair of Xã Thử Nghiệm's decision must not touch.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { hashPassword } from '../../server/modules/access/passwords';
import { todayInVietnam } from '../../server/dates';

export const E2E_VALID_CODE = '2025-HQKV7M3P';
export const E2E_REVOKED_CODE = '2025-RVKD4N8T';
export const E2E_AWARDEES = {
  valid: 'Nông Thị Hoa', revoked: 'Lương Văn Khánh', posted: 'Hoàng Thị Mai', toDecide: 'Nông Văn Đức',
  /** Left under review in the 2025 "Công dân số điển hình" cycle, with E2E_COMMITTEE's draft sheet: read-only once the cycle is over. */
  leftOpen: 'Sầm Thị Hạnh',
};

/** Posted nominations of Xã Thử Nghiệm in the 2025 "Gia đình học tập số" cycle, decided by E2E_CHAIR; `other` is Phường Thục Phán's. */
export const E2E_CHAIR_DECIDES = { households: ['Đàm Văn Lợi', 'Hà Thị Ngọc', 'Triệu Văn Phúc'], other: 'Lý Thị Quyên' };

export const E2E_COMMITTEE = { username: 'hoidong1', password: 'Hoi-dong-2026!' };
export const E2E_CHAIR = { username: 'thunghiem.chutich', password: 'Chu-tich-2026!' };
export const E2E_ADMIN = { username: 'so.khcn', password: 'Quan-tri-2026!' };

export async function seedE2EAwards(db: Db): Promise<void> {
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into award_cycles (province_id, title, year, name, nomination_opens_on, nomination_closes_on,
        closes_on, quota_per_commune, quota_total, rubric, deciding_level)
      values ((select id from areas where code = '04'), 'GIA_DINH_SO_TIEU_BIEU', 2025, 'Gia đình số tiêu biểu năm 2025',
        '2025-09-01', '2025-09-30', '2025-11-20', 5, 50, '[]'::jsonb, 'COMMUNE_CHAIR'),
        ((select id from areas where code = '04'), 'CONG_DAN_SO_DIEN_HINH', ${year}, ${`Công dân số điển hình năm ${year}`},
        (${today}::date - 60), (${today}::date - 30), (${today}::date + 30), 5, 50, '[]'::jsonb, 'COMMUNE_CHAIR')`);
    await tx.execute(sql`insert into award_nominations (cycle_id, commune_id, household_id, nominee_name, justification, state)
      select y.id, (select id from areas where code = '90001'), h.id, x.name, 'Cả nhà dùng dịch vụ công trực tuyến', 'approved'
      from award_cycles y,
        (values ('90001-001-H0000', ${E2E_AWARDEES.valid}), ('90001-001-H0001', ${E2E_AWARDEES.revoked})) x(household, name)
        join households h on h.code = x.household
      where y.year = 2025`);
    await tx.execute(sql`insert into award_decisions (cycle_id, commune_id, number, decided_on, signer)
      select id, (select id from areas where code = '90001'), '125/QĐ-UBND', '2025-11-15', 'Chủ tịch UBND Xã Thử Nghiệm'
      from award_cycles where year = 2025`);
    await tx.execute(sql`insert into award_certificates (code, nomination_id, decision_id, revoked_on, revoked_reason)
      select x.code, n.id, d.id, x.revoked_on::date, x.reason
      from (values (${E2E_VALID_CODE}, ${E2E_AWARDEES.valid}, null, null),
        (${E2E_REVOKED_CODE}, ${E2E_AWARDEES.revoked}, '2026-02-10', 'Hồ sơ kê khai không đúng sự thật')) x(code, name, revoked_on, reason)
      join award_nominations n on n.nominee_name = x.name
      join award_decisions d on d.cycle_id = n.cycle_id`);
    await tx.execute(sql`insert into award_nominations (cycle_id, commune_id, household_id, nominee_name, justification, state,
        posted_on, posting_ends_on)
      select y.id, (select id from areas where code = '90001'), h.id, ${E2E_AWARDEES.posted}, 'Hướng dẫn 30 người dân dùng VNeID',
        'posted', (${today}::date - 2), (${today}::date + 8)
      from award_cycles y, households h where y.year = ${year} and y.title = 'CONG_DAN_SO_DIEN_HINH' and h.code = '90001-002-H0010'`);
      const rubric = [{ code: 'IMPACT', label: 'Mức độ lan tỏa', weight: 2 }, { code: 'EVIDENCE', label: 'Minh chứng rõ ràng', weight: 1 }];
    const eligibility = [
      { rule: 'FAMILY_WHOLE_YEAR', label: 'Gia đình số cả năm', status: 'PASSED', reason: 'Đạt đủ tiêu chí từ 10/09/2025', evidence: { since: '2025-09-10' } },
      { rule: 'SKILL', label: 'Thành viên đạt kỹ năng số', status: 'NO_DATA', reason: 'Chưa có kết quả đánh giá', evidence: {} },
    ];
    await tx.execute(sql`insert into award_cycles (province_id, title, year, name, nomination_opens_on, nomination_closes_on,
        closes_on, quota_per_commune, quota_total, rubric, deciding_level)
      values ((select id from areas where code = '04'), 'GIA_DINH_HOC_TAP_SO', ${year}, ${`Gia đình học tập số năm ${year}`},
        (${today}::date - 60), (${today}::date - 20), (${today}::date + 30), 5, 50, ${JSON.stringify(rubric)}::jsonb, 'PROVINCIAL_COUNCIL')`);
    await tx.execute(sql`insert into award_nominations (cycle_id, commune_id, household_id, nominee_name, justification, state,
        eligibility, eligibility_checked_on)
      select y.id, (select id from areas where code = '90001'), h.id, 'Đinh Văn Sơn', 'Cả gia đình học lớp kỹ năng số buổi tối',
        'under_review', ${JSON.stringify(eligibility)}::jsonb, (${today}::date - 15)
      from award_cycles y, households h where y.title = 'GIA_DINH_HOC_TAP_SO' and y.year = ${year} and h.code = '90001-003-H0030'`);
    await tx.execute(sql`insert into award_evidence (nomination_id, note)
      select id, 'Biên bản họp xóm ngày 12/10 xác nhận' from award_nominations where nominee_name = 'Đinh Văn Sơn'`);
    const hash = await hashPassword(E2E_COMMITTEE.password);
    await tx.execute(sql`with u as (insert into users (username, full_name, role, password_hash)
        values (${E2E_COMMITTEE.username}, 'Thành viên Hội đồng', 'COMMITTEE_MEMBER', ${hash}) returning id),
      a as (insert into user_areas (user_id, area_id) select u.id, areas.id from u, areas where areas.code = '04')
      insert into award_cycle_members (cycle_id, user_id, is_chair)
      select y.id, u.id, true from u, award_cycles y where y.title = 'GIA_DINH_HOC_TAP_SO' and y.year = ${year}`);

    const users = [
      { ...E2E_CHAIR, fullName: 'Chủ tịch UBND Xã Thử Nghiệm', role: 'COMMUNE_CHAIR', area: '90001' },
      { ...E2E_ADMIN, fullName: 'Quản trị Sở KH&CN', role: 'PROVINCE_ADMIN', area: '04' },
      { username: 'hoidong2', password: 'Hoi-dong-2026!', fullName: 'Triệu Thị Hằng', role: 'COMMITTEE_MEMBER', area: '04' },
      { username: 'hoidong3', password: 'Hoi-dong-2026!', fullName: 'Bế Văn Khải', role: 'COMMITTEE_MEMBER', area: '04' },
    ];
    for (const u of users) {
      const passwordHash = await hashPassword(u.password);
      await tx.execute(sql`with x as (insert into users (username, full_name, role, password_hash)
          values (${u.username}, ${u.fullName}, ${u.role}, ${passwordHash}) returning id)
        insert into user_areas (user_id, area_id) select x.id, areas.id from x, areas where areas.code = ${u.area}`);
    }
    const gdsRubric = [{ code: 'SKILLS', label: 'Kỹ năng số', weight: 2 }, { code: 'SPREAD', label: 'Lan tỏa phong trào', weight: 1 }];
    await tx.execute(sql`insert into award_cycles (province_id, title, year, name, nomination_opens_on, nomination_closes_on,
        closes_on, quota_per_commune, quota_total, rubric, deciding_level)
      values ((select id from areas where code = '04'), 'GIA_DINH_SO_TIEU_BIEU', ${year}, ${`Gia đình số tiêu biểu năm ${year}`},
        (${today}::date - 5), (${today}::date + 5), (${today}::date + 20), 2, 20, ${JSON.stringify(gdsRubric)}::jsonb, 'COMMUNE_CHAIR'),
        ((select id from areas where code = '04'), 'CONG_DAN_SO_DIEN_HINH', 2025, 'Công dân số điển hình năm 2025',
        '2025-09-01', '2025-09-30', '2025-11-20', 2, 20, ${JSON.stringify(gdsRubric)}::jsonb, 'PROVINCIAL_COUNCIL')`);
    await tx.execute(sql`insert into award_cycle_members (cycle_id, user_id, is_chair)
      select y.id, u.id, u.username = ${E2E_COMMITTEE.username} from award_cycles y, users u
      where y.title = 'CONG_DAN_SO_DIEN_HINH' and y.year = 2025 and u.role = 'COMMITTEE_MEMBER'`);
    await tx.execute(sql`insert into award_nominations (cycle_id, commune_id, household_id, nominee_name, justification, state,
        posted_on, posting_ends_on)
      select y.id, (select id from areas where code = '90001'), h.id, ${E2E_AWARDEES.toDecide}, 'Đại sứ số, hướng dẫn 40 người dân dùng VNeID',
        'posted', '2025-10-20', '2025-10-30'
      from award_cycles y, households h where y.year = 2025 and y.title = 'CONG_DAN_SO_DIEN_HINH' and h.code = '90001-002-H0011'`);
    await tx.execute(sql`insert into award_cycles (province_id, title, year, name, nomination_opens_on, nomination_closes_on,
        closes_on, quota_per_commune, quota_total, rubric, deciding_level)
      values ((select id from areas where code = '04'), 'GIA_DINH_HOC_TAP_SO', 2025, 'Gia đình học tập số năm 2025',
        '2025-09-01', '2025-09-30', '2025-11-20', 3, 30, ${JSON.stringify(gdsRubric)}::jsonb, 'COMMUNE_CHAIR')`);
    const [loi, ngoc, phuc] = E2E_CHAIR_DECIDES.households;
    await tx.execute(sql`insert into award_nominations (cycle_id, commune_id, household_id, nominee_name, justification, state,
        posted_on, posting_ends_on)
      select y.id, (select id from areas where code = x.commune), h.id, x.name, 'Cả gia đình học kỹ năng số trên nền tảng Bình dân học vụ số',
        'posted', '2025-10-20', '2025-10-30'
      from award_cycles y,
        (values ('90001', '90001-001-H0002', ${loi}), ('90001', '90001-001-H0003', ${ngoc}), ('90001', '90001-002-H0012', ${phuc}),
          ('90002', '90002-001-H000', ${E2E_CHAIR_DECIDES.other})) x(commune, household, name)
        join households h on h.code = x.household
      where y.year = 2025 and y.title = 'GIA_DINH_HOC_TAP_SO'`);
    await tx.execute(sql`insert into award_nominations (cycle_id, commune_id, household_id, nominee_name, justification, state,
        eligibility_checked_on)
      select y.id, (select id from areas where code = '90001'), h.id, ${E2E_AWARDEES.leftOpen}, 'Đại sứ số của xóm, mở lớp kỹ năng số buổi tối',
        'under_review', '2025-10-01'
      from award_cycles y, households h where y.year = 2025 and y.title = 'CONG_DAN_SO_DIEN_HINH' and h.code = '90001-003-H0031'`);
    await tx.execute(sql`insert into award_reviews (nomination_id, member_id, scores, vote)
      select n.id, u.id, '{"SKILLS": 7, "SPREAD": 6.5}'::jsonb, 'FOR'
      from award_nominations n, users u where n.nominee_name = ${E2E_AWARDEES.leftOpen} and u.username = ${E2E_COMMITTEE.username}`);
    // The committee approved it: three sheets for.
    await tx.execute(sql`insert into award_reviews (nomination_id, member_id, scores, vote, submitted_at)
      select n.id, m.user_id, '{"SKILLS": 9, "SPREAD": 8}'::jsonb, 'FOR', '2025-10-15T09:00:00+07:00'
      from award_nominations n join award_cycle_members m on m.cycle_id = n.cycle_id where n.nominee_name = ${E2E_AWARDEES.toDecide}`);
  });
}
