-- The store: one table per collection of the documented schema (data/README.md), typed, with
-- each feature's town assigned once at load (located_town: the town whose boundary covers it,
-- 'outside' for none) and spatial (GiST) and time indexes. Times are timestamptz; MapServer
-- writes them back as ISO 8601 with +08:00 (see mapserver/citygis.map).
create extension if not exists postgis;
create schema if not exists citygis;
set search_path = citygis, public;

-- Shared by the loader and the statistics.
-- Areas and lengths as Turf measures them: on a sphere of radius 6371008.8 m, as PostGIS does
-- with use_spheroid = false.
create or replace function turf_m2(g geometry) returns double precision language sql immutable as
  $$ select st_area(g::geography, false) $$;
-- MapServer asks each statistics question twice (to count the rows, then for them): the answer to
-- `query` is kept 10 seconds in `cache` (its columns plus key and at) under the query's md5, which
-- this returns, so the second asking reads the first one's rows.
create or replace function fill_cache(cache regclass, query text) returns text language plpgsql volatile set search_path = citygis, public as $$
declare
  k text := md5(query);
  hit boolean;
begin
  perform pg_advisory_xact_lock(hashtext(cache::text || k));
  execute format('select true from %s where key = $1 and at > clock_timestamp() - interval ''10 seconds'' limit 1', cache) into hit using k;
  if hit is null then
    execute format('delete from %s where key = $1 or at < clock_timestamp() - interval ''1 minute''', cache) using k;
    execute format('insert into %s select $1, clock_timestamp(), s.* from (%s) s', cache, query) using k;
  end if;
  return k;
end $$;
-- The first instant of the China-time month holding t.
create or replace function month_start(t timestamptz) returns timestamptz language sql immutable as
  $$ select date_trunc('month', t at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai' $$;

create table if not exists district (
  code text primary key, name text not null, name_en text not null, area_km2 double precision not null, source text,
  geom geometry(MultiPolygon, 4326) not null);

create table if not exists towns (
  code text primary key, name text not null, name_en text not null, kind text not null, setting text not null,
  seat_lon double precision, seat_lat double precision, area_km2 double precision not null, derived boolean not null,
  -- Measured at load as Turf measures it (the densities divide by it).
  measured_km2 double precision,
  geom geometry(MultiPolygon, 4326) not null);
-- Measured at load: all towns as one shape, and the district's frame around them, which the
-- statistics' 'outside' row is drawn as (a feature needs a shape to be published).
create table if not exists town_cover (all_towns geometry not null, outside geometry(MultiPolygon, 4326));
-- Towns cut into pieces of at most 64 vertices: point-in-town tests at load touch a few edges, not thousands.
create table if not exists town_pieces (code text not null, geom geometry(Polygon, 4326) not null);
-- A point's town: the town whose boundary covers it, the lowest code on a shared edge (towns
-- partition the district, so this is the browser engine's rule), 'outside' when none does.
create or replace function town_of(p geometry) returns text language sql stable as $$
  select coalesce((select min(code) from citygis.town_pieces t where st_covers(t.geom, p)), 'outside') $$;

create table if not exists roads (
  id text primary key, name text not null, class text not null, town_code text,
  geom geometry(LineString, 4326) not null);

create table if not exists lamps (
  id text primary key, road text not null, town_code text not null, lamp_count smallint not null check (lamp_count between 1 and 8),
  lamp_type text not null, power_w integer not null, installed_year smallint not null, status text not null,
  retrofit_2021 boolean not null, located_town text not null default 'outside',
  geom geometry(Point, 4326) not null);

create table if not exists manholes (
  id text primary key, kind text not null, owner text not null, road text not null, town_code text not null,
  status text not null, located_town text not null default 'outside',
  geom geometry(Point, 4326) not null);

-- The case lifecycle shared by lamp faults, manhole defects and railway issues. k1, k2: the
-- classes the map's filters select a case by (its pole's status and lamp type, its cover's kind
-- and state, an issue's own category and status), copied at load so a filter needs no join.
-- cell: the case's H3 cell (resolution 8) for the hot spots, computed at load (server/h3cells.mjs).
-- category_code, responsible_unit, reworks: what the assessment reads (null, null, 0 from files without them);
-- failed_checks: the times of the failed checks as the file writes them, as JSON list text (served as a list).
create table if not exists lamp_faults (
  id text primary key, asset_id text not null, town_code text not null, cause text not null, lamps_affected integer not null,
  reported_at timestamptz not null, dispatched_at timestamptz, handled_at timestamptz, checked_at timestamptz,
  closed_at timestamptz, deadline timestamptz not null, status text not null, source text not null,
  k1 text, k2 text, cell text, located_town text not null default 'outside', geom geometry(Point, 4326) not null, category_code text, responsible_unit text, reworks smallint not null default 0,
  failed_checks text);

create table if not exists manhole_defects (
  id text primary key, asset_id text not null, town_code text not null, defect text not null,
  reported_at timestamptz not null, dispatched_at timestamptz, handled_at timestamptz, checked_at timestamptz,
  closed_at timestamptz, deadline timestamptz not null, status text not null, source text not null,
  k1 text, k2 text, cell text, located_town text not null default 'outside', geom geometry(Point, 4326) not null, category_code text, responsible_unit text, reworks smallint not null default 0,
  failed_checks text);

create table if not exists patches (
  id text primary key, batch_id text not null, detected_at timestamptz not null, area_m2 double precision not null,
  land_type text not null, change_type text not null, town_code text not null, village text not null, status text not null,
  verified_at timestamptz, rectify_started_at timestamptz, disposed_at timestamptz, deadline timestamptz not null,
  greened_m2 double precision not null,
  -- Measured at load: the whole area as Turf measures it, and the town of a point inside the patch (its case's place).
  measured_m2 double precision, located_town text not null default 'outside',
  geom geometry(MultiPolygon, 4326) not null, category_code text, responsible_unit text);
-- Each patch's area split between the towns it crosses (geodesic m²), as the browser engine does.
create table if not exists patch_parts (patch_id text not null, town text not null, area_m2 double precision not null);

create table if not exists railways (
  id text primary key, name text not null, name_en text not null, kind text not null, km_origin double precision not null,
  length_km double precision not null, geom geometry(MultiLineString, 4326) not null);

create table if not exists railway_corridor (
  id text primary key, railway_id text not null, buffer_m double precision not null, geom geometry(MultiPolygon, 4326) not null);

create table if not exists railway_issues (
  id text primary key, railway_id text not null, town_code text not null, category text not null, quantity double precision not null,
  unit text not null, distance_m double precision not null, km_marker text not null,
  reported_at timestamptz not null, dispatched_at timestamptz, handled_at timestamptz, checked_at timestamptz,
  closed_at timestamptz, deadline timestamptz not null, status text not null, source text not null,
  k1 text, k2 text, cell text, located_town text not null default 'outside', geom geometry(Point, 4326) not null, category_code text, responsible_unit text, reworks smallint not null default 0,
  failed_checks text);

-- Every H3 cell holding a case: its centre and the town that centre lies in (null: outside), as
-- the engine places a hot spot.
create table if not exists hot_cells (cell text primary key, lon double precision not null, lat double precision not null, town text);

-- Track km and corridor km² per town, measured once at load.
create table if not exists railway_by_town (town text primary key, track_km double precision not null, corridor_km2 double precision not null);

-- Case events per month (China time), town and class keys: what the statistics add up instead of
-- reading every case ever reported when they need what was open at a window's end.
create table if not exists case_months (tbl text not null, town text not null, k1 text, k2 text, month timestamptz not null,
  reported bigint not null, handled bigint not null, closed bigint not null,
  amount_reported double precision not null, amount_handled double precision not null);

-- Assets per town and class keys (poles: status, lamp type; covers: kind, state) with their lamps.
create table if not exists asset_totals (layer text not null, town text not null, k1 text, k2 text, assets bigint not null, lamps bigint not null);

-- Assets per town code (the property the map's town filter reads) and the map's two filter
-- attributes: what the legends and the breakdown count in server mode, where the page never holds
-- the poles and covers themselves.
create table if not exists asset_counts (layer text not null, town text not null, k1 text not null, k2 text not null, assets bigint not null);
