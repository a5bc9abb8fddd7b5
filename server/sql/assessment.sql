-- The monthly assessment's counts (src/stats/assessment/: indicators.ts, assessment.ts), in the
-- same arithmetic: over the cases reported in each window [p_from[n], p_to[n]), as they stood at
-- its end, per window for the district, each town a case lies in and each responsible unit. A
-- case with no unit answers to p_lamp_unit (lamp faults), to its town (railway issues, patches), else to
-- none (''). Scores and rankings are made from these counts in the page, from its config.
\set ON_ERROR_STOP 1
set search_path = citygis, public;

-- The cases the assessment reads, from the four case tables: a case with no unit answers to
-- p_lamp_unit (lamp faults), to its town (railway issues, patches), else to none (''). A patch is
-- handled and closed when it is concluded: at verification if legal or a false positive, else when
-- disposed of. railway_class is a railway issue's class, which gives its category when it has none.
create or replace function assessed_cases(p_lamp_unit text)
returns table (layer text, id text, located_town text, unit text, by_default boolean, category_code text, railway_class text,
  reworks smallint, source text, reported_at timestamptz, handled_at timestamptz, closed_at timestamptz, deadline timestamptz, geom geometry)
-- No search_path of its own: the planner then inlines it into its callers (which set theirs), and a
-- window's bounds reach each table's reported_at index instead of a scan of every case per window.
language sql stable as $$
  select 'lamps', id, located_town, coalesce(responsible_unit, p_lamp_unit), responsible_unit is null, category_code, null,
    reworks, source, reported_at, handled_at, closed_at, deadline, geom from lamp_faults
  union all
  select 'manholes', id, located_town, coalesce(responsible_unit, ''), false, category_code, null,
    reworks, source, reported_at, handled_at, closed_at, deadline, geom from manhole_defects
  union all
  select 'railway', id, located_town, coalesce(responsible_unit, case when located_town <> 'outside' then located_town else '' end),
    responsible_unit is null and located_town <> 'outside', category_code, category,
    reworks, source, reported_at, handled_at, closed_at, deadline, geom from railway_issues
  union all
  select 'patches', id, located_town, coalesce(responsible_unit, case when located_town <> 'outside' then located_town else '' end),
    responsible_unit is null and located_town <> 'outside', category_code, null, 0::smallint, null, detected_at, concluded, concluded, deadline, geom
  from (select p.*, case when p.status in ('legal', 'falsePositive') then p.verified_at else p.disposed_at end as concluded from patches p) pc
$$;

-- Where a case lies: a point is itself, a patch where Turf's pointOnFeature puts it (the centre of
-- its bounding box when that lies on it, else its first vertex), as load.sql places it in its town.
create or replace function case_point(g geometry) returns geometry language sql immutable as $$
  select case when geometrytype(g) = 'POINT' then g
    when st_intersects(g, st_setsrid(st_makepoint((st_xmin(g) + st_xmax(g)) / 2, (st_ymin(g) + st_ymax(g)) / 2), st_srid(g)))
      then st_setsrid(st_makepoint((st_xmin(g) + st_xmax(g)) / 2, (st_ymin(g) + st_ymax(g)) / 2), st_srid(g))
    else st_startpoint(st_exteriorring(st_geometryn(g, 1))) end $$;

-- Each case's marks at the end of each window [p_from[n], p_to[n]) it was reported in, as indicators.ts counts them.
create or replace function assessment_marks(p_from timestamptz[], p_to timestamptz[], p_lamp_unit text)
returns table (period integer, layer text, located_town text, unit text, by_default boolean, category_code text, railway_class text,
  handled boolean, closed boolean, due_by_end boolean, on_time boolean, overdue boolean, public_report boolean, sent_back boolean, minutes integer)
language sql stable set search_path = citygis, public as $$
  with w as (select n::integer - 1 as period, f, t from unnest(p_from, p_to) with ordinality as u(f, t, n))
  select w.period, c.layer, c.located_town, c.unit, c.by_default, c.category_code, c.railway_class,
    coalesce(c.handled_at < w.t, false),
    coalesce(c.closed_at < w.t, false),
    c.deadline <= w.t,
    coalesce(c.handled_at < w.t and c.handled_at <= c.deadline, false),
    case when coalesce(c.handled_at < w.t, false) then c.handled_at > c.deadline else c.deadline < w.t end,
    c.source in ('hotline', 'app'), c.reworks > 0,
    case when c.handled_at < w.t then round(extract(epoch from c.handled_at - c.reported_at) / 60)::integer end
  from w join assessed_cases(p_lamp_unit) c on c.reported_at >= w.f and c.reported_at < w.t
$$;

create or replace function assessment(p_from timestamptz[], p_to timestamptz[], p_lamp_unit text)
returns table (k text, period integer, level text, code text, registered bigint, due bigint, closed bigint, "closedOnTime" bigint,
  "handleDue" bigint, handled bigint, "handledOnTime" bigint, reworked bigint, overdue bigint, "publicReports" bigint,
  "meanHandleMinutes" double precision, "medianHandleMinutes" integer, "unitsByDefault" bigint, "unitsUnknown" bigint, geom geometry)
language sql stable set search_path = citygis, public as $$
  with marked as (select * from assessment_marks(p_from, p_to, p_lamp_unit)),
  grouped as (
    select m.period,
      case when grouping(m.located_town) = 0 then 'town' when grouping(m.unit) = 0 then 'unit' else 'district' end as level,
      case when grouping(m.located_town) = 0 then m.located_town when grouping(m.unit) = 0 then m.unit else 'district' end as code,
      count(*) as registered,
      count(*) filter (where m.due_by_end or m.closed) as due,
      count(*) filter (where m.closed) as closed,
      count(*) filter (where m.closed and m.on_time) as closed_on_time,
      count(*) filter (where m.due_by_end or m.handled) as handle_due,
      count(*) filter (where m.handled) as handled,
      count(*) filter (where m.on_time) as handled_on_time,
      count(*) filter (where m.handled and m.sent_back) as reworked,
      count(*) filter (where m.overdue) as overdue,
      count(*) filter (where m.public_report) as public_reports,
      avg(m.minutes)::double precision as mean_minutes,
      percentile_disc(0.5) within group (order by m.minutes) as median_minutes,
      count(*) filter (where m.by_default) as by_default,
      count(*) filter (where m.unit = '') as unknown
    from marked m
    group by grouping sets ((m.period), (m.period, m.located_town), (m.period, m.unit)))
  select g.period || ':' || g.level || ':' || g.code, g.period, g.level, g.code, g.registered, g.due, g.closed, g.closed_on_time,
    g.handle_due, g.handled, g.handled_on_time, g.reworked, g.overdue, g.public_reports, g.mean_minutes, g.median_minutes,
    g.by_default, g.unknown, (select st_pointonsurface(geom) from district limit 1)
  from grouped g where not (g.level = 'town' and g.code = 'outside')
  order by 1
$$;

-- Kept 10 seconds, as town_stats (fill_cache in schema.sql).
create unlogged table if not exists assessment_cache as
  select ''::text as key, now() as at, s.* from assessment(array[now()], array[now()], '') s with no data;
create index if not exists assessment_cache_key on assessment_cache (key);

create or replace function assessment_cached(p_from timestamptz[], p_to timestamptz[], p_lamp_unit text)
returns setof assessment_cache language plpgsql volatile security definer set search_path = citygis, public as $$
declare cache_key text := fill_cache('assessment_cache', format('select * from citygis.assessment(%L, %L, %L)', p_from, p_to, p_lamp_unit));
begin
  return query select * from assessment_cache where key = cache_key;
end $$;

-- What the report and the drill-down show beside the ranking (report.ts), for the period
-- [p_from, p_to): per town and responsible unit, the counts of each category of the cases reported
-- in it ('category' rows: layer, category_code and railway_class, which the page resolves to a
-- category with its config's defaults); how many cases were left open (unhandled) at its end and
-- how many of those overdue ('open-count'); and the first p_shown of them, the overdue first, then by
-- deadline and id ('open', at the case's point, urgency giving that order). Trends are the assessment() of each month.
create or replace function assessment_detail(p_from timestamptz, p_to timestamptz, p_lamp_unit text, p_shown integer)
returns table (k text, kind text, level text, code text, layer text, "categoryCode" text, "railwayClass" text,
  registered bigint, due bigint, overdue bigint, "closedOnTime" bigint, open bigint, id text, late integer, urgency bigint, geom geometry)
language sql stable set search_path = citygis, public as $$
  with categories as (
    select case when grouping(m.located_town) = 0 then 'town' else 'unit' end as level,
      case when grouping(m.located_town) = 0 then m.located_town else m.unit end as code,
      m.layer, coalesce(m.category_code, '') as category_code, coalesce(m.railway_class, '') as railway_class,
      count(*) as registered,
      count(*) filter (where m.due_by_end or m.closed) as due,
      count(*) filter (where m.overdue) as overdue,
      count(*) filter (where m.closed and m.on_time) as closed_on_time
    from assessment_marks(array[p_from], array[p_to], p_lamp_unit) m
    group by grouping sets ((m.located_town, m.layer, m.category_code, m.railway_class), (m.unit, m.layer, m.category_code, m.railway_class))),
  open_cases as (
    select c.id, c.layer, c.located_town, c.unit, c.deadline < p_to as late, c.deadline, c.geom
    from assessed_cases(p_lamp_unit) c
    where c.reported_at < p_to and (c.handled_at is null or c.handled_at >= p_to)),
  grouped_open as (
    select 'town' as level, located_town as code, o.* from open_cases o where located_town <> 'outside'
    union all
    select 'unit', unit, o.* from open_cases o),
  ranked as (
    select g.*, row_number() over (partition by g.level, g.code order by g.late desc, g.deadline, g.id collate "C") as n from grouped_open g)
  select r.k, r.kind, r.level, r.code, r.layer, r.category_code, r.railway_class, r.registered, r.due, r.overdue, r.closed_on_time,
    r.open, r.id, r.late, r.urgency, coalesce(r.geom, (select st_pointonsurface(d.geom) from district d limit 1))
  from (
  select 'category:' || level || ':' || code || ':' || layer || ':' || category_code || ':' || railway_class as k, 'category' as kind, level, code, layer,
    category_code, railway_class, registered, due, overdue, closed_on_time, null::bigint as open, null::text as id, null::integer as late, null::bigint as urgency, null::geometry as geom
  from categories where not (level = 'town' and code = 'outside')
  union all
  select 'open-count:' || level || ':' || code, 'open-count', level, code, null, null, null, null, null, count(*) filter (where late), null,
    count(*), null, null, null, null
  from grouped_open group by level, code
  union all
  select 'open:' || level || ':' || code || ':' || id, 'open', level, code, layer, null, null, null, null, null, null, null, id, late::integer, n, case_point(geom)
  from ranked where n <= p_shown) r
  order by 1
$$;

create unlogged table if not exists assessment_detail_cache as
  select ''::text as key, now() as at, s.* from assessment_detail(now(), now(), '', 0) s with no data;
create index if not exists assessment_detail_cache_key on assessment_detail_cache (key);

create or replace function assessment_detail_cached(p_from timestamptz, p_to timestamptz, p_lamp_unit text, p_shown integer)
returns setof assessment_detail_cache language plpgsql volatile security definer set search_path = citygis, public as $$
declare cache_key text := fill_cache('assessment_detail_cache', format('select * from citygis.assessment_detail(%L, %L, %L, %s)', p_from, p_to, p_lamp_unit, p_shown));
begin
  return query select * from assessment_detail_cache where key = cache_key;
end $$;
