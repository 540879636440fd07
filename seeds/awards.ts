/*
 * Demo award cycles on top of the demo households, teams and activities: the 2026 cycle of each
 * title, run through the awards services day by day (so states, eligibility evidence, audit and
 * certificates are what the real workflow produces):
 *
 *   15/09 the province admin opens the cycles (window 01/10–30/10, closing 20/11/2026);
 *   05–20/10 four communes' chairs nominate from the suggested candidates, plus a few the data
 *            does not back (they come out "không đủ điều kiện"), and one draft never sent;
 *   31/10 eligibility from the monitoring data; 02/11 the committee's review opens;
 *   03/11 five members score and vote (one is recused automatically for Phường Thục Phán, one
 *         declares a conflict); 05/11 the chair closes the review: 10-day public posting;
 *   06–12/11 citizens comment; 16/11 commune chairs decide the household titles (Giấy khen),
 *   18/11 the committee chair records the province's decision (Bằng khen).
 *
 * The year is fixed like the teams data it reads (2026-Q4 targets, activities in October and
 * November 2026). Everything is derived from the data and from hashes of names, so two runs give
 * the same nominees, scores and certificate codes.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, type Tx, queryRows } from '../server/db/client';
import type { Role, Viewer } from '../server/modules/access/roles';
import { logActivities } from '../server/modules/activities/service';
import { openCycle } from '../server/modules/awards/cycles';
import { certificateCodeFrom, recordDecision } from '../server/modules/awards/decisions';
import { addEvidenceNote } from '../server/modules/awards/evidence';
import type { ServiceRequest } from '../server/modules/access/request';
import { createNomination, submitNomination } from '../server/modules/awards/nominations';
import { commentOnNomination } from '../server/modules/awards/posting';
import { closeReview, declareConflict, openReview, submitReview } from '../server/modules/awards/review';
import { checkCycleEligibility, suggestedCandidates } from '../server/modules/awards/screening';
import type { AwardTitleCode } from '../server/modules/awards/titles';
import { findCycle } from '../server/modules/awards/cycle-queries';
import { listNominations } from '../server/modules/awards/nomination-queries';
import type { RubricCriterion } from '../server/modules/awards/schema';
import { addMember, teamsOfCommunes, teamsServingHamlets } from '../server/modules/teams/service';
import { teamTargetLines } from '../server/modules/awards/facts';
import { MemberOrganisation, MemberRole } from '../server/modules/teams/types';
import { TargetMetric } from '../server/modules/activities/metrics';

export const AWARD_YEAR = 2026;

/** Communes that nominate, with their chair's account (seeds/users.ts) and how their decisions are numbered. */
const COMMUNES = [
  { code: '01273', chair: 'thucphan.chutich', decision: 214 },
  { code: '01279', chair: 'nungtricao.chutich', decision: 187 },
  { code: '01288', chair: 'tangiang.chutich', decision: 302 },
  { code: '01366', chair: 'canyen.chutich', decision: 96 },
] as const;

const ADMIN = 'tinh.quantri';
const COMMITTEE_CHAIR = 'hoidong.chutich';
const COMMITTEE = [COMMITTEE_CHAIR, 'hoidong.thanhvien', 'hoidong.thanhvien2', 'hoidong.thanhvien3', 'hoidong.thanhvien4'];
const PROVINCE_SIGNER = 'Hoàng Văn Lãnh';

interface TitlePlan {
  title: AwardTitleCode;
  rubric: RubricCriterion[];
  quotaPerCommune: number;
  quotaTotal: number;
  /** Suggested candidates nominated per commune (in COMMUNES order). */
  nominate: number[];
  justifications: string[];
}

const PLANS: TitlePlan[] = [
  {
    title: 'GIA_DINH_SO_TIEU_BIEU', quotaPerCommune: 3, quotaTotal: 60, nominate: [2, 2, 2, 2],
    rubric: [
      { code: 'SKILLS', label: 'Kỹ năng số của các thành viên', weight: 3 },
      { code: 'PUBLIC_SERVICES', label: 'Sử dụng dịch vụ công trực tuyến', weight: 2 },
      { code: 'CASHLESS', label: 'Thanh toán không dùng tiền mặt', weight: 2 },
      { code: 'SPREAD', label: 'Lan tỏa phong trào trong xóm', weight: 3 },
    ],
    justifications: [
      'Cả gia đình dùng VNeID mức 2, nộp hồ sơ dịch vụ công trực tuyến và thanh toán bằng mã QR khi đi chợ; chủ hộ hướng dẫn các hộ lân cận cài ứng dụng.',
      'Gia đình là Gia đình số từ năm trước, con cái hoàn thành khóa kỹ năng số cơ bản, cả nhà tham gia nhóm Zalo của xóm và đọc tin chính thống hằng ngày.',
      'Chủ hộ tự làm thủ tục cấp đổi giấy tờ cho cả nhà trên Cổng dịch vụ công; gia đình bán nông sản qua mạng và nhận tiền bằng mã QR.',
    ],
  },
  {
    title: 'GIA_DINH_HOC_TAP_SO', quotaPerCommune: 2, quotaTotal: 40, nominate: [1, 1, 2, 1],
    rubric: [
      { code: 'LEARNING', label: 'Học tập kỹ năng số của các thành viên', weight: 4 },
      { code: 'SHARING', label: 'Chia sẻ kiến thức với cộng đồng', weight: 3 },
      { code: 'USE', label: 'Ứng dụng vào đời sống, sản xuất', weight: 3 },
    ],
    justifications: [
      'Các thành viên đều hoàn thành khóa kỹ năng số cơ bản trên nền tảng Bình dân học vụ số; bố mẹ học cùng con vào buổi tối.',
      'Gia đình cùng học kỹ năng số, ông bà được con cháu hướng dẫn dùng điện thoại thông minh để tra cứu thông tin và gọi video.',
    ],
  },
  {
    title: 'CONG_DAN_SO_DIEN_HINH', quotaPerCommune: 2, quotaTotal: 10, nominate: [2, 1, 2, 1],
    rubric: [
      { code: 'SKILLS', label: 'Kỹ năng số', weight: 2 },
      { code: 'HELPING', label: 'Giúp đỡ người dân', weight: 4 },
      { code: 'PUBLIC_SERVICES', label: 'Sử dụng dịch vụ công, tài khoản số', weight: 2 },
      { code: 'SPREAD', label: 'Lan tỏa phong trào', weight: 2 },
    ],
    justifications: [
      'Đạt chứng nhận kỹ năng số cơ bản, dùng thành thạo dịch vụ công và thanh toán điện tử; thường xuyên giúp người cao tuổi trong xóm cài và dùng VNeID.',
      'Tích cực hướng dẫn bà con nộp hồ sơ dịch vụ công trực tuyến, nhận lương hưu và trợ cấp qua tài khoản ngân hàng.',
    ],
  },
  {
    title: 'TO_CDS_TIEU_BIEU', quotaPerCommune: 2, quotaTotal: 10, nominate: [1, 1, 1, 1],
    rubric: [
      { code: 'TARGETS', label: 'Hoàn thành chỉ tiêu được giao', weight: 4 },
      { code: 'REACH', label: 'Số người dân được hỗ trợ', weight: 3 },
      { code: 'GOOD_PRACTICE', label: 'Cách làm hay, sáng tạo', weight: 3 },
    ],
    justifications: [
      'Tổ hoạt động đều đặn, tổ chức tuyên truyền tại nhà văn hóa, hỗ trợ người dân cài ứng dụng và học kỹ năng số, hoàn thành chỉ tiêu quý IV sớm.',
    ],
  },
];

const EVIDENCE_NOTES = [
  'Biên bản họp xóm ngày 12/10/2026 thống nhất đề nghị khen thưởng.',
  'Xác nhận của Trưởng xóm về việc hướng dẫn người dân sử dụng dịch vụ công trực tuyến.',
];

const COMMENTS = [
  'Gia đình này hướng dẫn cả xóm cài VNeID, tôi hoàn toàn đồng ý khen thưởng.',
  'Tôi được hướng dẫn nộp hồ sơ trực tuyến, không phải đi lại nhiều. Xin cảm ơn.',
  'Đề nghị xem lại: gia đình mới dùng dịch vụ công một lần, chưa thật sự tiêu biểu.',
];

/** A number in [0, 1) from a text: the demo's only source of variation besides the data. */
function unit(...parts: (string | number)[]): number {
  const h = createHash('sha256');
  for (const p of parts) h.update(String(p)).update('|');
  return h.digest().readUInt32BE(0) / 2 ** 32;
}

async function viewers(db: Tx, usernames: readonly string[]): Promise<Map<string, Viewer>> {
  const rows = await queryRows<{ username: string; id: number; role: Role; areaIds: number[] }>(db, sql`
    select u.username, u.id, u.role, coalesce(array_agg(ua.area_id) filter (where ua.area_id is not null), '{}') as "areaIds"
    from users u left join user_areas ua on ua.user_id = u.id
    where u.active and u.username in (select jsonb_array_elements_text(${JSON.stringify(usernames)}::jsonb))
    group by u.id`);
  return new Map(rows.map((r) => [r.username, { userId: r.id, role: r.role, areaIds: r.areaIds }]));
}

interface Pool {
  commune: string;
  kind: 'household' | 'late' | 'resident';
  code: string;
  /** Members recorded and members who passed the skills test (households). */
  total: number;
  passed: number;
}

/**
 * Candidates from the data, for every nominating commune in one statement, looking at the first
 * hamlets of each commune only (the seed must stay fast; the full suggestion query ranks a whole
 * commune): households that were a Gia đình số all year, households that became one in spring
 * (the data does not back them), residents who passed the skills test and live in a Gia đình số.
 * The eligibility check then judges every nominee from the data, with its reasons.
 */
function candidatePool(db: Tx, communeCodes: readonly string[], asOf: string) {
  const yearStart = `${AWARD_YEAR}-01-01`;
  // Lateral joins walk the indexes from the few hamlets down, whatever the planner's statistics.
  return queryRows<Pool>(db, sql`
    with digital as materialized (
      select c.code as commune, h.id, h.code,
        case when p.starts_on <= ${yearStart}::date then 'household' else 'late' end as kind
      from areas c
      cross join lateral (select hm.id from areas hm where hm.parent_id = c.id and hm.level = 'hamlet' and hm.valid_to is null
        order by hm.code limit 3) hm
      cross join lateral (select h.id, h.code from households h where h.hamlet_id = hm.id) h
      cross join lateral (select p.starts_on from household_digital_periods p where p.household_id = h.id and p.ends_on is null) p
      where c.code in (select jsonb_array_elements_text(${JSON.stringify(communeCodes)}::jsonb)) and c.valid_to is null
        and (p.starts_on <= ${yearStart}::date or p.starts_on between ${`${AWARD_YEAR}-03-01`}::date and ${`${AWARD_YEAR}-06-30`}::date))
    select d.commune, d.kind, d.code, x.total, x.passed
    from digital d
    cross join lateral (select count(*)::int as total, count(s.resident_id)::int as passed
      from residents r left join resident_skill_passes s on s.resident_id = r.id and s.passed_on <= ${asOf}::date
      where r.household_id = d.id) x
    union all
    select d.commune, 'resident', r.code, 1, 1
    from digital d
    cross join lateral (select r.code from residents r join resident_skill_passes s on s.resident_id = r.id
      where r.household_id = d.id and s.passed_on <= ${asOf}::date) r
    where d.kind = 'household'
    order by 1, 2, 3`);
}

/** A resident of the hamlet-level facts the ambassador step needs: name, hamlet and its code. */
function residentHamlet(db: Tx, residentCode: string) {
  return queryRows<{ fullName: string; hamletId: number; hamletCode: string }>(db, sql`
    select r.full_name as "fullName", hamlet.id as "hamletId", hamlet.code as "hamletCode"
    from residents r join households h on h.id = r.household_id join areas hamlet on hamlet.id = h.hamlet_id
    where r.code = ${residentCode}`);
}

/** A deterministic UUID for an activity the demo logs (the activities' idempotency key). */
function demoUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Makes a suggested citizen an ambassador (Đại sứ số) of their hamlet's team, with support logged
 * in the year when `active`, as the commune would record it.
 */
async function makeAmbassador(db: Db, chair: Viewer, residentCode: string, active: boolean) {
  const [r] = await residentHamlet(db as Tx, residentCode);
  if (!r) return;
  const { teams } = await teamsServingHamlets(db, [r.hamletId]);
  const team = teams[0];
  if (!team) return;
  const member = await addMember({ db, viewer: chair, today: '2026-10-04' }, team.id, { fullName: r.fullName, phone: null, role: MemberRole.MEMBER,
    organisation: MemberOrganisation.YOUTH_UNION, isAmbassador: true, active: true, joinedOn: '2025-09-01' });
  if (!active) return;
  const days = ['2026-03-14', '2026-05-09', '2026-07-18', '2026-09-05', '2026-10-03'];
  const metrics = [TargetMetric.PEOPLE_SUPPORTED, TargetMetric.APP_INSTALLS, TargetMetric.OUTREACH_SESSIONS];
  await logActivities({ db, viewer: chair, today: '2026-10-04' }, days.map((activityOn, i) => ({
    clientId: demoUuid(`${residentCode}-${activityOn}`), hamletCode: r.hamletCode, memberId: member.id,
    metric: metrics[i % metrics.length]!, quantity: metrics[i % metrics.length] === TargetMetric.OUTREACH_SESSIONS ? 1 : 6 + Math.floor(unit(residentCode, i) * 20),
    activityOn, note: 'Hướng dẫn người dân cài VNeID mức 2 và nộp hồ sơ dịch vụ công',
  })));
}

/**
 * The commune's strongest team (its Gia đình số gains already on target) logs in late October what
 * it still lacked of its quarter's targets, as the chair records it: the team then meets them all.
 */
async function finishBestTeam(db: Db, chair: Viewer, communeId: number, day: string) {
  const teams = (await teamsOfCommunes(db, [communeId])).filter((t) => t.active);
  const lines = await teamTargetLines(db, teams, AWARD_YEAR, day);
  const completion = (id: number) => {
    const l = lines.get(id) ?? [];
    return l.reduce((s, x) => s + Math.min(1, x.achieved / x.target), 0) / Math.max(1, l.length);
  };
  const best = teams.filter((t) => (lines.get(t.id) ?? []).some((l) => l.metric === TargetMetric.NEW_DIGITAL_FAMILIES && l.achieved >= l.target))
    .sort((a, b) => completion(b.id) - completion(a.id) || a.id - b.id)[0];
  if (!best) return;
  const [hamlet] = await queryRows<{ code: string }>(db, sql`select code from areas where id = ${best.hamletIds[0]!}`);
  const missing = (lines.get(best.id) ?? []).filter((l) => l.achieved < l.target && l.metric !== TargetMetric.NEW_DIGITAL_FAMILIES);
  if (!hamlet || missing.length === 0) return;
  await logActivities({ db, viewer: chair, today: day }, missing.map((l, i) => ({
    clientId: demoUuid(`team-${best.id}-${l.metric}`), hamletCode: hamlet.code, metric: l.metric, quantity: l.target - l.achieved + 2,
    activityOn: `${AWARD_YEAR}-10-${String(20 + i).padStart(2, '0')}`, note: 'Tổ ra quân hỗ trợ người dân tại nhà văn hóa xóm',
  })));
}

/** Scores 0–10 in steps of 0.5 around the nomination's quality, per member and criterion. */
function sheet(rubric: RubricCriterion[], quality: number, seed: string) {
  return Object.fromEntries(rubric.map((c) => [c.code,
    Math.min(10, Math.max(0, Math.round((quality + (unit(seed, c.code) - 0.5) * 2) * 2) / 2))]));
}

export async function seedDemoAwards(tx: Tx): Promise<void> {
  const db = tx as unknown as Db;
  const who = await viewers(tx, [ADMIN, ...COMMITTEE, ...COMMUNES.map((c) => c.chair)]);
  const needed = [ADMIN, ...COMMITTEE, ...COMMUNES.map((c) => c.chair)].filter((u) => !who.has(u));
  if (needed.length) {
    console.warn(`[seed] bỏ qua dữ liệu khen thưởng mẫu: thiếu tài khoản ${needed.join(', ')}`);
    return;
  }
  const as = (username: string, today: string): ServiceRequest => ({ db, viewer: who.get(username)!, today });
  const publicOn = (today: string): ServiceRequest => ({ db, viewer: null, today });
  const members = COMMITTEE.map((u) => who.get(u)!);
  let clock = Date.now();
  const lap = (what: string) => {
    if (process.env.SEED_TIMING) console.log(`[seed] ${what}: ${Date.now() - clock} ms`);
    clock = Date.now();
  };
  const pool = await candidatePool(tx, COMMUNES.map((c) => c.code), `${AWARD_YEAR}-10-01`);
  /** A household or citizen is proposed for one title only. */
  const taken = new Set<string>();
  lap('candidates');

  for (const plan of PLANS) {
    const cycle = await openCycle(as(ADMIN, `${AWARD_YEAR}-09-15`), {
      title: plan.title, year: AWARD_YEAR, nominationOpensOn: `${AWARD_YEAR}-10-01`, nominationClosesOn: `${AWARD_YEAR}-10-30`,
      closesOn: `${AWARD_YEAR}-11-20`, quotaPerCommune: plan.quotaPerCommune, quotaTotal: plan.quotaTotal, rubric: plan.rubric,
      memberIds: members.map((m) => m.userId), chairId: who.get(COMMITTEE_CHAIR)!.userId,
    });

    // Nominations, commune by commune: households and citizens from the data, teams as the service suggests them.
    for (const [i, commune] of COMMUNES.entries()) {
      // Teams are proposed last, once October's work is in.
      const day = plan.title === 'TO_CDS_TIEU_BIEU' ? `${AWARD_YEAR}-10-26` : `${AWARD_YEAR}-10-${String(5 + i * 5).padStart(2, '0')}`;
      const chair = commune.chair;
      const count = plan.nominate[i]!;
      const ofCommune = (kind: Pool['kind']) => pool.filter((c) => c.commune === commune.code && c.kind === kind);
      let nominees: { nomineeCode: string | null; teamId: number | null }[];
      if (plan.title === 'TO_CDS_TIEU_BIEU') {
        await finishBestTeam(db, who.get(chair)!, who.get(chair)!.areaIds[0]!, day);
        nominees = (await suggestedCandidates(as(chair, day), cycle.id, commune.code)).slice(0, count)
          .map((s) => ({ nomineeCode: null, teamId: s.teamId }));
      } else {
        const picks = plan.title === 'GIA_DINH_SO_TIEU_BIEU' ? ofCommune('household')
          : plan.title === 'GIA_DINH_HOC_TAP_SO' ? ofCommune('household').filter((c) => c.total >= 2 && c.passed * 2 >= c.total)
            : ofCommune('resident');
        const fresh = picks.filter((c) => !taken.has(c.code)).sort((a, b) => unit(plan.title, a.code) - unit(plan.title, b.code))
          .slice(0, count);
        fresh.forEach((c) => taken.add(c.code));
        nominees = fresh.map((c) => ({ nomineeCode: c.code, teamId: null }));
        // Phường Nùng Trí Cao also proposes a family that only became a Gia đình số in spring: the data does not back it.
        const late = ofCommune('late')[0];
        if (plan.title === 'GIA_DINH_SO_TIEU_BIEU' && commune.code === '01279' && late) nominees.push({ nomineeCode: late.code, teamId: null });
      }
      if (plan.title === 'CONG_DAN_SO_DIEN_HINH') {
        // The first citizen is an active ambassador (Đại sứ số); in Phường Tân Giang the second one is an
        // ambassador who logged nothing this year.
        if (nominees[0]) await makeAmbassador(db, who.get(chair)!, nominees[0].nomineeCode!, true);
        if (commune.code === '01288' && nominees[1]) await makeAmbassador(db, who.get(chair)!, nominees[1].nomineeCode!, false);
      }
      for (const [k, nominee] of nominees.entries()) {
        const justification = plan.justifications[(i + k) % plan.justifications.length]!;
        const n = await createNomination(as(chair, day), { cycleId: cycle.id, ...nominee, justification });
        if (k === 0) await addEvidenceNote(as(chair, day), n.id, EVIDENCE_NOTES[i % EVIDENCE_NOTES.length]!);
        // One Gia đình học tập số nomination stays a draft: the chair never sent it.
        if (plan.title === 'GIA_DINH_HOC_TAP_SO' && commune.code === '01366') continue;
        await submitNomination(as(chair, day), n.id);
      }
    }
    lap(`${plan.title}: nominations`);

    await checkCycleEligibility(as(ADMIN, `${AWARD_YEAR}-10-31`), cycle.id);
    lap(`${plan.title}: eligibility`);
    const underReview = await openReview(as(ADMIN, `${AWARD_YEAR}-11-02`), cycle.id);

    // The committee: one nomination per title falls short of the votes; a member declares a conflict once.
    const turnedDown = underReview.length > 2 ? underReview[underReview.length - 2]!.id : null;
    const reviewDay = `${AWARD_YEAR}-11-03`;
    for (const n of underReview) {
      const quality = n.id === turnedDown ? 4 : 7 + unit(plan.title, n.nomineeName) * 2.5;
      const declaring = n.id === underReview[0]!.id ? members[2]! : null;
      if (declaring) await declareConflict({ db, viewer: declaring, today: reviewDay }, n.id, 'Người được đề nghị là họ hàng của tôi.');
      // Members of the nominee's commune are recused automatically (the service would refuse their sheet).
      const voters = members.filter((m) => m !== declaring && !m.areaIds.includes(n.communeId))
        .sort((a, b) => unit(n.id, a.userId) - unit(n.id, b.userId));
      // Two thirds of the voters make the quorum; the others did not send a sheet in time.
      const ballots = voters.slice(0, Math.ceil((voters.length * 2) / 3));
      for (const [k, member] of ballots.entries()) {
        const scores = sheet(plan.rubric, quality, `${n.id}-${member.userId}`);
        await submitReview({ db, viewer: member, today: reviewDay }, n.id, scores, n.id === turnedDown && k > 0 ? 'AGAINST' : 'FOR', true);
      }
    }
    lap(`${plan.title}: committee sheets`);
    await closeReview(as(COMMITTEE_CHAIR, `${AWARD_YEAR}-11-05`), cycle.id);

    // Citizens' comments during the posting; the critical one leads its commune's chair to turn the nomination down.
    const posted = await listNominations(db, cycle.id, { states: ['posted'] });
    const nungTriCao = who.get('nungtricao.chutich')!.areaIds[0];
    const criticised = plan.title === 'GIA_DINH_SO_TIEU_BIEU' ? posted.find((n) => n.communeId === nungTriCao) : undefined;
    for (const [k, n] of posted.entries()) {
      if (k % 3 === 0) await commentOnNomination(publicOn(`${AWARD_YEAR}-11-${String(6 + (k % 5)).padStart(2, '0')}`), n.id, COMMENTS[k % 2]!);
    }
    if (criticised) await commentOnNomination(publicOn(`${AWARD_YEAR}-11-09`), criticised.id, COMMENTS[2]!);

    lap(`${plan.title}: posting and comments`);
    const code = (n: { id: number; nomineeName: string }, year: number) => certificateCodeFrom(year, `demo-${plan.title}-${n.id}-${n.nomineeName}`);
    const current = (await findCycle(db, cycle.id))!;
    if (current.decidingLevel === 'COMMUNE_CHAIR') {
      for (const commune of COMMUNES) {
        const chair = who.get(commune.chair)!;
        const communeId = chair.areaIds[0]!;
        if (!posted.some((n) => n.communeId === communeId)) continue;
        const signer = (await queryRows<{ name: string }>(tx, sql`select full_name as name from users where id = ${chair.userId}`))[0]!.name;
        await recordDecision(as(commune.chair, `${AWARD_YEAR}-11-16`), {
          cycleId: cycle.id, communeCode: commune.code, number: `${commune.decision + PLANS.indexOf(plan)}/QĐ-UBND`,
          decidedOn: `${AWARD_YEAR}-11-16`, signer,
          rejectIds: criticised && criticised.communeId === communeId ? [criticised.id] : [],
        }, code);
      }
    } else if (posted.length) {
      await recordDecision(as(COMMITTEE_CHAIR, `${AWARD_YEAR}-11-18`), {
        cycleId: cycle.id, number: `${2890 + PLANS.indexOf(plan)}/QĐ-UBND`, decidedOn: `${AWARD_YEAR}-11-18`, signer: PROVINCE_SIGNER,
      }, code);
    }
    lap(`${plan.title}: decisions`);
  }
}
