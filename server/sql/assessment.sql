-- The monthly assessment's counts (src/stats/assessment/: indicators.ts, assessment.ts), in the
-- same arithmetic: over the cases reported in each window [p_from[n], p_to[n]), as they stood at
-- its end, per window for the district, each town a case lies in and each responsible unit. A
-- case with no unit answers to p_lamp_unit (lamp faults), to its town (railway issues, patches), else to
-- none (''). Scores and rankings are made from these counts in the page, from its config.
\set ON_ERROR_STOP 1
set search_path = citygis, public;

create or replace function assessment(p_from timestamptz[], p_to timestamptz[], p_lamp_unit text)
returns table (k text, period integer, level text, code text, registered bigint, due bigint, closed bigint, "closedOnTime" bigint,
  "handleDue" bigint, handled bigint, "handledOnTime" bigint, reworked bigint, overdue bigint, "publicReports" bigint,
  "meanHandleMinutes" double precision, "medianHandleMinutes" integer, "unitsByDefault" bigint, "unitsUnknown" bigint, geom geometry)
language sql stable set search_path = citygis, public as $$
  with w as (select n::integer - 1 as period, f, t from unnest(p_from, p_to) with ordinality as u(f, t, n)),
  cases as (
    select located_town, coalesce(responsible_unit, p_lamp_unit) as unit, responsible_unit is null as by_default,
      reworks, source, reported_at, handled_at, closed_at, deadline from lamp_faults
    union all
    select located_town, coalesce(responsible_unit, ''), false, reworks, source, reported_at, handled_at, closed_at, deadline from manhole_defects
    union all
    select located_town, coalesce(responsible_unit, case when located_town <> 'outside' then located_town else '' end),
      responsible_unit is null and located_town <> 'outside', reworks, source, reported_at, handled_at, closed_at, deadline from railway_issues
    union all
    -- A patch is handled and closed when it is concluded: at verification if legal or a false positive, else when disposed of.
    select located_town, coalesce(responsible_unit, case when located_town <> 'outside' then located_town else '' end),
      responsible_unit is null and located_town <> 'outside', 0::smallint, null, detected_at, concluded, concluded, deadline
    from (select p.*, case when p.status in ('legal', 'falsePositive') then p.verified_at else p.disposed_at end as concluded from patches p) pc),
  marked as (
    select w.period, c.located_town, c.unit, c.by_default,
      coalesce(c.handled_at < w.t, false) as handled,
      coalesce(c.closed_at < w.t, false) as closed,
      c.deadline <= w.t as due_by_end,
      coalesce(c.handled_at < w.t and c.handled_at <= c.deadline, false) as on_time,
      case when coalesce(c.handled_at < w.t, false) then c.handled_at > c.deadline else c.deadline < w.t end as overdue,
      c.source in ('hotline', 'app') as public_report, c.reworks > 0 as sent_back,
      case when c.handled_at < w.t then round(extract(epoch from c.handled_at - c.reported_at) / 60)::integer end as minutes
    from w join cases c on c.reported_at >= w.f and c.reported_at < w.t),
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
