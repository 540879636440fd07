/*
 * Functions the peer (PostGraphile) serves, in a `bench` schema created by the benchmark, never by
 * the app's migrations. They read the same aggregate tables with the same lateral lookups.
 */
export const PEER_FUNCTIONS = `
create schema if not exists bench;
drop type if exists bench.bench_row cascade;
drop type if exists bench.bench_geo_row cascade;
drop type if exists bench.bench_point cascade;
create type bench.bench_row as (code text, name text, level text, latitude float8, longitude float8,
  households int, digital_families int, previous_digital_families int, threshold_thousandths int);
create type bench.bench_geo_row as (code text, name text, kind text, level text, geometry jsonb, latitude float8, longitude float8);
create type bench.bench_point as (day date, households int, digital_families int);

create function bench.bench_leaderboard(parent_code text, as_of date) returns setof bench.bench_row
language sql stable as $$
  select c.code, c.name, c.level::text, c.latitude, c.longitude, coalesce(t.households, 0),
         coalesce(v.digital_families, 0), coalesce(pv.digital_families, 0), th.thousandths
  from areas p
  join areas c on c.parent_id = p.id and c.valid_to is null
  left join area_totals t on t.area_id = c.id
  left join lateral (select digital_families from area_daily_totals x
    where x.area_id = c.id and x.day <= as_of order by x.day desc limit 1) v on true
  left join lateral (select digital_families from area_daily_totals x
    where x.area_id = c.id and x.day <= (date_trunc('quarter', as_of) - interval '1 day')::date
    order by x.day desc limit 1) pv on true
  left join lateral (select round(s.digital_hamlet_threshold * 1000)::int as thousandths
    from area_ancestors up join areas pr on pr.id = up.ancestor_id and pr.level = 'province'
    join criteria_sets s on s.province_id = pr.id and s.year <= extract(year from as_of)
    where up.area_id = c.id order by s.year desc limit 1) th on true
  where p.code = parent_code and p.valid_to is null
  order by coalesce(v.digital_families, 0)::float8 / nullif(t.households, 0) desc nulls last, c.name
$$;

create function bench.bench_map(parent_code text, as_of date) returns setof bench.bench_row
language sql stable as $$
  select c.code, c.name, c.level::text, c.latitude, c.longitude, coalesce(t.households, 0),
         coalesce(v.digital_families, 0), null::int, null::int
  from areas p
  join areas c on c.parent_id = p.id and c.valid_to is null
  left join area_totals t on t.area_id = c.id
  left join lateral (select digital_families from area_daily_totals x
    where x.area_id = c.id and x.day <= as_of order by x.day desc limit 1) v on true
  where p.code = parent_code and p.valid_to is null order by c.code
$$;

create function bench.bench_geo(parent_code text) returns setof bench.bench_geo_row
language sql stable as $$
  select c.code, c.name, c.kind, c.level::text, c.geometry, c.latitude, c.longitude
  from areas c where c.valid_to is null
    and c.parent_id = (select id from areas p where p.code = parent_code and p.valid_to is null)
  order by c.code
$$;

create function bench.bench_series(area_code text, days date[]) returns setof bench.bench_point
language sql stable as $$
  select d.day, coalesce(t.households, 0), coalesce(v.digital_families, 0)
  from areas a cross join unnest(days) d(day)
  left join area_totals t on t.area_id = a.id
  left join lateral (select digital_families from area_daily_totals x
    where x.area_id = a.id and x.day <= d.day order by x.day desc limit 1) v on true
  where a.code = area_code and a.valid_to is null order by d.day
$$;
`;
