-- Moves the staged rows (ogr2ogr, staging.*) into the typed tables, assigns towns once and
-- measures what the statistics need per town. Run by server/load.sh.
\set ON_ERROR_STOP 1
set search_path = citygis, public;
set client_min_messages = warning;
truncate district, towns, town_cover, town_pieces, roads, lamps, manholes, lamp_faults, manhole_defects, patches, patch_parts,
  railways, railway_corridor, railway_issues, railway_by_town;
-- Staging tables that a dataset lacks are created empty, so every statement below runs.
create table if not exists staging.lamp_faults (like citygis.lamp_faults);
create table if not exists staging.manhole_defects (like citygis.manhole_defects);
create table if not exists staging.railway_issues (like citygis.railway_issues);
create table if not exists staging.patches (like citygis.patches);
create table if not exists staging.roads (like citygis.roads);
create table if not exists staging.railways (like citygis.railways);
create table if not exists staging.railway_corridor (like citygis.railway_corridor);
create table if not exists staging.district (like citygis.district);

insert into district select code, name, "nameEn", "areaKm2", source, st_multi(geom) from staging.district;
insert into towns
  select code, name, "nameEn", kind, setting, seat[1], seat[2], "areaKm2", derived::boolean, turf_m2(geom) / 1e6, st_multi(geom)
  from staging.towns;
insert into town_cover select u.geom, st_multi(st_collectionextract(st_difference(st_envelope(d.geom), u.geom), 3))
  from (select st_union(geom) as geom from towns) u left join district d on true limit 1;
insert into town_pieces select code, st_subdivide(geom, 64) from towns;
create index on town_pieces using gist (geom);
analyze town_pieces;

-- Each case's H3 cell, when server/load.sh computed them (staging.case_cells).
create table if not exists staging.case_cells (tbl text not null, id text not null, cell text not null);
create index on staging.case_cells (tbl, id);
analyze staging.case_cells;

insert into roads select id, name, class, "townCode", geom from staging.roads;
insert into lamps select id, road, "townCode", "lampCount", "lampType", "powerW", "installedYear", status,
  "retrofit2021"::boolean, town_of(geom), geom from staging.lamps;
insert into manholes select id, kind, owner, road, "townCode", status, town_of(geom), geom from staging.manholes;
-- A list of times (failedChecks) as the column keeps it: the file's texts as a JSON list, in order
-- (MapServer writes no JSON list: the app and the finisher read this text back as one).
create or replace function pg_temp.time_list(j jsonb) returns text language sql immutable as $$
  select case when jsonb_typeof(j) = 'array' and jsonb_array_length(j) > 0
    then (select '[' || string_agg(to_json(x)::text, ',' order by n) || ']' from jsonb_array_elements_text(j) with ordinality as e(x, n)) end $$;
insert into lamp_faults select f.id, f."assetId", f."townCode", f.cause, f."lampsAffected", f."reportedAt"::timestamptz,
  f."dispatchedAt"::timestamptz, f."handledAt"::timestamptz, f."checkedAt"::timestamptz, f."closedAt"::timestamptz,
  f.deadline::timestamptz, f.status, f.source, a.status, a.lamp_type, c.cell, town_of(f.geom), f.geom, to_jsonb(f) ->> 'categoryCode', to_jsonb(f) ->> 'responsibleUnit', coalesce((to_jsonb(f) ->> 'reworks')::smallint, 0),
  pg_temp.time_list(to_jsonb(f) -> 'failedChecks')
  from staging.lamp_faults f left join lamps a on a.id = f."assetId" left join staging.case_cells c on c.tbl = 'lamp_faults' and c.id = f.id;
insert into manhole_defects select f.id, f."assetId", f."townCode", f.defect, f."reportedAt"::timestamptz,
  f."dispatchedAt"::timestamptz, f."handledAt"::timestamptz, f."checkedAt"::timestamptz, f."closedAt"::timestamptz,
  f.deadline::timestamptz, f.status, f.source, a.kind, a.status, c.cell, town_of(f.geom), f.geom, to_jsonb(f) ->> 'categoryCode', to_jsonb(f) ->> 'responsibleUnit', coalesce((to_jsonb(f) ->> 'reworks')::smallint, 0),
  pg_temp.time_list(to_jsonb(f) -> 'failedChecks')
  from staging.manhole_defects f left join manholes a on a.id = f."assetId" left join staging.case_cells c on c.tbl = 'manhole_defects' and c.id = f.id;
insert into railway_issues select i.id, "railwayId", "townCode", category, quantity, unit, "distanceM", "kmMarker",
  "reportedAt"::timestamptz, "dispatchedAt"::timestamptz, "handledAt"::timestamptz, "checkedAt"::timestamptz,
  "closedAt"::timestamptz, deadline::timestamptz, status, source, category, status, c.cell, town_of(i.geom), i.geom, to_jsonb(i) ->> 'categoryCode', to_jsonb(i) ->> 'responsibleUnit', coalesce((to_jsonb(i) ->> 'reworks')::smallint, 0),
  pg_temp.time_list(to_jsonb(i) -> 'failedChecks')
  from staging.railway_issues i left join staging.case_cells c on c.tbl = 'railway_issues' and c.id = i.id;
insert into patches select id, "batchId", "detectedAt"::timestamptz, "areaM2", "landType", "changeType", "townCode",
  village, status, "verifiedAt"::timestamptz, "rectifyStartedAt"::timestamptz, "disposedAt"::timestamptz,
  deadline::timestamptz, "greenedM2", null, 'outside', st_multi(geom),
  to_jsonb(sp) ->> 'categoryCode', to_jsonb(sp) ->> 'responsibleUnit' from staging.patches sp;
insert into railways select id, name, "nameEn", kind, "kmOrigin", "lengthKm", st_multi(geom) from staging.railways;
insert into railway_corridor select coalesce(id, "railwayId" || '-corridor'), "railwayId", "bufferM", st_multi(geom) from staging.railway_corridor;

-- A patch's case lies where Turf's pointOnFeature puts it: the centre of its bounding box when
-- that lies on the patch, else the patch's first vertex.
create or replace function pg_temp.box_centre(g geometry) returns geometry language sql immutable as $$
  select st_setsrid(st_makepoint((st_xmin(g) + st_xmax(g)) / 2, (st_ymin(g) + st_ymax(g)) / 2), st_srid(g)) $$;
update patches set measured_m2 = turf_m2(geom),
  located_town = town_of(case when st_intersects(geom, pg_temp.box_centre(geom)) then pg_temp.box_centre(geom)
                                      else st_startpoint(st_exteriorring(st_geometryn(geom, 1))) end);

-- Each patch's area split between the towns it crosses, and what lies outside every town
-- (kept when more than a millionth of the patch, as the engine does).
insert into patch_parts
  select p.id, t.code, turf_m2(st_intersection(p.geom, t.geom))
  from patches p join towns t on st_intersects(p.geom, t.geom);
insert into patch_parts
  select p.id, 'outside', o.m2
  from patches p, town_cover c, lateral (select turf_m2(st_difference(p.geom, c.all_towns)) as m2) o
  where not st_within(p.geom, c.all_towns) and o.m2 > p.measured_m2 * 1e-6;

-- Track km and corridor km² per town.
with track as (
  select t.code as town, sum(st_length(st_intersection(r.geom, t.geom)::geography, false)) / 1000 as km
  from railways r join towns t on st_intersects(r.geom, t.geom) group by t.code),
corridor as (
  select t.code as town, sum(turf_m2(st_intersection(c.geom, t.geom))) / 1e6 as km2
  from railway_corridor c join towns t on st_intersects(c.geom, t.geom) group by t.code),
totals as (
  select (select coalesce(sum(st_length(geom::geography, false)), 0) / 1000 from railways) as km,
         (select coalesce(sum(turf_m2(geom)), 0) / 1e6 from railway_corridor) as km2)
insert into railway_by_town
  select code, coalesce(track.km, 0), coalesce(corridor.km2, 0)
  from towns left join track on track.town = code left join corridor on corridor.town = code
  union all
  select 'outside', greatest(0, totals.km - (select coalesce(sum(km), 0) from track)),
         greatest(0, totals.km2 - (select coalesce(sum(km2), 0) from corridor)) from totals;

-- Town totals for the low-zoom tiles (one point per town, counts per class as attributes, so the
-- map can add up the classes its filters keep).
create table lamp_town_totals as
  select t.code, t.name, count(l.*) as poles, coalesce(sum(l.lamp_count), 0) as lamps,
    count(*) filter (where l.status = 'normal') as normal, count(*) filter (where l.status = 'faulty') as faulty,
    count(*) filter (where l.status = 'repairing') as repairing, st_pointonsurface(t.geom) as geom
  from towns t left join lamps l on l.located_town = t.code group by t.code, t.name, t.geom;
create table manhole_town_totals as
  select t.code, t.name, count(m.*) as covers, count(*) filter (where m.status = 'defective') as defective,
    count(*) filter (where m.kind = 'rain') as rain, count(*) filter (where m.kind = 'sewage') as sewage,
    count(*) filter (where m.kind = 'water') as water, count(*) filter (where m.kind = 'power') as power,
    count(*) filter (where m.kind = 'telecom') as telecom, count(*) filter (where m.kind = 'gas') as gas,
    count(*) filter (where m.kind = 'heating') as heating, count(*) filter (where m.kind = 'other') as other,
    st_pointonsurface(t.geom) as geom
  from towns t left join manholes m on m.located_town = t.code group by t.code, t.name, t.geom;

-- Grid totals for the middle-zoom tiles: per town and 0.01° cell (about 1 km), counts per class,
-- drawn at the mean position of what they count.
create table lamp_grid_totals as
  select located_town as town, floor(st_x(geom) / 0.01)::int as gx, floor(st_y(geom) / 0.01)::int as gy, count(*) as poles,
    count(*) filter (where status = 'normal') as normal, count(*) filter (where status = 'faulty') as faulty,
    count(*) filter (where status = 'repairing') as repairing, st_centroid(st_collect(geom)) as geom
  from lamps group by 1, 2, 3;
create table manhole_grid_totals as
  select located_town as town, floor(st_x(geom) / 0.01)::int as gx, floor(st_y(geom) / 0.01)::int as gy, count(*) as covers,
    count(*) filter (where status = 'defective') as defective,
    count(*) filter (where kind = 'rain') as rain, count(*) filter (where kind = 'sewage') as sewage,
    count(*) filter (where kind = 'water') as water, count(*) filter (where kind = 'power') as power,
    count(*) filter (where kind = 'telecom') as telecom, count(*) filter (where kind = 'gas') as gas,
    count(*) filter (where kind = 'heating') as heating, count(*) filter (where kind = 'other') as other,
    st_centroid(st_collect(geom)) as geom
  from manholes group by 1, 2, 3;
alter table lamp_grid_totals add column id serial primary key;
alter table manhole_grid_totals add column id serial primary key;
create index on lamp_grid_totals using gist (geom);
create index on manhole_grid_totals using gist (geom);

-- Asset counts per town and class keys: the inventories the statistics add up (a few hundred rows).
insert into asset_totals
  select 'streetLamps', located_town, status, lamp_type, count(*), sum(lamp_count) from lamps group by 2, 3, 4
  union all
  select 'manholes', located_town, kind, status, count(*), count(*) from manholes group by 2, 3, 4;

insert into asset_counts
  select 'streetLamps', town_code, status, lamp_type, count(*) from lamps group by 2, 3, 4
  union all
  select 'manholes', town_code, kind, status, count(*) from manholes group by 2, 3, 4;

-- Case events per month, town and class keys (see case_months in schema.sql).
insert into case_months
  select tbl, town, k1, k2, month, sum(rep), sum(han), sum(clo), sum(ar), sum(ah) from (
    select 'lamp_faults' as tbl, located_town as town, k1, k2, month_start(reported_at) as month, 1 as rep, 0 as han, 0 as clo,
      lamps_affected::double precision as ar, 0::double precision as ah from lamp_faults
    union all select 'lamp_faults', located_town, k1, k2, month_start(handled_at), 0, 1, 0, 0, lamps_affected from lamp_faults where handled_at is not null
    union all select 'lamp_faults', located_town, k1, k2, month_start(closed_at), 0, 0, 1, 0, 0 from lamp_faults where closed_at is not null
    union all select 'manhole_defects', located_town, k1, k2, month_start(reported_at), 1, 0, 0, 1, 0 from manhole_defects
    union all select 'manhole_defects', located_town, k1, k2, month_start(handled_at), 0, 1, 0, 0, 1 from manhole_defects where handled_at is not null
    union all select 'manhole_defects', located_town, k1, k2, month_start(closed_at), 0, 0, 1, 0, 0 from manhole_defects where closed_at is not null
    union all select 'railway_issues', located_town, k1, k2, month_start(reported_at), 1, 0, 0, 1, 0 from railway_issues
    union all select 'railway_issues', located_town, k1, k2, month_start(handled_at), 0, 1, 0, 0, 1 from railway_issues where handled_at is not null
    union all select 'railway_issues', located_town, k1, k2, month_start(closed_at), 0, 0, 1, 0, 0 from railway_issues where closed_at is not null
  ) e group by 1, 2, 3, 4, 5;
create index on case_months (tbl, month);

-- Indexes: GiST for bbox queries and tiles, report time for windows, town for grouping.
do $$ declare t text; begin
  foreach t in array array['district','towns','roads','lamps','manholes','lamp_faults','manhole_defects','patches','railways','railway_corridor','railway_issues'] loop
    execute format('create index if not exists %1$s_geom on citygis.%1$I using gist (geom)', t);
  end loop;
  foreach t in array array['lamp_faults','manhole_defects','railway_issues'] loop
    execute format('create index if not exists %1$s_reported on citygis.%1$I (reported_at)', t);
    execute format('create index if not exists %1$s_town on citygis.%1$I (located_town, reported_at)', t);
    execute format('create index if not exists %1$s_handled on citygis.%1$I (handled_at)', t);
    execute format('create index if not exists %1$s_closed on citygis.%1$I (closed_at)', t);
  end loop;
  -- A pole's or cover's cases, for its details (the page does not hold the cases in server mode).
  foreach t in array array['lamp_faults','manhole_defects'] loop
    execute format('create index if not exists %1$s_asset on citygis.%1$I (asset_id)', t);
  end loop;
end $$;
create index if not exists patches_detected on patches (detected_at);
create index if not exists patch_parts_patch on patch_parts (patch_id);
-- The owner analyzes its own tables (the catalogue's are the superuser's).
select format('analyze citygis.%I', tablename) from pg_tables where schemaname = 'citygis' \gexec
drop schema staging cascade;
