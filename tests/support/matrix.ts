/*
 * Fixtures of the authorization matrix for the teams and awards modules, on top of seedGolden and
 * seedAccessFixtures: something to act on inside the scope of the test users (commune 90001, the
 * team leader's hamlet 90001-001, the cycles the test COMMITTEE_MEMBER sits on) and outside it
 * (commune 90002, hamlet 90002-001, a cycle whose committee does not include them).
 *
 * Award cycles are inserted directly, with their windows around today: the service (rightly)
 * refuses a cycle ending after 24 November, and the matrix must run on any day of the year.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../server/db/client';
import { Role, type Viewer } from '../../server/modules/access/roles';
import { rebuildAncestors } from '../../server/modules/areas/queries';
import { addDays } from '../../server/modules/awards/titles';
import { todayInVietnam } from '../../server/dates';
import { setCommuneTarget, setTeamTarget } from '../../server/modules/targets/service';
import { addMember, createTeam } from '../../server/modules/teams/service';
import { MemberOrganisation, MemberRole } from '../../server/modules/teams/types';
import { TargetMetric } from '../../server/modules/activities/metrics';
import { seedDemoUsers } from '../../seeds/users';
import { OTHER_COMMUNE, OTHER_HAMLET, ROLE_USERS } from './access';
import { requestAs } from './request';

/** A hamlet of the other commune without a team (createTeam outside the commune users' scope). */
export const OTHER_FREE_HAMLET = `${OTHER_COMMUNE}-002`;
/** Where the targets of the matrix live. */
export const TARGET_PERIOD = '2025-Q4';
export const TARGET_METRIC = TargetMetric.PEOPLE_SUPPORTED;

type Pair = Record<'inside' | 'outside', number>;

export interface MatrixFixture {
  teams: Pair;
  members: Pair;
  campaignId: number;
  /** Committee members (COMMITTEE_MEMBER users) for a new cycle; the first is the test user. */
  committeeIds: number[];
  cycles: {
    /** Window open today; the test COMMITTEE_MEMBER chairs it (inside) / is not on it (outside). */
    open: Pair;
    /** Window closed, nominations under review. */
    review: Pair;
    /** One nomination under review with every ballot cast: the chair can close the review. */
    closing: number;
    /** Decided by the provincial council; a posted nomination whose 10 days are over. */
    councilDecision: Pair;
    /** Decided by the commune chair; a posted nomination of 90001 whose 10 days are over. */
    communeDecision: number;
  };
  nominations: {
    /** Drafts for submitNomination (one per allowed call) and addNominationEvidence. */
    toSubmit: Pair;
    draft: Pair;
    /** A household with no nomination in the open cycle (createNomination). */
    freeHousehold: Record<'inside' | 'outside', string>;
    /** Under review, one per allowed call that locks the member's sheet. */
    toRecuse: Pair;
    toScore: Pair;
    /** On public posting today (comments). */
    onPosting: number;
  };
  /** A citizen's comment on a posted nomination of a cycle of the test committee member's (inside) / another committee's (outside). */
  comments: Pair;
  certificateCode: string;
}

async function viewerOf(db: Db, username: string): Promise<Viewer> {
  const [row] = await queryRows<{ id: number; role: Role; areaIds: number[] }>(db, sql`
    select u.id, u.role, coalesce(array_agg(ua.area_id) filter (where ua.area_id is not null), '{}') as "areaIds"
    from users u left join user_areas ua on ua.user_id = u.id where u.username = ${username} group by u.id`);
  return { userId: row!.id, role: row!.role, areaIds: row!.areaIds.map(Number) };
}

async function seedTeamsSide(db: Db) {
  await db.execute(sql`insert into areas (code, name, name_key, level, kind, parent_id)
    values (${OTHER_FREE_HAMLET}, 'Xóm Khuổi Lừa', 'xóm khuổi lừa', 'hamlet', 'xóm', (select id from areas where code = ${OTHER_COMMUNE}))`);
  await rebuildAncestors(db as never);
  const admin = await viewerOf(db, ROLE_USERS[Role.PROVINCE_ADMIN].username);
  const inside = await createTeam(requestAs(db, admin), { communeCode: '90001', name: 'Tổ CNSCĐ xóm Bản Giốc', hamletCodes: ['90001-001'] });
  const outside = await createTeam(requestAs(db, admin), { communeCode: OTHER_COMMUNE, name: 'Tổ CNSCĐ xóm Nhỏ', hamletCodes: [OTHER_HAMLET] });
  const member = (teamId: number, fullName: string) => addMember(requestAs(db, admin), teamId, { fullName, phone: null,
    role: MemberRole.MEMBER, organisation: MemberOrganisation.YOUTH_UNION, isAmbassador: true, active: true });
  const members = { inside: (await member(inside.id, 'Nông Thị Mai')).id, outside: (await member(outside.id, 'Lục Văn Sơn')).id };
  for (const communeCode of ['90001', OTHER_COMMUNE]) {
    await setCommuneTarget(requestAs(db, admin), { communeCode, period: TARGET_PERIOD, metric: TARGET_METRIC, value: 100 });
  }
  // Team targets are the commune chair's: the other commune's chair sets theirs.
  const chairs = { inside: await viewerOf(db, ROLE_USERS[Role.COMMUNE_CHAIR].username), outside: await viewerOf(db, 'other.chair') };
  for (const [side, team] of [['inside', inside], ['outside', outside]] as const) {
    await setTeamTarget(requestAs(db, chairs[side]), { teamId: team.id, period: TARGET_PERIOD, metric: TARGET_METRIC, value: 40 });
  }
  const [campaign] = await queryRows<{ id: number }>(db, sql`insert into campaigns (kind, year, name, starts_on, ends_on)
    values ('SUMMER', 2025, 'Chiến dịch Hè tình nguyện 2025', '2025-06-01', '2025-08-31') returning id`);
  return { teams: { inside: inside.id, outside: outside.id }, members, campaignId: campaign!.id };
}

interface CycleSpec {
  key: string;
  year: number;
  level: 'COMMUNE_CHAIR' | 'PROVINCIAL_COUNCIL';
  opens: number; closes: number;
  members: string[]; chair: string;
}

async function seedAwardsSide(db: Db) {
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const day = (offset: number) => addDays(today, offset);
  const mine = [ROLE_USERS[Role.COMMITTEE_MEMBER].username, 'hd.hai', 'hd.ba'];
  const theirs = ['hd.khac', 'hd.hai', 'hd.ba'];
  const specs: CycleSpec[] = [
    { key: 'open', year, level: 'PROVINCIAL_COUNCIL', opens: -30, closes: 30, members: mine, chair: mine[0]! },
    { key: 'openOther', year: year - 1, level: 'PROVINCIAL_COUNCIL', opens: -30, closes: 30, members: theirs, chair: theirs[0]! },
    { key: 'review', year: year - 2, level: 'PROVINCIAL_COUNCIL', opens: -60, closes: -30, members: mine, chair: mine[0]! },
    { key: 'reviewOther', year: year - 3, level: 'PROVINCIAL_COUNCIL', opens: -60, closes: -30, members: theirs, chair: theirs[0]! },
    { key: 'closing', year: year - 4, level: 'PROVINCIAL_COUNCIL', opens: -60, closes: -30, members: mine, chair: mine[0]! },
    { key: 'council', year: year - 5, level: 'PROVINCIAL_COUNCIL', opens: -60, closes: -30, members: mine, chair: mine[0]! },
    { key: 'councilOther', year: year - 6, level: 'PROVINCIAL_COUNCIL', opens: -60, closes: -30, members: theirs, chair: theirs[0]! },
    { key: 'commune', year: year - 7, level: 'COMMUNE_CHAIR', opens: -60, closes: -30, members: mine, chair: mine[0]! },
  ];
  const cycleRows = specs.map((s) => ({ key: s.key, year: s.year, level: s.level, opens: day(s.opens), closes: day(s.closes),
    ends: day(60), name: `Đợt xét thử ${s.key}` }));
  const ids = new Map((await queryRows<{ id: number; name: string }>(db, sql`
    insert into award_cycles (province_id, title, year, name, nomination_opens_on, nomination_closes_on, closes_on,
      quota_per_commune, quota_total, rubric, deciding_level)
    select (select id from areas where code = '04'), 'GIA_DINH_SO_TIEU_BIEU', x.year, x.name, x.opens, x.closes, x.ends, 5, 50,
      '[{"code":"KY_NANG","label":"Kỹ năng số","weight":1}]'::jsonb, x.level::award_deciding_level
    from jsonb_to_recordset(${JSON.stringify(cycleRows)}::jsonb) x(year int, name text, opens date, closes date, ends date, level text)
    returning id, name`)).map((r) => [r.name.replace('Đợt xét thử ', ''), r.id]));
  const cycle = (key: string) => ids.get(key)!;
  const memberRows = specs.flatMap((s) => s.members.map((username) => ({ cycleId: cycle(s.key), username, chair: username === s.chair })));
  await db.execute(sql`insert into award_cycle_members (cycle_id, user_id, is_chair)
    select x."cycleId", u.id, x.chair from jsonb_to_recordset(${JSON.stringify(memberRows)}::jsonb)
      x("cycleId" int, username text, chair boolean) join users u on u.username = x.username`);

  const households = async (hamlet: string) => (await queryRows<{ code: string }>(db, sql`
    select h.code from households h join areas a on a.id = h.hamlet_id where a.code = ${hamlet} order by h.code`)).map((r) => r.code);
  const [h0, h1, h2, h3] = await households('90001-001');
  const [o1, o2, o3] = await households(OTHER_HAMLET);
  const posted = { postedOn: day(-12), endsOn: day(-1) };
  const nominationRows = [
    { key: 'toSubmitIn', cycle: cycle('open'), household: h0, state: 'draft' },
    { key: 'draftIn', cycle: cycle('open'), household: h1, state: 'draft' },
    { key: 'toSubmitOut', cycle: cycle('open'), household: o1, state: 'draft' },
    { key: 'draftOut', cycle: cycle('openOther'), household: o2, state: 'draft' },
    { key: 'toRecuseIn', cycle: cycle('review'), household: h0, state: 'under_review' },
    { key: 'toScoreIn', cycle: cycle('review'), household: h1, state: 'under_review' },
    { key: 'checkIn', cycle: cycle('review'), household: h2, state: 'submitted' },
    { key: 'underReviewOut', cycle: cycle('reviewOther'), household: o1, state: 'under_review' },
    { key: 'closingIn', cycle: cycle('closing'), household: h0, state: 'under_review' },
    { key: 'councilIn', cycle: cycle('council'), household: h0, state: 'posted', ...posted },
    { key: 'councilOut', cycle: cycle('councilOther'), household: o1, state: 'posted', ...posted },
    { key: 'communeIn', cycle: cycle('commune'), household: h0, state: 'posted', ...posted },
    { key: 'onPosting', cycle: cycle('councilOther'), household: o2, state: 'posted', postedOn: day(-2), endsOn: day(8) },
    { key: 'awarded', cycle: cycle('councilOther'), household: o3, state: 'approved', ...posted },
  ];
  const nominationIds = new Map((await queryRows<{ id: number; justification: string }>(db, sql`
    insert into award_nominations (cycle_id, commune_id, household_id, nominee_name, justification, state, posted_on, posting_ends_on)
    select x.cycle, a.commune_id, h.id, h.head_name, x.key, x.state::award_nomination_state, x."postedOn", x."endsOn"
    from jsonb_to_recordset(${JSON.stringify(nominationRows)}::jsonb)
      x(key text, cycle int, household text, state text, "postedOn" date, "endsOn" date)
    join households h on h.code = x.household
    join lateral (select up.ancestor_id as commune_id from area_ancestors up join areas c on c.id = up.ancestor_id
      where up.area_id = h.hamlet_id and c.level = 'commune') a on true
    returning id, justification`)).map((r) => [r.justification, r.id]));
  const nomination = (key: string) => nominationIds.get(key)!;
  // Every member of the closing cycle has voted for its nomination: quorum met, approved.
  await db.execute(sql`insert into award_reviews (nomination_id, member_id, scores, vote, submitted_at)
    select ${nomination('closingIn')}, m.user_id, '{"KY_NANG": 8}'::jsonb, 'FOR', now()
    from award_cycle_members m where m.cycle_id = ${cycle('closing')}`);
  const [decision] = await queryRows<{ id: number }>(db, sql`insert into award_decisions (cycle_id, number, decided_on, signer)
    values (${cycle('councilOther')}, '01/QĐ-HĐTĐKT', ${day(-1)}, 'Chủ tịch Hội đồng') returning id`);
  const certificateCode = `${year}-MATRIX23`;
  await db.execute(sql`insert into award_certificates (code, nomination_id, decision_id)
    values (${certificateCode}, ${nomination('awarded')}, ${decision!.id})`);
  const [commentIn, commentOut] = await queryRows<{ id: number }>(db, sql`insert into award_comments (nomination_id, body)
    values (${nomination('councilIn')}, 'Ý kiến thử trong phạm vi'), (${nomination('councilOut')}, 'Ý kiến thử ngoài phạm vi')
    returning id`);
  const committeeIds = (await queryRows<{ id: number }>(db, sql`select id from users
    where username in (select jsonb_array_elements_text(${JSON.stringify(mine)}::jsonb)) order by username = ${mine[0]} desc, id`))
    .map((r) => r.id);
  return {
    committeeIds,
    cycles: {
      open: { inside: cycle('open'), outside: cycle('openOther') },
      review: { inside: cycle('review'), outside: cycle('reviewOther') },
      closing: cycle('closing'),
      councilDecision: { inside: cycle('council'), outside: cycle('councilOther') },
      communeDecision: cycle('commune'),
    },
    nominations: {
      toSubmit: { inside: nomination('toSubmitIn'), outside: nomination('toSubmitOut') },
      draft: { inside: nomination('draftIn'), outside: nomination('draftOut') },
      freeHousehold: { inside: h3!, outside: o3! },
      toRecuse: { inside: nomination('toRecuseIn'), outside: nomination('underReviewOut') },
      toScore: { inside: nomination('toScoreIn'), outside: nomination('underReviewOut') },
      onPosting: nomination('onPosting'),
    },
    certificateCode,
    comments: { inside: commentIn!.id, outside: commentOut!.id },
  };
}

/** Call after seedAccessFixtures. */
export async function seedMatrixFixtures(db: Db): Promise<MatrixFixture> {
  await seedDemoUsers(db, [
    { username: 'other.chair', fullName: 'Chủ Tịch Xã Bên Cạnh', role: Role.COMMUNE_CHAIR, areaCodes: [OTHER_COMMUNE] },
    { username: 'hd.hai', fullName: 'Thành Viên Hai', role: Role.COMMITTEE_MEMBER, areaCodes: ['04'] },
    { username: 'hd.ba', fullName: 'Thành Viên Ba', role: Role.COMMITTEE_MEMBER, areaCodes: ['04'] },
    { username: 'hd.khac', fullName: 'Chủ Tịch Hội Đồng Khác', role: Role.COMMITTEE_MEMBER, areaCodes: ['04'] },
  ]);
  return { ...(await seedTeamsSide(db)), ...(await seedAwardsSide(db)) };
}
