-- The headline figures of the cards (src/stats/kpis.ts) for many windows at once: the range, the
-- period before it and the sparkline's sub-windows. Each figure equals the district row of
-- town_stats (stats.sql) for that window, but the cases are read once for all windows instead of
-- once per window. Published by MapServer as the collection kpi-windows.
set search_path = citygis, public;

-- The windows' ends, sorted and distinct: the buckets of width_bucket.
create or replace function window_edges(p_from timestamptz[], p_to timestamptz[]) returns timestamptz[] language sql immutable as
  $$ select array_agg(e order by e) from (select unnest(p_from) union select unnest(p_to)) x(e) $$;

-- One case table, per window (k from 0): cases reported in it, those closed before its end, and
-- those overdue at its end (case_flow's win). Each case is placed once among the windows' edges
-- (its report, close and deadline buckets); the windows then sum the few cells that fall in them.
create or replace function case_windows(cases regclass, layer text, f1 text, f2 text, p_from timestamptz[], p_to timestamptz[],
  p_towns text[], p_classes jsonb)
returns table (k integer, reported bigint, closed bigint, overdue bigint)
language plpgsql stable set search_path = citygis, public as $$
begin
  return query execute format($q$
    with cells as (
      select width_bucket(reported_at, $1) as rb, coalesce(width_bucket(closed_at, $1), cardinality($1) + 1) as cb,
        width_bucket(deadline, $1) as db, not coalesce(handled_at <= deadline, false) as late, count(*) as n
      from %1$s c where reported_at >= $1[1] and reported_at < $1[cardinality($1)]
        and ($4 is null or c.located_town = any($4)) and citygis.kept($5, %2$L, %3$L, c.k1) and citygis.kept($5, %2$L, %4$L, c.k2)
      group by 1, 2, 3, 4),
    wins as (select (w.k - 1)::integer as k, array_position($1, w.f) as fi, array_position($1, w.t) as ti
      from unnest($2, $3) with ordinality as w(f, t, k))
    select w.k, coalesce(sum(c.n), 0)::bigint, coalesce(sum(c.n) filter (where c.cb < w.ti), 0)::bigint,
      coalesce(sum(c.n) filter (where c.db < w.ti and c.late), 0)::bigint
    from wins w left join cells c on c.rb >= w.fi and c.rb < w.ti
    group by w.k order by w.k
  $q$, cases, layer, f1, f2) using citygis.window_edges(p_from, p_to), p_from, p_to, p_towns, p_classes;
end $$;

-- One case table, at each end (k from 0): cases open (reported before it, not done before it) and
-- the amount still open (lamps out), as case_flow's open_at_end: the month totals of case_months
-- before the end's month, plus that month's events before the end.
create or replace function case_open_at(cases regclass, layer text, f1 text, f2 text, done_col text, p_ends timestamptz[],
  p_towns text[], p_classes jsonb)
returns table (k integer, backlog bigint, open_amount double precision)
language plpgsql stable set search_path = citygis, public as $$
declare
  amount text := case cases when 'citygis.lamp_faults'::regclass then 'lamps_affected' else '1' end;
  month_col text := case done_col when 'handled_at' then 'handled' else 'closed' end;
  table_name text := (select relname from pg_class where oid = cases);
begin
  return query execute format($q$
    select (e.k - 1)::integer, (coalesce(m.reported, 0) - coalesce(m.done, 0) + x.reported - x.done)::bigint,
      (coalesce(m.amount_reported, 0) - coalesce(m.amount_handled, 0) + x.amount_reported - x.amount_handled)::double precision
    from unnest($1) with ordinality as e(t, k)
    cross join lateral (
      select sum(cm.reported) as reported, sum(cm.%6$I) as done, sum(cm.amount_reported) as amount_reported, sum(cm.amount_handled) as amount_handled
      from citygis.case_months cm where cm.tbl = %7$L and cm.month < citygis.month_start(e.t) and ($2 is null or cm.town = any($2))
        and citygis.kept($3, %3$L, %4$L, cm.k1) and citygis.kept($3, %3$L, %5$L, cm.k2)) m
    cross join lateral (
      select count(*) filter (where reported_at >= citygis.month_start(e.t) and reported_at < e.t) as reported,
        count(*) filter (where %2$I >= citygis.month_start(e.t) and %2$I < e.t) as done,
        coalesce(sum(%8$s) filter (where reported_at >= citygis.month_start(e.t) and reported_at < e.t), 0) as amount_reported,
        coalesce(sum(%8$s) filter (where handled_at >= citygis.month_start(e.t) and handled_at < e.t), 0) as amount_handled
      from %1$s c
      where ((reported_at >= citygis.month_start(e.t) and reported_at < e.t) or (%2$I >= citygis.month_start(e.t) and %2$I < e.t)
          or (handled_at >= citygis.month_start(e.t) and handled_at < e.t))
        and ($2 is null or c.located_town = any($2)) and citygis.kept($3, %3$L, %4$L, c.k1) and citygis.kept($3, %3$L, %5$L, c.k2)) x
    order by e.k
  $q$, cases, done_col, layer, f1, f2, month_col, table_name, amount) using p_ends, p_towns, p_classes;
end $$;

-- Patches to verify at each end (k from 0): detected before it and not verified before it. A
-- patch counts once, as in town_stats' district row: with towns kept, if its parts in them have an area.
create or replace function patches_pending_at(p_ends timestamptz[], p_towns text[], p_classes jsonb)
returns table (k integer, pending bigint)
language sql stable set search_path = citygis, public as $$
  with edges as (select window_edges(p_ends, '{}') as e),
  cells as (
    select width_bucket(p.detected_at, edges.e) as db, coalesce(width_bucket(p.verified_at, edges.e), cardinality(edges.e) + 1) as vb, count(*) as n
    from patches p, edges
    where p.detected_at < edges.e[cardinality(edges.e)] and coalesce(p.verified_at >= edges.e[1], true)
      and kept(p_classes, 'patches', 'status', p.status) and kept(p_classes, 'patches', 'landType', p.land_type)
      and kept(p_classes, 'patches', 'changeType', p.change_type)
      and case when p_towns is null then p.measured_m2 > 0 and exists (select 1 from patch_parts pp where pp.patch_id = p.id)
        else coalesce((select sum(pp.area_m2) from patch_parts pp where pp.patch_id = p.id and pp.town = any(p_towns)), 0) > 0 end
    group by 1, 2)
  select (w.k - 1)::integer, coalesce(sum(c.n) filter (where c.db < w.i and c.vb >= w.i), 0)::bigint
  from (select x.k, array_position(edges.e, x.t) as i from unnest(p_ends) with ordinality as x(t, k), edges) w
  left join cells c on true
  group by w.k order by w.k
$$;

create or replace function kpi_windows(p_from timestamptz[], p_to timestamptz[], p_towns text[] default null, p_classes jsonb default '{}')
returns table (k integer, "lightingRate" double precision, "openDefects" double precision, "patchesPending" bigint,
  "railwayOpen" bigint, "closureRate" double precision, "overdueCases" bigint, geom geometry)
language sql stable set search_path = citygis, public as $$
  with lamps as (select sum(lamps) as n from asset_totals where layer = 'streetLamps' and (p_towns is null or town = any(p_towns))
      and kept(p_classes, 'streetLamps', 'status', k1) and kept(p_classes, 'streetLamps', 'lampType', k2)),
    lamps_out as (select * from case_open_at('lamp_faults', 'streetLamps', 'status', 'lampType', 'handled_at', p_to, p_towns, p_classes)),
    defects_open as (select * from case_open_at('manhole_defects', 'manholes', 'kind', 'status', 'handled_at', p_to, p_towns, p_classes)),
    railway_open as (select * from case_open_at('railway_issues', 'railway', 'category', 'status', 'closed_at', p_to, p_towns, p_classes)),
    pending as (select * from patches_pending_at(p_to, p_towns, p_classes)),
    flows as (
      select * from case_windows('lamp_faults', 'streetLamps', 'status', 'lampType', p_from, p_to, p_towns, p_classes)
      union all select * from case_windows('manhole_defects', 'manholes', 'kind', 'status', p_from, p_to, p_towns, p_classes)
      union all select * from case_windows('railway_issues', 'railway', 'category', 'status', p_from, p_to, p_towns, p_classes)),
    cases as (select f.k, sum(f.reported) as reported, sum(f.closed) as closed, sum(f.overdue) as overdue from flows f group by f.k)
  select c.k,
    case when coalesce(l.n, 0) > 0 then (l.n - least(lo.open_amount, l.n)) / l.n::double precision end,
    d.open_amount, p.pending, r.backlog,
    case when c.reported > 0 then c.closed / c.reported::double precision end,
    c.overdue::bigint,
    (select st_pointonsurface(geom) from district limit 1)
  from cases c cross join lamps l
  join lamps_out lo on lo.k = c.k join defects_open d on d.k = c.k join railway_open r on r.k = c.k join pending p on p.k = c.k
  order by c.k
$$;

-- Kept 10 seconds, as town_stats (fill_cache in schema.sql).
create unlogged table if not exists kpi_windows_cache as
  select ''::text as key, now() as at, s.* from kpi_windows(array[now()], array[now()]) s with no data;
create index if not exists kpi_windows_cache_key on kpi_windows_cache (key);

create or replace function kpi_windows_cached(p_from timestamptz[], p_to timestamptz[], p_towns text[] default null, p_classes jsonb default '{}')
returns setof kpi_windows_cache language plpgsql volatile security definer set search_path = citygis, public as $$
declare cache_key text := fill_cache('kpi_windows_cache', format('select * from citygis.kpi_windows(%L, %L, %L, %L)', p_from, p_to, p_towns, p_classes));
begin
  return query select * from kpi_windows_cache where key = cache_key;
end $$;
