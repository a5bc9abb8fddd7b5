-- The browser engine's case series (src/stats/series/caseSeries.ts, patchSeries) in SQL: for the
-- buckets [edges[k], edges[k + 1]), per layer, cases reported and closed in each and open at each
-- one's end (patches: detected, concluded, open), under a town selection and the class filters.
-- One row per layer and bucket (k from 0). Published by MapServer as the collection case-series.
set search_path = citygis, public;

-- One case table: bucket counts by width_bucket over the edges; the open count at the first edge
-- comes from the month totals of case_months before its month plus that month's events so far,
-- so a series costs the same whatever history lies before it.
create or replace function case_table_series(cases regclass, layer text, f1 text, f2 text, p_edges timestamptz[],
  p_towns text[], p_classes jsonb)
returns table (k integer, reported bigint, closed bigint, backlog bigint)
language plpgsql stable set search_path = citygis, public as $$
declare
  first_edge timestamptz := p_edges[1];
  first_month timestamptz := citygis.month_start(p_edges[1]);
  table_name text := (select relname from pg_class where oid = cases);
  -- Written into each read rather than shared, so each can use its time index.
  keep text := format('($2 is null or c.located_town = any($2)) and citygis.kept($3, %1$L, %2$L, c.k1) and citygis.kept($3, %1$L, %3$L, c.k2)', layer, f1, f2);
begin
  if cardinality(p_edges) < 2 then return; end if;
  return query execute format($q$
    with rep as (select width_bucket(reported_at, $1) - 1 as k, count(*) as n from %1$s c
      where reported_at >= $1[1] and reported_at < $1[cardinality($1)] and %2$s group by 1),
    clo as (select width_bucket(closed_at, $1) - 1 as k, count(*) as n from %1$s c
      where closed_at >= $1[1] and closed_at < $1[cardinality($1)] and %2$s group by 1),
    opening as (
      select coalesce(sum(c.reported - c.closed), 0) as n from citygis.case_months c
      where c.tbl = %3$L and c.month < $5 and ($2 is null or c.town = any($2))
        and citygis.kept($3, %4$L, %5$L, c.k1) and citygis.kept($3, %4$L, %6$L, c.k2)
      union all
      select count(*) filter (where reported_at >= $5 and reported_at < $4) - count(*) filter (where closed_at >= $5 and closed_at < $4)
      from %1$s c where ((reported_at >= $5 and reported_at < $4) or (closed_at >= $5 and closed_at < $4)) and %2$s),
    buckets as (
      select b.k, coalesce(r.n, 0) as reported, coalesce(x.n, 0) as closed
      from generate_series(0, cardinality($1) - 2) as b(k) left join rep r on r.k = b.k left join clo x on x.k = b.k)
    select b.k::integer, b.reported, b.closed,
      ((select sum(n) from opening) + sum(b.reported - b.closed) over (order by b.k))::bigint
    from buckets b order by b.k
  $q$, cases, keep, table_name, layer, f1, f2) using p_edges, p_towns, p_classes, first_edge, first_month;
end $$;

-- Patches as cases: detected → concluded (verified for a legal patch or a false positive, else
-- disposed); a patch counts once if any part of it lies in a kept town.
create or replace function patch_series(p_edges timestamptz[], p_towns text[], p_classes jsonb)
returns table (k integer, reported bigint, closed bigint, backlog bigint)
language sql stable set search_path = citygis, public as $$
  with chosen as (
    select p.detected_at as detected,
      case when p.status in ('legal', 'falsePositive') then p.verified_at else p.disposed_at end as concluded
    from patches p
    where kept(p_classes, 'patches', 'status', p.status) and kept(p_classes, 'patches', 'landType', p.land_type)
      and kept(p_classes, 'patches', 'changeType', p.change_type)
      and (p_towns is null or exists (select 1 from patch_parts pp where pp.patch_id = p.id and pp.town = any(p_towns)))
      and p.detected_at < p_edges[cardinality(p_edges)]),
  rep as (select width_bucket(detected, p_edges) - 1 as k, count(*) as n from chosen where detected >= p_edges[1] group by 1),
  clo as (select width_bucket(concluded, p_edges) - 1 as k, count(*) as n from chosen
    where concluded >= p_edges[1] and concluded < p_edges[cardinality(p_edges)] group by 1),
  -- A patch is concluded after it is detected, so each one concluded in a bucket was open before.
  opening as (select count(*) as n from chosen where detected < p_edges[1] and not coalesce(concluded < p_edges[1], false)),
  buckets as (
    select b.k, coalesce(r.n, 0) as reported, coalesce(c.n, 0) as closed
    from generate_series(0, cardinality(p_edges) - 2) as b(k) left join rep r on r.k = b.k left join clo c on c.k = b.k)
  select b.k::integer, b.reported, b.closed, ((select n from opening) + sum(b.reported - b.closed) over (order by b.k))::bigint
  from buckets b order by b.k
$$;

create or replace function case_series(p_edges timestamptz[], p_towns text[] default null, p_classes jsonb default '{}')
returns table (id text, layer text, k integer, reported bigint, closed bigint, backlog bigint, geom geometry)
language sql stable set search_path = citygis, public as $$
  with rows as (
    select 'lamps' as layer, s.* from case_table_series('lamp_faults', 'streetLamps', 'status', 'lampType', p_edges, p_towns, p_classes) s
    union all select 'manholes', s.* from case_table_series('manhole_defects', 'manholes', 'kind', 'status', p_edges, p_towns, p_classes) s
    union all select 'railway', s.* from case_table_series('railway_issues', 'railway', 'category', 'status', p_edges, p_towns, p_classes) s
    union all select 'patches', s.* from patch_series(p_edges, p_towns, p_classes) s)
  -- A feature needs a shape: each row is drawn at the district's centre.
  select r.layer || '-' || r.k, r.layer, r.k, r.reported, r.closed, r.backlog,
    (select st_pointonsurface(geom) from district limit 1)
  from rows r order by r.layer, r.k
$$;

-- Kept 10 seconds, as town_stats (fill_cache in schema.sql).
create unlogged table if not exists case_series_cache as
  select ''::text as key, now() as at, s.* from case_series(array[now(), now()]) s with no data;
create index if not exists case_series_cache_key on case_series_cache (key);

create or replace function case_series_cached(p_edges timestamptz[], p_towns text[] default null, p_classes jsonb default '{}')
returns setof case_series_cache language plpgsql volatile security definer set search_path = citygis, public as $$
declare cache_key text := fill_cache('case_series_cache', format('select * from citygis.case_series(%L, %L, %L)', p_edges, p_towns, p_classes));
begin
  return query select * from case_series_cache where key = cache_key;
end $$;
