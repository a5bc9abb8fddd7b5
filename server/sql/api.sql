-- The collections as the app reads them: views with the documented schema's property names and
-- ISO 8601 times in China time (+08:00), which MapServer publishes as they are. The typed time
-- column stays in each case view (excluded from the output) so a time range uses the index.
set search_path = citygis, public;
create or replace function iso_cst(t timestamptz) returns text language sql immutable parallel safe as
  $$ select to_char(t at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') $$;

create or replace view api_district as
  select code, name, name_en as "nameEn", area_km2 as "areaKm2", source, geom from district;
create or replace view api_towns as
  select code, name, name_en as "nameEn", kind, setting, format('[%s,%s]', seat_lon, seat_lat) as seat,
    area_km2 as "areaKm2", derived, geom from towns;
create or replace view api_roads as select id, name, class, town_code as "townCode", geom from roads;
create or replace view api_lamps as
  select id, road, town_code as "townCode", lamp_count as "lampCount", lamp_type as "lampType", power_w as "powerW",
    installed_year as "installedYear", status, retrofit_2021 as "retrofit2021", geom from lamps;
create or replace view api_manholes as
  select id, kind, owner, road, town_code as "townCode", status, geom from manholes;
create or replace view api_lamp_faults as
  select id, asset_id as "assetId", town_code as "townCode", cause, lamps_affected as "lampsAffected",
    iso_cst(reported_at) as "reportedAt", iso_cst(dispatched_at) as "dispatchedAt", iso_cst(handled_at) as "handledAt",
    iso_cst(checked_at) as "checkedAt", iso_cst(closed_at) as "closedAt", iso_cst(deadline) as deadline, status, source, category_code as "categoryCode", responsible_unit as "responsibleUnit", reworks, failed_checks as "failedChecks",
    reported_at as t, geom from lamp_faults;
create or replace view api_manhole_defects as
  select id, asset_id as "assetId", town_code as "townCode", defect,
    iso_cst(reported_at) as "reportedAt", iso_cst(dispatched_at) as "dispatchedAt", iso_cst(handled_at) as "handledAt",
    iso_cst(checked_at) as "checkedAt", iso_cst(closed_at) as "closedAt", iso_cst(deadline) as deadline, status, source, category_code as "categoryCode", responsible_unit as "responsibleUnit", reworks, failed_checks as "failedChecks",
    reported_at as t, geom from manhole_defects;
create or replace view api_railway_issues as
  select id, railway_id as "railwayId", town_code as "townCode", category, quantity, unit, distance_m as "distanceM",
    km_marker as "kmMarker", iso_cst(reported_at) as "reportedAt", iso_cst(dispatched_at) as "dispatchedAt",
    iso_cst(handled_at) as "handledAt", iso_cst(checked_at) as "checkedAt", iso_cst(closed_at) as "closedAt",
    iso_cst(deadline) as deadline, status, source, category_code as "categoryCode", responsible_unit as "responsibleUnit", reworks, failed_checks as "failedChecks", reported_at as t, geom from railway_issues;
create or replace view api_patches as
  select id, batch_id as "batchId", iso_cst(detected_at) as "detectedAt", area_m2 as "areaM2", land_type as "landType",
    change_type as "changeType", town_code as "townCode", village, status, iso_cst(verified_at) as "verifiedAt",
    iso_cst(rectify_started_at) as "rectifyStartedAt", iso_cst(disposed_at) as "disposedAt", iso_cst(deadline) as deadline,
    greened_m2 as "greenedM2", category_code as "categoryCode", responsible_unit as "responsibleUnit", detected_at as t, geom from patches;
create or replace view api_railways as
  select id, name, name_en as "nameEn", kind, km_origin as "kmOrigin", length_km as "lengthKm", geom from railways;
create or replace view api_railway_corridor as
  select id, railway_id as "railwayId", buffer_m as "bufferM", geom from railway_corridor;
-- The legends' counts (asset_counts) as one small collection; the point is the district's.
create or replace view api_asset_counts as
  select concat_ws(':', layer, town, k1, k2) as id, layer, town, k1, k2, assets, d.geom
  from asset_counts, (select st_pointonsurface(geom) as geom from district limit 1) d;
-- The legends' counts of the case layers the server keeps (patches, railway issues) for a time
-- range [p_from, p_to) of their own time field: one row per town and value of each filter
-- attribute (k1, k2, k3 in the layer's filter order; '' where it has fewer).
create or replace function api_case_counts(p_from timestamptz, p_to timestamptz)
returns table (id text, layer text, town text, k1 text, k2 text, k3 text, cases bigint, geom geometry)
language sql stable set search_path = citygis, public as $$
  with c as (
    select 'patches' as layer, "townCode" as town, status as k1, "landType" as k2, "changeType" as k3, count(*) as cases
      from api_patches where t >= p_from and t < p_to group by 1, 2, 3, 4, 5
    union all
    select 'railway', "townCode", category, status, '', count(*)
      from api_railway_issues where t >= p_from and t < p_to group by 1, 2, 3, 4, 5)
  select concat_ws(':', c.layer, c.town, c.k1, c.k2, c.k3), c.layer, c.town, c.k1, c.k2, c.k3, c.cases, d.geom
  from c, (select st_pointonsurface(api_district.geom) as geom from api_district limit 1) d
$$;
-- The wall's case alerts (src/wall/alerts.ts) as the page groups them: per town, the patches still
-- pending that were detected in [p_since, p_until] (with the newest) and the railway issues still
-- open that were reported before p_before (with the oldest); each with its case's first vertex.
create or replace function api_case_alerts(p_since timestamptz, p_until timestamptz, p_before timestamptz)
returns table (id text, kind text, town text, cases bigint, at double precision, geom geometry)
language sql stable set search_path = citygis, public as $$
  with fresh as (
    select "townCode" as town, t, id as case_id, geom from api_patches where status = 'pending' and t >= p_since and t <= p_until),
  old as (
    select "townCode" as town, t, id as case_id, geom from api_railway_issues where "closedAt" is null and t < p_before),
  grouped as (
    select 'newPatches' as kind, town, count(*) over w as cases, t, geom, row_number() over (w order by t desc, case_id) as n from fresh window w as (partition by town)
    union all
    select 'railwayOpen', town, count(*) over w, t, geom, row_number() over (w order by t, case_id) from old window w as (partition by town))
  select kind || ':' || town, kind, town, cases, extract(epoch from t) * 1000,
    case when geometrytype(geom) like '%POLYGON' then st_pointn(st_exteriorring(st_geometryn(geom, 1)), 1) else geom end
  from grouped where n = 1
$$;
-- How many cases the page would hold, counted now (cases arrive live): the served case
-- collections' sizes without MapServer's numberMatched, which tests every row against the bbox.
create or replace view api_collection_sizes as
  select c.id, c.features, d.geom from (
    select 'lamp-faults' as id, (select count(*) from lamp_faults) as features
    union all select 'manhole-defects', (select count(*) from manhole_defects)) c,
  (select st_pointonsurface(geom) as geom from district limit 1) d;

-- A change marker per collection, read in a moment (no table is scanned): the table's identity
-- and how many rows were ever inserted, updated or deleted in it (PostgreSQL's statistics; a
-- reload makes new tables). The page reads a collection it holds again only when its marker moved.
create or replace view api_collection_versions as
  select c.id, coalesce(t.relid::text || '.' || (t.n_tup_ins + t.n_tup_upd + t.n_tup_del), '') as version, d.geom
  from (values ('district', 'district'), ('towns', 'towns'), ('roads', 'roads'), ('lamps', 'lamps'), ('lamp-faults', 'lamp_faults'),
    ('manholes', 'manholes'), ('manhole-defects', 'manhole_defects'), ('patches', 'patches'), ('railways', 'railways'),
    ('railway-corridor', 'railway_corridor'), ('railway-issues', 'railway_issues')) as c(id, tbl)
  left join pg_stat_user_tables t on t.schemaname = 'citygis' and t.relname = c.tbl,
  (select st_pointonsurface(geom) as geom from district limit 1) d;
