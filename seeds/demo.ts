/**
 * Demo data for Cao Bằng: the area tree (Việt Nam → Tỉnh Cao Bằng → 56 communes → ~1,500 hamlets),
 * the "Gia đình số" criteria, ~130,000 households with their residents, the dates each household
 * met each criterion, and digital-skill assessments.
 *
 * Everything is inserted set-based (one statement per table, rows generated in SQL from
 * generate_series and one jsonb parameter), so the seed takes seconds even on PGlite. Random
 * values are derived from hashes of the codes (hashtextextended), so two runs give identical data.
 * The caller provides the transaction, then rebuilds the closure table and the aggregates.
 *
 * Model of progress (a demo assumption, see seeds/communes.ts for the commune profiles): between
 * 2025-08-01 and `today`, each hamlet moves along an S-curve towards its share of households
 * meeting all three criteria: ~85–95 % in the urban wards, ~60–80 % in lowland communes,
 * ~35–60 % in remote highland communes, with hamlet-level variation around the commune's share.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../server/db/client';
import { isIsoDate, MOVEMENT_START, todayInVietnam } from '../server/dates';
import { nameKey } from '../server/modules/areas/name-key';
import { type CommuneProfile, communeProfile, dataPath, readCommuneBoundaries, readOfficialAreas, readProvinceBoundary, readSimpleCsv } from './communes';
import { labelPoint } from './geo';
import { createRng, hashString } from './random';

export interface SeedDemoOptions {
  /** Called after each step with the step's name, the number of steps done and the total. */
  onProgress?: (step: string, done: number, total: number) => void;
  /** Last day of the demo history (ISO date); defaults to the current date in Vietnam. */
  today?: string;
}

/** The movement's campaign in Cao Bằng starts here; no criterion or assessment is dated earlier. */
export const DEMO_START = MOVEMENT_START;
const SEED = 42;
const TARGET_HOUSEHOLDS = 130_000;

export const DEFAULT_CRITERIA = ['SMARTPHONE_OFFICIAL_INFO', 'ONLINE_PUBLIC_SERVICE', 'CASHLESS_PAYMENT'] as const;

export const CRITERIA: ReadonlyArray<{ code: string; label: string }> = [
  { code: 'SMARTPHONE_OFFICIAL_INFO', label: 'Sử dụng điện thoại thông minh để tiếp cận thông tin chính thống' },
  { code: 'ONLINE_PUBLIC_SERVICE', label: 'Sử dụng dịch vụ công trực tuyến' },
  { code: 'CASHLESS_PAYMENT', label: 'Thanh toán điện tử' },
  { code: 'VNEID_LEVEL2', label: 'Người trưởng thành có tài khoản định danh điện tử VNeID mức độ 2' },
  { code: 'SKILL_CERTIFIED', label: 'Có thành viên được chứng nhận kỹ năng số cơ bản' },
  { code: 'HAMLET_ZALO_GROUP', label: 'Tham gia nhóm Zalo của thôn, xóm, tổ dân phố' },
];

// Names (Tày, Nùng, Kinh; some Dao and Mông family names in the highlands). Repeats weight the draw.
const FAMILY = ['Nông', 'Nông', 'Nông', 'Hoàng', 'Hoàng', 'Hoàng', 'Lương', 'Lương', 'Đàm', 'Lý', 'Lý', 'Bế', 'Bế', 'Triệu', 'Nguyễn', 'Nguyễn', 'Lục', 'Mã', 'La', 'Hà', 'Dương', 'Ngôn', 'Chu', 'Vi'];
const FAMILY_HIGHLAND = ['Hoàng', 'Nông', 'Triệu', 'Triệu', 'Lý', 'Lý', 'Bàn', 'Giàng', 'Vàng', 'Thào', 'Sùng', 'Dương', 'Lục', 'Mã', 'La'];
const MIDDLE_MALE = ['Văn', 'Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Thế', 'Quang', 'Hữu', 'Ngọc'];
const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Hồng', 'Minh'];
const GIVEN_MALE = ['Sơn', 'Hùng', 'Dũng', 'Thắng', 'Tuấn', 'Cường', 'Lâm', 'Hải', 'Long', 'Vương', 'Kiên', 'Toàn', 'Chiến', 'Thành', 'Phong', 'Bình', 'Quân', 'Khánh', 'Nguyên', 'Tài', 'Sáng', 'Pẩu', 'Slằn', 'Tùng', 'Đạt', 'Hiếu', 'Lợi', 'Quyết', 'Vinh', 'Mạnh'];
const GIVEN_FEMALE = ['Hạnh', 'Hoa', 'Lan', 'Mai', 'Nhung', 'Thủy', 'Hương', 'Liên', 'Thảo', 'Huyền', 'Dung', 'Nga', 'Phượng', 'Yến', 'Lụa', 'Vân', 'Hằng', 'Thơm', 'Nhàn', 'Xuân', 'Quyên', 'Ngần', 'Duyên', 'Linh', 'Trang'];

/** Profile parameters: share of households meeting all three criteria by `today`, and curve skew. */
const PROFILES: Record<CommuneProfile, { rate: [number, number]; partial: number; skew: number; skill: number; households: [number, number] }> = {
  // skew > 1 moves adoption earlier on the S-curve, < 1 later.
  urban: { rate: [0.86, 0.94], partial: 0.7, skew: 1.35, skill: 0.78, households: [120, 200] },
  lowland: { rate: [0.6, 0.8], partial: 0.55, skew: 1.05, skill: 0.6, households: [50, 160] },
  highland: { rate: [0.38, 0.58], partial: 0.45, skew: 0.8, skill: 0.4, households: [22, 110] },
};

interface HamletParams {
  code: string;
  households: number;
  /** Share of households meeting all three criteria by `today`. */
  rate: number;
  /** Share of the other households meeting one or two criteria. */
  partial: number;
  skew: number;
  /** Base share of residents in scope passing the skill assessment by `today`. */
  skill: number;
  /** 1 for urban, 0 otherwise: urban residents more often work in the public sector or enterprises. */
  urban: number;
  highland: number;
  verifier: string;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** A SQL ARRAY literal of constant strings (the lists above: no parameters needed). */
function textArray(items: readonly string[]): SQL {
  return sql.raw(`ARRAY[${items.map((s) => `'${s.replaceAll("'", "''")}'`).join(',')}]::text[]`);
}

/** A 64-bit hash of a text expression (deterministic across runs and platforms). */
function hash(expr: SQL, salt: number): SQL {
  return sql`hashtextextended(${expr}, ${sql.raw(String(SEED * 100 + salt))})`;
}

/** The i-th 16-bit slice (0–3) of a 64-bit hash, as a uniform number in [0, 1). */
function bits(k: SQL, i: 0 | 1 | 2 | 3): SQL {
  return sql.raw('').append(sql`(((${k} >> ${sql.raw(String(16 * i))}) & 65535)::float8 / 65536.0)`);
}

/** The household head is a man (~78 %), from the head's hash. */
function headMale(k: SQL): SQL {
  return sql`(${bits(k, 1)} < 0.78)`;
}

/** Picks an element of a constant list with a pseudo-random number in [0, 1). */
function pick(items: readonly string[], random: SQL): SQL {
  return sql`(${textArray(items)})[1 + floor(${random} * ${sql.raw(String(items.length))})::int]`;
}

/**
 * Inverse of the smoothstep CDF F(x) = 3x² − 2x³ (an S-curve over [0, 1]), skewed by x^(1/skew):
 * maps a quantile q to the fraction of the campaign at which it is reached.
 */
function sCurve(q: SQL, skew: SQL): SQL {
  return sql`power(0.5 - sin(asin(1 - 2 * least(greatest(${q}, 0), 1)) / 3), 1.0 / ${skew})`;
}

function hamletParams(): HamletParams[] {
  const { communes } = readOfficialAreas();
  const profileOf = new Map(communes.map((c) => [c.code, communeProfile(c)]));
  const rows = readSimpleCsv(dataPath('cao-bang-hamlets.csv'));
  const params = rows.map((row): HamletParams => {
    const code = row.code ?? '';
    const communeCode = row.parent_code ?? '';
    const profile = profileOf.get(communeCode);
    if (!profile) throw new Error(`hamlet ${code}: unknown commune ${communeCode}`);
    const p = PROFILES[profile];
    const communeRng = createRng(hashString(communeCode, SEED));
    const communeRate = p.rate[0] + (p.rate[1] - p.rate[0]) * communeRng.next();
    const communeSkill = p.skill * (0.85 + 0.3 * communeRng.next());
    const rng = createRng(hashString(code, SEED));
    const isBlock = row.kind === 'tổ dân phố';
    const [lo, hi] = profile === 'urban' && !isBlock ? [40, 120] : p.households;
    // A few very small hamlets (fewer than 10 households) show the "chưa xếp hạng" rule.
    const tiny = rng.chance(0.012);
    const households = tiny ? rng.int(3, 9) : rng.int(lo, hi);
    const spread = profile === 'urban' ? 0.06 : 0.14;
    const verifierMale = rng.chance(0.5);
    const verifier = [
      rng.pick(profile === 'highland' ? FAMILY_HIGHLAND : FAMILY),
      rng.pick(verifierMale ? MIDDLE_MALE : MIDDLE_FEMALE),
      rng.pick(verifierMale ? GIVEN_MALE : GIVEN_FEMALE),
    ].join(' ');
    return {
      code,
      households,
      rate: clamp(communeRate + spread * (2 * rng.next() - 1), 0.2, 0.98),
      partial: p.partial,
      skew: p.skew,
      skill: clamp(communeSkill + 0.1 * (2 * rng.next() - 1), 0.1, 0.9),
      urban: profile === 'urban' ? 1 : 0,
      highland: profile === 'highland' ? 1 : 0,
      verifier,
    };
  });
  // Scale to about 130,000 households, keeping 10–200 per hamlet (the tiny ones stay tiny).
  const total = params.reduce((s, h) => s + h.households, 0);
  const factor = TARGET_HOUSEHOLDS / total;
  for (const h of params) if (h.households >= 10) h.households = clamp(Math.round(h.households * factor), 10, 200);
  return params;
}

async function run(db: Executor, query: SQL): Promise<void> {
  await db.execute(query);
}

export async function seedDemo(db: Executor, options: SeedDemoOptions = {}): Promise<void> {
  const today = options.today ?? todayInVietnam();
  if (!isIsoDate(today)) throw new Error(`invalid today: ${today}`);
  if (today <= DEMO_START) throw new Error(`today (${today}) must be after ${DEMO_START}`);
  const steps = ['areas', 'criteria', 'households', 'residents', 'household criteria', 'skill assessments'] as const;
  let done = 0;
  const progress = (step: (typeof steps)[number]): void => options.onProgress?.(step, ++done, steps.length);

  // --- Areas -------------------------------------------------------------------------------------
  const { province, communes } = readOfficialAreas();
  const boundaries = readCommuneBoundaries();
  const provinceGeometry = readProvinceBoundary();
  const provincePoint = provinceGeometry ? labelPoint(provinceGeometry) : { latitude: null, longitude: null };
  const hamlets = readSimpleCsv(dataPath('cao-bang-hamlets.csv'));
  const levels = [
    [{ code: 'VN', name: 'Việt Nam', level: 'country', kind: 'quốc gia', parent_code: null, geometry: null, latitude: null, longitude: null }],
    [{ code: province.code, name: province.name, level: 'province', kind: province.kind, parent_code: 'VN', geometry: provinceGeometry, ...provincePoint }],
    communes.map((c) => {
      const geometry = boundaries.get(c.code);
      if (!geometry) throw new Error(`no boundary for commune ${c.code}`);
      return { code: c.code, name: c.name, level: 'commune', kind: c.kind, parent_code: c.parentCode, geometry, ...labelPoint(geometry) };
    }),
    hamlets.map((h) => ({
      code: h.code ?? '', name: h.name ?? '', level: 'hamlet', kind: h.kind ?? '', parent_code: h.parent_code ?? '', geometry: null,
      latitude: Number(h.latitude), longitude: Number(h.longitude),
    })),
  ];
  // One statement per level, so that each level finds its parents.
  for (const rows of levels) {
    const json = JSON.stringify(rows.map((r) => ({ ...r, name: r.name.normalize('NFC'), name_key: nameKey(r.name) })));
    await run(db, sql`
      insert into areas (code, name, name_key, level, kind, parent_id, geometry, latitude, longitude)
      select r.code, r.name, r.name_key, r.level::area_level, r.kind, p.id, r.geometry, r.latitude, r.longitude
      from jsonb_to_recordset(${json}::jsonb) as r(code text, name text, name_key text, level text, kind text,
             parent_code text, geometry jsonb, latitude float8, longitude float8)
      left join areas p on p.code = r.parent_code and p.valid_to is null
      order by r.code`);
  }
  progress('areas');

  // --- Criteria ----------------------------------------------------------------------------------
  await run(db, sql`
    insert into criteria (code, label)
    select r.code, r.label from jsonb_to_recordset(${JSON.stringify(CRITERIA)}::jsonb) as r(code text, label text)`);
  await run(db, sql`
    with s as (
      insert into criteria_sets (province_id, year, name, digital_hamlet_threshold)
      select id, 2025, 'Bộ tiêu chí Gia đình số năm 2025', 0.8 from areas where code = ${province.code} and valid_to is null
      returning id
    )
    insert into criteria_set_items (set_id, criterion_code, position)
    select s.id, c.code, c.position::smallint
    from s, unnest(${textArray(DEFAULT_CRITERIA)}) with ordinality as c(code, position)`);
  progress('criteria');

  // Per-hamlet parameters, staged in a temporary table (dropped at commit) for the next statements.
  const params = hamletParams();
  await run(db, sql`
    create temporary table seed_hamlet_params on commit drop as
    select a.id as hamlet_id, p.*
    from jsonb_to_recordset(${JSON.stringify(params)}::jsonb) as p(code text, households int, rate float8, partial float8,
           skew float8, skill float8, urban int, highland int, verifier text)
    join areas a on a.code = p.code and a.valid_to is null and a.level = 'hamlet'`);

  // On PostgreSQL as superuser (always the case on PGlite), skip the per-row foreign-key triggers
  // for this transaction, as pg_restore --disable-triggers does: the rows are consistent by
  // construction and the checks would double the time. Restored before returning.
  const [role] = await queryRows<{ superuser: boolean; replication: string }>(db, sql`
    select current_setting('is_superuser') = 'on' as superuser, current_setting('session_replication_role') as replication`);
  if (role?.superuser) await run(db, sql`set local session_replication_role = replica`);
  // Sorts of a few hundred thousand rows stay in memory instead of spilling to (virtual) disk.
  const [mem] = await queryRows<{ work_mem: string }>(db, sql`select current_setting('work_mem') as work_mem`);
  await run(db, sql`select set_config('work_mem', '128MB', true)`);

  // --- Households --------------------------------------------------------------------------------
  // Code: hamlet code + 4-digit sequence (01273-001-0042). Heads: ~78 % men. `k` is a 64-bit hash
  // of the code; `bits(k, i)` slices it into four uniform numbers.
  await run(db, sql`
    insert into households (code, hamlet_id, head_name, members, created_at)
    select c.code, p.hamlet_id,
      (case when p.highland = 1 and ${bits(sql`k.k2`, 0)} < 0.5 then ${pick(FAMILY_HIGHLAND, bits(sql`k.k1`, 0))} else ${pick(FAMILY, bits(sql`k.k1`, 0))} end)
        || ' ' || (case when ${headMale(sql`k.k1`)} then ${pick(MIDDLE_MALE, bits(sql`k.k1`, 2))} else ${pick(MIDDLE_FEMALE, bits(sql`k.k1`, 2))} end)
        || ' ' || (case when ${headMale(sql`k.k1`)} then ${pick(GIVEN_MALE, bits(sql`k.k1`, 3))} else ${pick(GIVEN_FEMALE, bits(sql`k.k1`, 3))} end),
      least(9, 1 + floor(9 * power(${bits(sql`k.k2`, 1)}, 1.6)))::smallint,
      ${`${DEMO_START}T00:00:00+07:00`}::timestamptz
    from seed_hamlet_params p
    cross join lateral generate_series(1, p.households) as g
    cross join lateral (select p.code || '-' || lpad(g::text, 4, '0') as code) as c
    cross join lateral (select ${hash(sql`c.code`, 1)} as k1, ${hash(sql`c.code`, 2)} as k2 offset 0) as k
    order by p.code, g`);
  progress('households');

  // --- Residents ---------------------------------------------------------------------------------
  // The adults registered for the movement, 1–3 per household (households.members keeps the full
  // size, 1–9): the head, usually the spouse, and an adult child (or a parent of the head; a
  // father shares the head's family name). Ages are as of `today`'s year. Staged in materialized
  // CTEs so that each hash is computed once per row.
  const year = Number(today.slice(0, 4));
  await run(db, sql`
    insert into residents (code, household_id, full_name, birth_year, sex, target_group)
    with hx as materialized (
      select h.id, h.code, h.head_name, h.members, p.urban,
        ${headMale(hash(sql`h.code`, 1))} as head_male, ${hash(sql`h.code`, 3)} as k3
      from households h join seed_hamlet_params p on p.hamlet_id = h.hamlet_id
    ), hr as materialized (
      select hx.*, 25 + floor(${bits(sql`k3`, 0)} * 45)::int as head_age,
        (case when members = 1 then 1 when members <= 3 then 2 else 3 end) as registered
      from hx
    ), m0 as materialized (
      select hr.id, hr.head_name, hr.urban, hr.head_male, hr.head_age, g, hr.code || '-' || g::text as code,
        case when g = 1 then 'head'
             when g = 2 and ${bits(sql`k3`, 1)} < 0.85 then 'spouse'
             when g = 3 and head_age >= 38 and ${bits(sql`k3`, 2)} < 0.75 then 'child'
             when g = 2 and head_age >= 38 then 'child'
             else 'parent' end as role
      from hr cross join generate_series(1, hr.registered) as g
    ), m as materialized (
      select m0.*, ${hash(sql`m0.code`, 1)} as k from m0
    ), r as materialized (
      select m.*, case role when 'head' then head_male when 'spouse' then not head_male else ${bits(sql`k`, 0)} < 0.5 end as male,
        ${bits(sql`k`, 3)} as w,
        (case role
          when 'head' then head_age
          when 'spouse' then greatest(18, head_age - 3 + floor(${bits(sql`k`, 3)} * 9)::int)
          when 'child' then 16 + floor(${bits(sql`k`, 3)} * least(14, head_age - 35))::int
          else least(95, head_age + 22 + floor(${bits(sql`k`, 3)} * 10)::int) end) as age
      from m
    )
    select code, id,
      (case when role = 'head' then head_name
            else (case when role = 'child' or (role = 'parent' and male) then split_part(head_name, ' ', 1) else ${pick(FAMILY, bits(sql`k`, 0))} end)
              || ' ' || (case when male then ${pick(MIDDLE_MALE, bits(sql`k`, 1))} else ${pick(MIDDLE_FEMALE, bits(sql`k`, 1))} end)
              || ' ' || (case when male then ${pick(GIVEN_MALE, bits(sql`k`, 2))} else ${pick(GIVEN_FEMALE, bits(sql`k`, 2))} end)
       end),
      (${year} - age)::smallint, (case when male then 'male' else 'female' end)::sex,
      (case
        when age between 16 and 22 and w < 0.75 then 'student'
        when age between 22 and 60 and w < (case when urban = 1 then 0.16 else 0.05 end) then 'public_sector'
        when age between 18 and 55 and w > (case when urban = 1 then 0.78 else 0.92 end) then 'enterprise'
        else 'citizen' end)::target_group
    from r
    order by id, g`);
  progress('residents');

  // --- Household criteria ------------------------------------------------------------------------
  // u < rate: the household meets all three; the next `partial` share of the others meets one or
  // two. Digital households complete in the order of u along the hamlet's S-curve; the criteria met
  // before the last one get earlier dates. Adoption orders vary by household.
  const span = sql`(${today}::date - ${DEMO_START}::date)`;
  await run(db, sql`
    insert into household_criteria (household_id, criterion_code, met_on, verified_by, verified_at)
    select household_id, criterion, met_on, verifier,
      (least(met_on + floor(${bits(sql`kc`, 0)} * 8)::int, ${today}::date)::timestamp
        + interval '7 hours 30 minutes' + floor(${bits(sql`kc`, 1)} * 540) * interval '1 minute')
        at time zone 'Asia/Ho_Chi_Minh'
    from (
      select h.household_id, h.verifier, o.criterion, kc,
        (${DEMO_START}::date + floor(${span} * case
            when o.rank = h.n_met then h.x_last
            else h.x_last * (1 - 0.75 * ${bits(sql`kc`, 2)}) end)::int) as met_on
      from (
        select hh.id as household_id, hh.code, p.verifier, n_met, ord,
          ${sCurve(sql`case when n_met = 3 then u / p.rate else ${bits(sql`k.k`, 2)} end`, sql`p.skew`)} as x_last
        from households hh
        join seed_hamlet_params p on p.hamlet_id = hh.hamlet_id
        cross join lateral (select ${hash(sql`hh.code`, 4)} as k offset 0) as k
        cross join lateral (select ${bits(sql`k.k`, 0)} as u, ${bits(sql`k.k`, 1)} as ord offset 0) as r
        cross join lateral (select case
            when u < p.rate then 3
            when u < p.rate + (1 - p.rate) * p.partial then (case when ${bits(sql`k.k`, 3)} < 0.45 then 2 else 1 end)
            else 0 end as n_met offset 0) as n
      ) h
      cross join lateral (values
        ('SMARTPHONE_OFFICIAL_INFO', case when h.ord < 0.8 then 1 when h.ord < 0.92 then 2 else 3 end),
        ('CASHLESS_PAYMENT',         case when h.ord < 0.55 then 2 when h.ord < 0.8 then 3 when h.ord < 0.92 then 1 else 2 end),
        ('ONLINE_PUBLIC_SERVICE',    case when h.ord < 0.55 then 3 when h.ord < 0.8 then 2 when h.ord < 0.92 then 3 else 1 end)
      ) as o(criterion, rank)
      cross join lateral (select ${hash(sql`h.code || o.criterion`, 5)} as kc offset 0) as kc
      where o.rank <= h.n_met
    ) c`);
  progress('household criteria');

  // --- Skill assessments -------------------------------------------------------------------------
  // Residents aged 15–60. Members of digital households pass more often; a quarter of those who
  // pass failed a first attempt earlier; some only failed.
  await run(db, sql`
    insert into skill_assessments (resident_id, target_group, result, assessed_on)
    select resident_id, target_group, result::assessment_result, assessed_on
    from (
      select r.id as resident_id, r.target_group, v, w,
        least(0.95, p.skill * (case when d.digital then 1.2 else 0.55 end)
          * (case r.target_group when 'public_sector' then 1.3 when 'student' then 1.15 else 1 end)) as pass_rate,
        (${DEMO_START}::date + floor(${span} * ${sCurve(sql`q`, sql`p.skew`)})::int) as passed_on
      from residents r
      join households h on h.id = r.household_id
      join seed_hamlet_params p on p.hamlet_id = h.hamlet_id
      left join (select household_id, true as digital from household_criteria group by household_id having count(*) = 3) d
        on d.household_id = h.id
      cross join lateral (select ${hash(sql`r.code`, 6)} as k offset 0) as k
      cross join lateral (select ${bits(sql`k.k`, 0)} as v, ${bits(sql`k.k`, 1)} as q, ${bits(sql`k.k`, 2)} as w offset 0) as x
      where r.birth_year between ${year - 60} and ${year - 15}
    ) s
    cross join lateral (
      select 'PASSED' as result, s.passed_on as assessed_on where s.v < s.pass_rate
      union all
      select 'FAILED', ${DEMO_START}::date + floor((s.passed_on - ${DEMO_START}::date) * s.w)::int
        where s.v < s.pass_rate * 0.25 and s.passed_on > ${DEMO_START}::date
      union all
      select 'FAILED', s.passed_on where s.v >= s.pass_rate and s.v < s.pass_rate + 0.12
    ) a
    order by resident_id, assessed_on`);
  progress('skill assessments');

  if (role?.superuser) await run(db, sql`select set_config('session_replication_role', ${role.replication}, true)`);
  await run(db, sql`select set_config('work_mem', ${mem?.work_mem ?? '4MB'}, true)`);
}
