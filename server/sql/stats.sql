-- The browser engine's per-town figures (src/stats/townMetrics.ts) computed in SQL, for a
-- half-open time range [from, to) and optionally some towns. One row per town, then 'outside'
-- (features in no town) and 'district' (the sum of the rows kept). Columns carry the town
-- table's metric ids. Published by MapServer as the collection town-stats.
set search_path = citygis, public;

-- Class filters arrive as JSON, {"streetLamps": {"status": ["faulty"]}, ...}, as the app stores
-- them: an attribute left out keeps every value.
create or replace function kept(p_classes jsonb, layer text, field text, value text) returns boolean
language sql immutable as $$ select (p_classes -> layer -> field) is null or (p_classes -> layer -> field) ? value $$;

-- Case flow of one case table per town: done is the stage that ends a case (handled_at for
-- repairs, closed_at for closing); durations are whole minutes, quantiles nearest-rank.
-- Cost follows the window, not the history (as the engine's month snapshots): cases reported in
-- it and done in it are read by index; what is still open at its end is the month totals of
-- case_months (load.sql) before the window's last month, plus the events of that month so far.
-- Each case carries its class keys (k1, k2: its asset's classes, or its own) for the filters.
-- Without p_durations the cases done in the window are not read: done, median and p90 are null
-- (a closing flow's figures use none of them; at 100x that read is 2 s of six years).
create or replace function case_flow(cases regclass, layer text, f1 text, f2 text, done_col text,
  p_from timestamptz, p_to timestamptz, p_towns text[], p_classes jsonb, p_durations boolean default true)
returns table (town text, reported bigint, done bigint, done_of_reported bigint, backlog bigint, overdue bigint,
  open_amount double precision, median_min double precision, p90_min double precision, all_towns boolean)
language plpgsql stable set search_path = citygis, public as $$
declare
  amount text := case cases when 'citygis.lamp_faults'::regclass then 'lamps_affected' else '1' end;
  month_col text := case done_col when 'handled_at' then 'handled' else 'closed' end;
  last_month timestamptz := citygis.month_start(p_to);
  table_name text := (select relname from pg_class where oid = cases);
begin
  return query execute format($q$
    with win as (
      select located_town as t, count(*) as reported, count(*) filter (where %2$I < $2) as done_of_reported,
        count(*) filter (where deadline < $2 and not coalesce(handled_at <= deadline, false)) as overdue
      from %1$s c where reported_at >= $1 and reported_at < $2 and ($3 is null or located_town = any($3))
        and citygis.kept($4, %5$L, %6$L, c.k1) and citygis.kept($4, %5$L, %7$L, c.k2) group by 1),
    finished as (
      select located_town as t, round(extract(epoch from %2$I - reported_at) / 60) as minutes
      from %1$s c where %10$L and %2$I >= $1 and %2$I < $2 and ($3 is null or located_town = any($3))
        and citygis.kept($4, %5$L, %6$L, c.k1) and citygis.kept($4, %5$L, %7$L, c.k2)),
    -- Quantiles from a histogram of whole minutes (hashed, not sorted: a sort of every duration,
    -- or an index walk in town order, took 8 s of six years at 100x); the value picked is
    -- percentile_disc's, the first whose running count reaches ceil(f * n).
    histogram as (select t, minutes, count(*) as n from finished group by 1, 2),
    histograms as (select t, false as all_t, minutes, n from histogram
      union all select null, true, minutes, sum(n) from histogram group by minutes),
    running as (select t, all_t, minutes, sum(n) over (partition by t, all_t order by minutes) as upto, sum(n) over (partition by t, all_t) as done
      from histograms),
    durations as (
      select t, all_t, max(done)::bigint as done,
        min(minutes) filter (where upto >= greatest(1, ceil(0.5::float8 * done))) as median_min,
        min(minutes) filter (where upto >= greatest(1, ceil(0.9::float8 * done))) as p90_min
      from running group by t, all_t),
    opened as (
      select m.town as t, sum(m.reported) as reported_before, sum(m.%8$I) as done_before,
        sum(m.amount_reported) as amount_reported, sum(m.amount_handled) as amount_handled
      from citygis.case_months m where m.tbl = %9$L and m.month < $5 and ($3 is null or m.town = any($3))
        and citygis.kept($4, %5$L, %6$L, m.k1) and citygis.kept($4, %5$L, %7$L, m.k2) group by 1
      union all
      select located_town,
        count(*) filter (where reported_at >= $5 and reported_at < $2), count(*) filter (where %2$I >= $5 and %2$I < $2),
        coalesce(sum(%3$s) filter (where reported_at >= $5 and reported_at < $2), 0), coalesce(sum(%3$s) filter (where handled_at >= $5 and handled_at < $2), 0)
      from %1$s c where ((reported_at >= $5 and reported_at < $2) or (%2$I >= $5 and %2$I < $2) or (handled_at >= $5 and handled_at < $2))
        and ($3 is null or located_town = any($3)) and citygis.kept($4, %5$L, %6$L, c.k1) and citygis.kept($4, %5$L, %7$L, c.k2) group by 1),
    open_at_end as (select t, sum(reported_before - done_before) as backlog, sum(amount_reported - amount_handled) as open_amount from opened group by 1),
    towns as (select t from win union select t from durations where not all_t union select t from open_at_end),
    per_town as (
      select x.t, coalesce(w.reported, 0) as reported, case when %10$L then coalesce(d.done, 0) end as done, coalesce(w.done_of_reported, 0) as done_of_reported,
        coalesce(o.backlog, 0)::bigint as backlog, coalesce(w.overdue, 0) as overdue, coalesce(o.open_amount, 0)::double precision as open_amount,
        d.median_min::double precision as median_min, d.p90_min::double precision as p90_min
      from towns x left join win w on w.t = x.t left join durations d on d.t = x.t and not d.all_t left join open_at_end o on o.t = x.t)
    select t, reported, done, done_of_reported, backlog, overdue, open_amount, median_min, p90_min, false from per_town
    union all
    select null, coalesce(sum(p.reported), 0)::bigint, case when %10$L then coalesce(sum(p.done), 0) end::bigint, coalesce(sum(p.done_of_reported), 0)::bigint,
      coalesce(sum(p.backlog), 0)::bigint, coalesce(sum(p.overdue), 0)::bigint, coalesce(sum(p.open_amount), 0)::double precision,
      (select median_min::double precision from durations where all_t), (select p90_min::double precision from durations where all_t), true
    from per_town p
  $q$, cases, done_col, amount, null, layer, f1, f2, month_col, table_name, p_durations) using p_from, p_to, p_towns, p_classes, last_month;
end $$;

-- A patch's status at time t from its dates and its last known status (engine: statusAt).
create or replace function patch_status_at(final text, detected timestamptz, verified timestamptz, rectifying timestamptz,
  disposed timestamptz, t timestamptz) returns text language sql immutable as $$
  select case
    when not coalesce(detected < t, false) then null
    when not coalesce(verified < t, false) then 'pending'
    when final in ('legal', 'falsePositive') then final
    when not coalesce(rectifying < t, false) then 'illegal'
    when not coalesce(disposed < t, false) then 'rectifying'
    else final end $$;

create or replace function town_stats(p_from timestamptz, p_to timestamptz, p_towns text[] default null, p_classes jsonb default '{}')
returns table (
  code text, name text, "lightingRate" double precision, "lampFaults" bigint, "medianRepairHours" double precision,
  "overdueFaults" bigint, "openDefects" double precision, "defectsPer1000" double precision, "patchesDetected" bigint,
  "patchDisposalRate" double precision, "railwayOpen" bigint, "railwayPerKm" double precision, poles numeric,
  "faultyLamps" double precision, "lampFaultsRepaired" bigint, "p90RepairHours" double precision,
  "lampFaultsPerKm2" double precision, covers numeric, "defectsReported" bigint, "defectsFixed" bigint,
  "medianFixHours" double precision, "patchAreaM2" double precision, "patchVerificationRate" double precision,
  "patchesPending" bigint, "demolishedAreaM2" double precision, "patchesOverdue" bigint, "trackKm" double precision,
  "corridorKm2" double precision, "railwayReported" bigint, "garbageM3" double precision, "casesReported" bigint,
  "closureRate" double precision, backlog bigint, "overdueCases" bigint, geom geometry)
language sql stable set search_path = citygis, public as $$
  with slots as (
    select t.code, t.name, t.measured_km2 as km2, t.geom
    from towns t where p_towns is null or t.code = any(p_towns)
    union all select 'outside', '区界外', null, (select outside from town_cover) where p_towns is null),
  rows as (select code, name, km2, geom from slots
    union all select 'district', (select name from district limit 1), (select sum(km2) from slots), (select geom from district limit 1)),
  key as (select code, code = 'district' as all_towns from rows),
  repairs as (select * from case_flow('lamp_faults', 'streetLamps', 'status', 'lampType', 'handled_at', p_from, p_to, p_towns, p_classes)),
  lamp_close as (select * from case_flow('lamp_faults', 'streetLamps', 'status', 'lampType', 'closed_at', p_from, p_to, p_towns, p_classes, false)),
  fixes as (select * from case_flow('manhole_defects', 'manholes', 'kind', 'status', 'handled_at', p_from, p_to, p_towns, p_classes)),
  defect_close as (select * from case_flow('manhole_defects', 'manholes', 'kind', 'status', 'closed_at', p_from, p_to, p_towns, p_classes, false)),
  issues as (select * from case_flow('railway_issues', 'railway', 'category', 'status', 'closed_at', p_from, p_to, p_towns, p_classes, false)),
  lamp_inv as (select town, grouping(town) = 1 as all_towns, sum(assets) as poles, sum(lamps) as lamps
    from asset_totals where layer = 'streetLamps' and (p_towns is null or town = any(p_towns))
      and kept(p_classes, 'streetLamps', 'status', k1) and kept(p_classes, 'streetLamps', 'lampType', k2) group by grouping sets ((town), ())),
  cover_inv as (select town, grouping(town) = 1 as all_towns, sum(assets) as covers
    from asset_totals where layer = 'manholes' and (p_towns is null or town = any(p_towns))
      and kept(p_classes, 'manholes', 'kind', k1) and kept(p_classes, 'manholes', 'status', k2) group by grouping sets ((town), ())),
  kept_patches as (select * from patches p where kept(p_classes, 'patches', 'status', p.status)
    and kept(p_classes, 'patches', 'landType', p.land_type) and kept(p_classes, 'patches', 'changeType', p.change_type)),
  -- Each part of each patch detected before the end, with the patch's status at the end: read once.
  patch_rows as materialized (
    select p.id, p.measured_m2, pp.town, pp.area_m2 as area,
      patch_status_at(p.status, p.detected_at, p.verified_at, p.rectify_started_at, p.disposed_at, p_to) as st, p.detected_at >= p_from as in_range,
      p.status = 'demolished' and p.disposed_at >= p_from and p.disposed_at < p_to as demolished
    from kept_patches p join patch_parts pp on pp.patch_id = p.id
    where p.detected_at < p_to and (p_towns is null or pp.town = any(p_towns))),
  -- The district counts a patch once: its whole area, or with towns kept, the area of its parts in them.
  patch_whole as (
    select id, max(st) as st, bool_and(in_range) as in_range, bool_and(demolished) as demolished,
      case when p_towns is null then max(measured_m2) else sum(area) end as area
    from patch_rows group by id),
  patch_fig as (
    select town, false as all_towns, count(*) filter (where in_range) as detected, sum(area) filter (where in_range) as detected_area,
      count(*) filter (where in_range and st <> 'pending') as verified,
      count(*) filter (where in_range and st in ('illegal','rectifying','demolished','confiscated','legalised')) as illegal,
      count(*) filter (where in_range and st in ('demolished','confiscated','legalised')) as disposed,
      count(*) filter (where st = 'pending') as pending, coalesce(sum(area) filter (where demolished), 0) as demolished_area
    from patch_rows group by town
    union all
    select 'district', true, count(*) filter (where in_range), sum(area) filter (where in_range),
      count(*) filter (where in_range and st <> 'pending'),
      count(*) filter (where in_range and st in ('illegal','rectifying','demolished','confiscated','legalised')),
      count(*) filter (where in_range and st in ('demolished','confiscated','legalised')),
      count(*) filter (where st = 'pending'), coalesce(sum(area) filter (where demolished), 0)
    from patch_whole where area > 0),
  patch_overdue as (
    select located_town as town, grouping(located_town) = 1 as all_towns, count(*) as overdue from kept_patches
    where detected_at >= p_from and detected_at < p_to and deadline < p_to and (p_towns is null or located_town = any(p_towns))
      and not coalesce(case when status in ('legal', 'falsePositive') then verified_at else disposed_at end <= deadline, false)
    group by grouping sets ((located_town), ())),
  garbage as (
    select located_town as town, grouping(located_town) = 1 as all_towns, sum(quantity) as m3 from railway_issues
    where category = 'garbage' and kept(p_classes, 'railway', 'category', category) and kept(p_classes, 'railway', 'status', status)
      and reported_at >= p_from and reported_at < p_to and (p_towns is null or located_town = any(p_towns))
    group by grouping sets ((located_town), ())),
  rail as (select town, false as all_towns, track_km, corridor_km2 from railway_by_town where p_towns is null or town = any(p_towns)
    union all select 'district', true, sum(track_km), sum(corridor_km2) from railway_by_town where p_towns is null or town = any(p_towns))
  select r.code, r.name,
    case when coalesce(li.lamps, 0) > 0 then (li.lamps - least(coalesce(rp.open_amount, 0), li.lamps)) / li.lamps::double precision end,
    coalesce(rp.reported, 0), rp.median_min / 60, coalesce(rp.overdue, 0),
    coalesce(fx.open_amount, 0), case when coalesce(ci.covers, 0) > 0 then coalesce(fx.open_amount, 0) / ci.covers * 1000 end,
    coalesce(pf.detected, 0), case when pf.illegal > 0 then pf.disposed / pf.illegal::double precision end,
    coalesce(iss.backlog, 0), case when coalesce(rl.track_km, 0) > 0 then coalesce(iss.reported, 0) / rl.track_km end,
    coalesce(li.poles, 0), least(coalesce(rp.open_amount, 0), coalesce(li.lamps, 0)), coalesce(rp.done, 0), rp.p90_min / 60,
    case when r.km2 > 0 then coalesce(rp.reported, 0) / r.km2 end,
    coalesce(ci.covers, 0), coalesce(fx.reported, 0), coalesce(fx.done, 0), fx.median_min / 60,
    round(coalesce(pf.detected_area, 0)), case when pf.detected > 0 then pf.verified / pf.detected::double precision end,
    coalesce(pf.pending, 0), round(coalesce(pf.demolished_area, 0)), coalesce(po.overdue, 0),
    coalesce(rl.track_km, 0), coalesce(rl.corridor_km2, 0), coalesce(iss.reported, 0), coalesce(g.m3, 0),
    coalesce(lc.reported, 0) + coalesce(dc.reported, 0) + coalesce(iss.reported, 0),
    case when coalesce(lc.reported, 0) + coalesce(dc.reported, 0) + coalesce(iss.reported, 0) > 0 then
      (coalesce(lc.done_of_reported, 0) + coalesce(dc.done_of_reported, 0) + coalesce(iss.done_of_reported, 0))::double precision
      / (coalesce(lc.reported, 0) + coalesce(dc.reported, 0) + coalesce(iss.reported, 0)) end,
    coalesce(lc.backlog, 0) + coalesce(dc.backlog, 0) + coalesce(iss.backlog, 0),
    coalesce(lc.overdue, 0) + coalesce(dc.overdue, 0) + coalesce(iss.overdue, 0),
    r.geom
  from rows r join key k on k.code = r.code
  left join repairs rp on rp.all_towns = k.all_towns and (k.all_towns or rp.town = r.code)
  left join lamp_close lc on lc.all_towns = k.all_towns and (k.all_towns or lc.town = r.code)
  left join fixes fx on fx.all_towns = k.all_towns and (k.all_towns or fx.town = r.code)
  left join defect_close dc on dc.all_towns = k.all_towns and (k.all_towns or dc.town = r.code)
  left join issues iss on iss.all_towns = k.all_towns and (k.all_towns or iss.town = r.code)
  left join lamp_inv li on li.all_towns = k.all_towns and (k.all_towns or li.town = r.code)
  left join cover_inv ci on ci.all_towns = k.all_towns and (k.all_towns or ci.town = r.code)
  left join patch_fig pf on pf.all_towns = k.all_towns and (k.all_towns or pf.town = r.code)
  left join patch_overdue po on po.all_towns = k.all_towns and (k.all_towns or po.town = r.code)
  left join garbage g on g.all_towns = k.all_towns and (k.all_towns or g.town = r.code)
  left join rail rl on rl.all_towns = k.all_towns and (k.all_towns or rl.town = r.code)
  order by r.code = 'district', r.code = 'outside', r.code
$$;

-- Kept 10 seconds (fill_cache in schema.sql): MapServer asks each question twice.
create unlogged table if not exists town_stats_cache as
  select ''::text as key, now() as at, s.* from town_stats(now(), now()) s with no data;
create index if not exists town_stats_cache_key on town_stats_cache (key);

create or replace function town_stats_cached(p_from timestamptz, p_to timestamptz, p_towns text[] default null, p_classes jsonb default '{}')
returns setof town_stats_cache language plpgsql volatile security definer set search_path = citygis, public as $$
declare cache_key text := fill_cache('town_stats_cache', format('select * from citygis.town_stats(%L, %L, %L, %L)', p_from, p_to, p_towns, p_classes));
begin
  return query select * from town_stats_cache where key = cache_key;
end $$;
