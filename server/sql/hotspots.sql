-- The browser engine's hot spots (src/stats/worker/statsApi.ts hotspots) in SQL: cases reported
-- in [from, to) of the case layers asked for, under a town selection and the class filters, by
-- weekday and hour (China time) and by H3 cell (each case's cell is computed at load). Published
-- by MapServer as the collections hour-week and hot-cells.
set search_path = citygis, public;

create or replace function hot_cases(p_from timestamptz, p_to timestamptz, p_towns text[], p_classes jsonb, p_layers text[])
returns table (layer text, category text, cell text, reported_at timestamptz)
language sql stable set search_path = citygis, public as $$
  select 'lamps', c.cause, c.cell, c.reported_at from lamp_faults c
  where 'lamps' = any(p_layers) and c.reported_at >= p_from and c.reported_at < p_to and (p_towns is null or c.located_town = any(p_towns))
    and kept(p_classes, 'streetLamps', 'status', c.k1) and kept(p_classes, 'streetLamps', 'lampType', c.k2)
  union all
  select 'manholes', c.defect, c.cell, c.reported_at from manhole_defects c
  where 'manholes' = any(p_layers) and c.reported_at >= p_from and c.reported_at < p_to and (p_towns is null or c.located_town = any(p_towns))
    and kept(p_classes, 'manholes', 'kind', c.k1) and kept(p_classes, 'manholes', 'status', c.k2)
  union all
  select 'railway', c.category, c.cell, c.reported_at from railway_issues c
  where 'railway' = any(p_layers) and c.reported_at >= p_from and c.reported_at < p_to and (p_towns is null or c.located_town = any(p_towns))
    and kept(p_classes, 'railway', 'category', c.k1) and kept(p_classes, 'railway', 'status', c.k2)
$$;

-- Cases per weekday (0 = Monday) and hour; only the non-empty ones.
create or replace function hour_week(p_from timestamptz, p_to timestamptz, p_towns text[] default null, p_classes jsonb default '{}',
  p_layers text[] default array['lamps', 'manholes', 'railway'])
returns table (id text, weekday integer, hour integer, count bigint, geom geometry)
language sql stable set search_path = citygis, public as $$
  select w || '-' || h, w, h, n, (select st_pointonsurface(geom) from district limit 1)
  from (select extract(isodow from reported_at at time zone 'Asia/Shanghai')::integer - 1 as w,
          extract(hour from reported_at at time zone 'Asia/Shanghai')::integer as h, count(*) as n
        from hot_cases(p_from, p_to, p_towns, p_classes, p_layers) group by 1, 2) g
  order by w, h
$$;

-- Cases per H3 cell, with each problem's count as text (layer:category:count;…, the page picks the
-- most reported one as the engine does), the cell's town (empty: outside) and its centre.
create or replace function hot_cells_in(p_from timestamptz, p_to timestamptz, p_towns text[] default null, p_classes jsonb default '{}',
  p_layers text[] default array['lamps', 'manholes', 'railway'])
returns table (cell text, count bigint, problems text, town text, geom geometry)
language sql stable set search_path = citygis, public as $$
  with problems as (select h.cell, h.layer, h.category, count(*) as n from hot_cases(p_from, p_to, p_towns, p_classes, p_layers) h group by 1, 2, 3)
  select p.cell, sum(p.n)::bigint, string_agg(p.layer || ':' || p.category || ':' || p.n, ';' order by p.layer, p.category),
    coalesce(c.town, ''), st_setsrid(st_point(c.lon, c.lat), 4326)
  from problems p join hot_cells c on c.cell = p.cell
  group by p.cell, c.town, c.lon, c.lat
  order by 2 desc, 1
$$;

-- Both kept 10 seconds, as town_stats (fill_cache in schema.sql).
create unlogged table if not exists hour_week_cache as
  select ''::text as key, now() as at, s.* from hour_week(now(), now()) s with no data;
create index if not exists hour_week_cache_key on hour_week_cache (key);
create unlogged table if not exists hot_cells_cache as
  select ''::text as key, now() as at, s.* from hot_cells_in(now(), now()) s with no data;
create index if not exists hot_cells_cache_key on hot_cells_cache (key);

create or replace function hour_week_cached(p_from timestamptz, p_to timestamptz, p_towns text[], p_classes jsonb, p_layers text[])
returns setof hour_week_cache language plpgsql volatile security definer set search_path = citygis, public as $$
declare cache_key text := fill_cache('hour_week_cache', format('select * from citygis.hour_week(%L, %L, %L, %L, %L)', p_from, p_to, p_towns, p_classes, p_layers));
begin
  return query select * from hour_week_cache where key = cache_key;
end $$;

create or replace function hot_cells_cached(p_from timestamptz, p_to timestamptz, p_towns text[], p_classes jsonb, p_layers text[])
returns setof hot_cells_cache language plpgsql volatile security definer set search_path = citygis, public as $$
declare cache_key text := fill_cache('hot_cells_cache', format('select * from citygis.hot_cells_in(%L, %L, %L, %L, %L)', p_from, p_to, p_towns, p_classes, p_layers));
begin
  return query select * from hot_cells_cache where key = cache_key;
end $$;
