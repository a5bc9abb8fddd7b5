-- The early warnings (src/stats/warnings/) computed in SQL, equal to the browser engine's: cases
-- due soon, assets failing again and again, and counts of the last day and week above their
-- baselines. The rule and its constants are the engine's (anomalies.ts, dueSoon.ts,
-- repeatAssets.ts); the count model's arithmetic is done in the same order, so the chances agree
-- to the last digits. Published by MapServer as the collection warnings.
set search_path = citygis, public;

-- ln Γ(x): the Lanczos approximation of countModel.ts (g = 7, n = 9).
create or replace function log_gamma(x double precision) returns double precision language plpgsql immutable as $$
declare
  c double precision[] := array[0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  z double precision := x - 1;
  a double precision := c[1];
  t double precision := x - 1 + 7.5;
begin
  if x < 0.5 then return ln(pi() / sin(pi() * x)) - log_gamma(1 - x); end if;
  for i in 1..8 loop a := a + c[i + 1] / (z + i); end loop;
  return 0.5 * ln(2 * pi()) + (z + 0.5) * ln(t) - t + ln(a);
end $$;

-- e^x, 0 where it underflows (PostgreSQL raises an error there; JavaScript gives 0).
create or replace function exp_or_zero(x double precision) returns double precision language sql immutable as
  $$ select case when x < -745 then 0 else exp(x) end $$;

-- ln P(X = x) under Poisson (size infinite) or negative binomial (mean, size).
create or replace function count_log_pmf(mean double precision, size double precision, x integer) returns double precision language plpgsql immutable as $$
begin
  if mean <= 0 then return case when x = 0 then 0 else '-Infinity'::double precision end; end if;
  if size = 'Infinity'::double precision then return x * ln(mean) - mean - log_gamma(x + 1); end if;
  return log_gamma(x + size) - log_gamma(size) - log_gamma(x + 1) + size * ln(size / (size + mean)) + x * ln(mean / (size + mean));
end $$;

-- P(X ≥ x), summed as upperTail in countModel.ts.
create or replace function count_upper_tail(mean double precision, size double precision, x integer) returns double precision language plpgsql immutable as $$
declare
  below double precision := 0;
  tail double precision := 0;
  p double precision;
  i integer := x;
begin
  if x <= 0 then return 1; end if;
  for k in 0..x - 1 loop below := below + exp_or_zero(count_log_pmf(mean, size, k)); end loop;
  if below < 0.999 then return greatest(0, 1 - below); end if;
  loop
    p := exp_or_zero(count_log_pmf(mean, size, i));
    tail := tail + p;
    exit when i > mean and p <= tail * 1e-12;
    i := i + 1;
  end loop;
  return tail;
end $$;

-- The smallest count whose P(X ≤ count) reaches q.
create or replace function count_quantile(mean double precision, size double precision, q double precision) returns integer language plpgsql immutable as $$
declare
  cdf double precision := 0;
  x integer := 0;
begin
  loop
    cdf := cdf + exp_or_zero(count_log_pmf(mean, size, x));
    if cdf >= q or x > 100 * (mean + 10) then return x; end if;
    x := x + 1;
  end loop;
end $$;

-- Cases of one table reported in [p_from, p_to) under the towns and class filters, per town and category.
create or replace function warn_counts(cases regclass, cat_col text, layer text, f1 text, f2 text, p_from timestamptz, p_to timestamptz,
  p_towns text[], p_classes jsonb)
returns table (town text, category text, n bigint) language plpgsql stable set search_path = citygis, public as $$
begin
  return query execute format($q$
    select c.located_town, c.%2$I::text, count(*) from %1$s c where c.reported_at >= $1 and c.reported_at < $2
      and ($3 is null or c.located_town = any($3)) and citygis.kept($4, %3$L, %4$L, c.k1) and citygis.kept($4, %3$L, %5$L, c.k2)
    group by 1, 2 $q$, cases, cat_col, layer, f1, f2) using p_from, p_to, p_towns, p_classes;
end $$;

-- Mean of the counts without the highest, and the sample variance of all of them (trimmedLevel).
create or replace function trimmed_level(counts double precision[], out mean double precision, out variance double precision) language plpgsql immutable as $$
declare
  sorted double precision[] := array(select v from unnest(counts) v order by v);
  n integer := cardinality(counts);
  kept integer := greatest(1, cardinality(counts) - 1);
  total double precision := 0;
  all_mean double precision := 0;
  squares double precision := 0;
begin
  for i in 1..kept loop total := total + sorted[i]; end loop;
  mean := total / kept;
  for i in 1..n loop all_mean := all_mean + counts[i]; end loop;
  all_mean := all_mean / n;
  for i in 1..n loop squares := squares + (counts[i] - all_mean) ^ 2; end loop;
  variance := case when n > 1 then squares / (n - 1) else mean end;
end $$;

-- The band of a count against its past windows times the seasonal factor (flaggedBand): a row
-- when the chance of as many or more is below 1 in 10,000, none otherwise.
create or replace function flagged_band(history double precision[], factor double precision, n integer)
returns table (expected double precision, low integer, high integer, p double precision) language plpgsql immutable as $$
declare
  lvl record;
  m double precision;
  v double precision;
  size double precision;
  chance double precision;
begin
  lvl := trimmed_level(history);
  m := lvl.mean * factor;
  v := lvl.variance * factor * factor;
  size := case when v > m and m > 0 then m * m / (v - m) else 'Infinity'::double precision end;
  chance := count_upper_tail(m, size, n);
  if chance >= 1e-4 then return; end if;
  expected := m;
  low := count_quantile(m, size, 0.05);
  high := count_quantile(m, size, 0.95);
  p := chance;
  return next;
end $$;

-- The median of some numbers (anomalies.ts median): the middle one, or the mean of the middle two.
create or replace function median_of(xs double precision[]) returns double precision language sql immutable as $$
  select case when cardinality(xs) = 0 then null when cardinality(xs) % 2 = 1 then s[cardinality(xs) / 2 + 1] else (s[cardinality(xs) / 2] + s[cardinality(xs) / 2 + 1]) / 2 end
  from (select array(select v from unnest(xs) v order by v) as s) q $$;

-- The district's (kept) seasonal factor of one case table at p_now (seasonalFactor): per earlier
-- year, its week around this date over its eight weeks before; the median, kept within 0.5-3.
create or replace function seasonal_factor(cases regclass, cat_col text, layer text, f1 text, f2 text, p_now timestamptz,
  p_towns text[], p_classes jsonb)
returns double precision language plpgsql stable set search_path = citygis, public as $$
declare
  week interval := interval '7 days';
  first_at timestamptz;
  ratios double precision[] := '{}';
  centre timestamptz;
  around double precision;
  before double precision[];
  lvl record;
begin
  execute format('select min(reported_at) from %s', cases) into first_at;
  if first_at is null then return 1; end if;
  for y in 1..3 loop
    centre := p_now - (52 * y) * week;
    exit when centre - 9 * week < first_at;
    select sum(c.n) / 3 into around from generate_series(-1, 1) j, lateral (
      select coalesce(sum(x.n), 0)::double precision as n from warn_counts(cases, cat_col, layer, f1, f2, centre + j * week - week, centre + j * week, p_towns, p_classes) x) c;
    before := array(select coalesce((select sum(x.n) from warn_counts(cases, cat_col, layer, f1, f2, centre - k * week - week, centre - k * week, p_towns, p_classes) x), 0)::double precision
      from generate_series(1, 8) k order by k);
    lvl := trimmed_level(before);
    if lvl.mean > 0 then ratios := ratios || (around / lvl.mean); end if;
  end loop;
  return case when cardinality(ratios) = 0 then 1 else least(3, greatest(0.5, median_of(ratios))) end;
end $$;

-- Clusters in space and time (cellAnomalies.ts): each H3 cell's cases of the last week against the
-- same cell's eight weeks before, times the seasonal factor; at least 5 cases and a chance below 1e-4.
create or replace function layer_cell_anomalies(cases regclass, layer text, f1 text, f2 text, p_now timestamptz, p_towns text[], p_classes jsonb,
  factor double precision)
returns table (cell text, count_n integer, expected double precision, low integer, high integer, p double precision)
language plpgsql stable set search_path = citygis, public as $$
declare
  first_at timestamptz;
  g record;
  b record;
begin
  execute format('select min(reported_at) from %s', cases) into first_at;
  if first_at is null or p_now - 9 * interval '7 days' < first_at then return; end if;
  for g in execute format($q$
    with kept as (select c.cell, c.reported_at from %1$s c where c.reported_at >= $1 - interval '63 days' and c.reported_at < $1
        and ($2 is null or c.located_town = any($2)) and citygis.kept($3, %2$L, %3$L, c.k1) and citygis.kept($3, %2$L, %4$L, c.k2)),
      cur as (select k.cell, count(*)::integer as n from kept k where k.reported_at >= $1 - interval '7 days' group by k.cell having count(*) >= 5),
      hist as (select k.cell, ceil(extract(epoch from ($1 - interval '7 days' - k.reported_at)) / 604800)::integer as w, count(*) as n
        from kept k where k.reported_at < $1 - interval '7 days' and k.cell in (select cur.cell from cur) group by 1, 2)
    -- Each cell's eight weeks by a join, not a scan of every cell's weeks per cell and week.
    select cur.cell, cur.n, array_agg(coalesce(h.n, 0)::double precision order by ww) as history
      from cur cross join generate_series(1, 8) ww left join hist h on h.cell = cur.cell and h.w = ww
      group by cur.cell, cur.n $q$, cases, layer, f1, f2) using p_now, p_towns, p_classes
  loop
    for b in select * from flagged_band(g.history, factor, g.n) loop
      cell := g.cell;
      count_n := g.n;
      expected := b.expected;
      low := b.low;
      high := b.high;
      p := b.p;
      return next;
    end loop;
  end loop;
end $$;

-- The anomalies of one case table at p_now (layerAnomalies): each town's cases and the cases of
-- each category over the last day and week, against the trimmed level of the same window 1-8
-- weeks before, times the district's seasonal factor, under a Poisson or negative binomial band.
create or replace function layer_anomalies(cases regclass, cat_col text, layer text, f1 text, f2 text, p_now timestamptz,
  p_towns text[], p_classes jsonb, factor double precision)
returns table (win text, town text, category text, from_at timestamptz, count_n integer, expected double precision, low integer, high integer,
  p double precision, seasonal double precision, top text, top_n integer)
language plpgsql stable set search_path = citygis, public as $$
declare
  week interval := interval '7 days';
  first_at timestamptz;
  w record;
  g record;
  b record;
begin
  execute format('select min(reported_at) from %s', cases) into first_at;
  if first_at is null then return; end if;

  for w in select * from (values ('hours', interval '6 hours', 4), ('day', interval '1 day', 4), ('week', interval '7 days', 8)) as x(name, length, min_count) loop
    continue when p_now - 8 * week - w.length < first_at;
    -- Towns (never the outside), categories over the towns kept, and each town's categories; each with its eight windows before.
    for g in
      with cur as (select * from warn_counts(cases, cat_col, layer, f1, f2, p_now - w.length, p_now, p_towns, p_classes)),
      hist as (select k, x.* from generate_series(1, 8) k, warn_counts(cases, cat_col, layer, f1, f2, p_now - k * week - w.length, p_now - k * week, p_towns, p_classes) x),
      groups as (
        select 'town' as kind, c.town as key, sum(c.n)::integer as n from cur c where c.town <> 'outside' group by c.town
        union all select 'category', c.category, sum(c.n)::integer from cur c group by c.category
        union all select 'towncat', c.town || chr(31) || c.category, sum(c.n)::integer from cur c where c.town <> 'outside' group by c.town, c.category),
      -- The eight windows before of every group, by a join (not a scan of every window's counts per group and window).
      hist_grouped as (
        select 'town' as kind, h.town as key, h.k, sum(h.n) as n from hist h group by h.town, h.k
        union all select 'category', h.category, h.k, sum(h.n) from hist h group by h.category, h.k
        union all select 'towncat', h.town || chr(31) || h.category, h.k, sum(h.n) from hist h group by h.town, h.category, h.k),
      histories as (
        select gr.kind, gr.key, array_agg(coalesce(hg.n, 0)::double precision order by kk) as history
        from groups gr cross join generate_series(1, 8) kk left join hist_grouped hg on hg.kind = gr.kind and hg.key = gr.key and hg.k = kk
        where gr.n >= w.min_count group by gr.kind, gr.key)
      select gr.kind, gr.key, gr.n, hi.history,
        (select c.category from cur c where gr.kind = 'town' and c.town = gr.key order by c.n desc, c.category collate "C" limit 1) as top_category,
        (select c.n::integer from cur c where gr.kind = 'town' and c.town = gr.key order by c.n desc, c.category collate "C" limit 1) as top_count
      from groups gr join histories hi on hi.kind = gr.kind and hi.key = gr.key
    loop
      for b in select * from flagged_band(g.history, factor, g.n) loop
        win := w.name;
        town := case g.kind when 'town' then g.key when 'towncat' then split_part(g.key, chr(31), 1) end;
        category := case g.kind when 'category' then g.key when 'towncat' then split_part(g.key, chr(31), 2) end;
        from_at := p_now - w.length;
        count_n := g.n;
        expected := b.expected;
        low := b.low;
        high := b.high;
        p := b.p;
        seasonal := factor;
        top := g.top_category;
        top_n := g.top_count;
        return next;
      end loop;
    end loop;
  end loop;
end $$;

-- Cases of one table under the towns and class filters per day of the 56 before p_now, by time_col
-- (index 1: [p_now - 56 days, p_now - 55 days), ..., 56: the last day).
create or replace function day_counts(cases regclass, layer text, f1 text, f2 text, time_col text, p_now timestamptz, p_towns text[], p_classes jsonb)
returns double precision[] language plpgsql stable set search_path = citygis, public as $$
declare counts double precision[];
begin
  execute format($q$
    with d as (
      select floor(extract(epoch from c.%5$I - $1) / 86400)::integer + 57 as i, count(*) as n from %1$s c
      where c.%5$I >= $1 - interval '56 days' and c.%5$I < $1
        and ($2 is null or c.located_town = any($2)) and citygis.kept($3, %2$L, %3$L, c.k1) and citygis.kept($3, %2$L, %4$L, c.k2)
      group by 1)
    select array(select coalesce(d.n, 0)::double precision from generate_series(1, 56) g left join d on d.i = g order by g) $q$,
    cases, layer, f1, f2, time_col) into counts using p_now, p_towns, p_classes;
  return counts;
end $$;

-- The next 7 days of one case table (forecast.ts forecastCases, seasonalTrend), in the same
-- arithmetic and order: each day from the same weekday of the 8 weeks before, times the
-- district's seasonal trend (the class filters, every town); the week's total with its 5-95 %
-- band; the backlog carried by each day's expected reports less that weekday's average closures.
-- The days' figures come as text, comma-separated, in order.
create or replace function layer_forecast(cases regclass, cat_col text, layer text, f1 text, f2 text, p_now timestamptz, p_towns text[], p_classes jsonb,
  out daily text, out expected_daily text, out total double precision, out low integer, out high integer, out trend double precision,
  out backlog_now double precision, out backlog text)
language plpgsql stable set search_path = citygis, public as $$
declare
  day interval := interval '1 day';
  week interval := interval '7 days';
  first_at timestamptz;
  ratios double precision[] := '{}';
  centre timestamptz;
  level double precision;
  reports double precision[];
  reported_days double precision[];
  closed_days double precision[];
  closures double precision[] := '{}';
  sum_r double precision;
  sum_c double precision;
  medians double precision[] := '{}';
  means double precision[] := '{}';
  weeks double precision[] := '{}';
  spread double precision;
  size double precision;
  open double precision;
  carried double precision[] := '{}';
begin
  execute format('select min(reported_at) from %s', cases) into first_at;
  trend := 1;
  if first_at is not null then
    for y in 1..3 loop
      centre := p_now - (52 * y) * week;
      exit when centre - 4 * week < first_at;
      level := 0;
      for k in 0..3 loop
        level := level + (select coalesce(sum(x.n), 0) from warn_counts(cases, cat_col, layer, f1, f2, centre - (k + 1) * week, centre - k * week, null, p_classes) x);
      end loop;
      level := level / 4;
      if level > 0 then
        ratios := ratios || ((select coalesce(sum(x.n), 0) from warn_counts(cases, cat_col, layer, f1, f2, centre, centre + week, null, p_classes) x) / level);
      end if;
    end loop;
    if cardinality(ratios) > 0 then trend := least(3, greatest(0.5, median_of(ratios))); end if;
  end if;

  -- Each of the 56 days before p_now (index 1: the earliest), reported and closed.
  reported_days := day_counts(cases, layer, f1, f2, 'reported_at', p_now, p_towns, p_classes);
  closed_days := day_counts(cases, layer, f1, f2, 'closed_at', p_now, p_towns, p_classes);
  total := 0;
  for k in 0..6 loop
    reports := '{}';
    sum_r := 0;
    sum_c := 0;
    for w in 0..7 loop
      -- Day k after p_now, w + 1 weeks before: day k - 7 (w + 1) from p_now.
      reports := reports || reported_days[57 + k - 7 * (w + 1)];
      sum_r := sum_r + reported_days[57 + k - 7 * (w + 1)];
      sum_c := sum_c + closed_days[57 + k - 7 * (w + 1)];
    end loop;
    medians := medians || (median_of(reports) * trend);
    means := means || (sum_r / 8 * trend);
    closures := closures || (sum_c / 8);
    total := total + means[k + 1];
  end loop;

  for w in 0..7 loop
    weeks := weeks || (select sum(v) from unnest(reported_days[57 - 7 * (w + 1):56 - 7 * w]) v);
  end loop;
  spread := greatest((trimmed_level(weeks)).variance * trend * trend, total);
  size := case when spread > total and total > 0 then total * total / (spread - total) else 'Infinity'::double precision end;
  low := count_quantile(total, size, 0.05);
  high := count_quantile(total, size, 0.95);

  execute format($q$
    select count(*) from %1$s c where c.reported_at < $1 and not coalesce(c.closed_at < $1, false)
      and ($2 is null or c.located_town = any($2)) and citygis.kept($3, %2$L, %3$L, c.k1) and citygis.kept($3, %2$L, %4$L, c.k2) $q$,
    cases, layer, f1, f2) into backlog_now using p_now, p_towns, p_classes;
  open := backlog_now;
  for k in 1..7 loop
    open := greatest(0, open + means[k] - closures[k]);
    carried := carried || open;
  end loop;
  daily := array_to_string(medians, ',');
  expected_daily := array_to_string(means, ',');
  backlog := array_to_string(carried, ',');
end $$;

-- Every early warning at p_now, as rows of one collection (id unique):
-- due:LAYER:ID — a case due within p_hours (the soonest p_shown of them), with its deadline;
-- due-count:TOWN:LEVEL — how many are due per town and level (all of them);
-- due-unit:UNIT:LEVEL — the same per responsible unit (in `category`; a due row names its unit in `top`):
--   the case's own, else a railway issue's or patch's town, else none;
-- repeat:LAYER:ASSET — an asset failing again (the first p_shown), its cases; repeat-count — how many;
-- repeat-town:TOWN — how many per town (the town of its latest case), and the latest failure among them;
-- anomaly:LAYER:WINDOW:TOWN:CATEGORY — a count above its baseline;
-- forecast:LAYER — the next 7 days (layer_forecast): n the backlog now, expected / low / high the
--   week's total and its band, seasonal the trend, cases "daily;expected daily;backlog" (each 7 numbers).
create or replace function warnings(p_now timestamptz, p_hours double precision, p_towns text[] default null, p_classes jsonb default '{}', p_shown integer default 50)
returns table (id text, kind text, layer text, town text, category text, win text, moment double precision, n double precision, expected double precision,
  low integer, high integer, p double precision, seasonal double precision, level text, asset text, cases text, top text, top_n integer,
  lon double precision, lat double precision)
language plpgsql stable set search_path = citygis, public as $$
begin
  return query
  with due as (
    select 'lamps' as layer, 0 as o, f.id, f.asset_id as asset, f.located_town as town, f.cause as category, f.deadline, f.geom,
      f.responsible_unit as unit from lamp_faults f
      where f.reported_at <= p_now and not coalesce(f.handled_at <= p_now, false) and f.deadline > p_now and f.deadline <= p_now + p_hours * interval '1 hour'
        and (p_towns is null or f.located_town = any(p_towns)) and kept(p_classes, 'streetLamps', 'status', f.k1) and kept(p_classes, 'streetLamps', 'lampType', f.k2)
    union all
    select 'manholes', 1, d.id, d.asset_id, d.located_town, d.defect, d.deadline, d.geom, d.responsible_unit from manhole_defects d
      where d.reported_at <= p_now and not coalesce(d.handled_at <= p_now, false) and d.deadline > p_now and d.deadline <= p_now + p_hours * interval '1 hour'
        and (p_towns is null or d.located_town = any(p_towns)) and kept(p_classes, 'manholes', 'kind', d.k1) and kept(p_classes, 'manholes', 'status', d.k2)
    union all
    select 'railway', 2, r.id, null, r.located_town, r.category, r.deadline, r.geom,
      coalesce(r.responsible_unit, nullif(r.located_town, 'outside')) from railway_issues r
      where r.reported_at <= p_now and not coalesce(r.handled_at <= p_now, false) and r.deadline > p_now and r.deadline <= p_now + p_hours * interval '1 hour'
        and (p_towns is null or r.located_town = any(p_towns)) and kept(p_classes, 'railway', 'category', r.k1) and kept(p_classes, 'railway', 'status', r.k2)
    union all
    select 'patches', 3, t.id, null, t.located_town, t.change_type, t.deadline, st_pointonsurface(t.geom),
      coalesce(t.responsible_unit, nullif(t.located_town, 'outside')) from patches t
      where t.detected_at <= p_now
        and not coalesce((case when t.status in ('legal', 'falsePositive') then t.verified_at else t.disposed_at end) <= p_now, false)
        and t.deadline > p_now and t.deadline <= p_now + p_hours * interval '1 hour'
        and (p_towns is null or t.located_town = any(p_towns)) and kept(p_classes, 'patches', 'status', t.status)
        and kept(p_classes, 'patches', 'landType', t.land_type) and kept(p_classes, 'patches', 'changeType', t.change_type)),
  leveled as (
    select d.*, (extract(epoch from d.deadline) * 1000 - extract(epoch from p_now) * 1000)::double precision / 3600000 as hours_left from due d),
  ranked as (
    select l.*, case when l.hours_left <= 2 then 'critical' when l.hours_left <= 8 then 'high' else 'watch' end as lvl,
      row_number() over (order by l.deadline, l.o, l.id collate "C") as r from leveled l),
  repeated as (
    select 'lamps' as layer, f.asset_id as asset, count(*) as n, max(f.reported_at) as last,
      (array_agg(f.located_town order by f.reported_at desc, f.id collate "C" desc))[1] as town,
      string_agg(f.id, ',' order by f.reported_at, f.id collate "C") as ids,
      (array_agg(f.geom order by f.reported_at desc, f.id collate "C" desc))[1] as geom
    from lamp_faults f where f.reported_at > p_now - interval '90 days' and f.reported_at <= p_now
      and (p_towns is null or f.located_town = any(p_towns)) and kept(p_classes, 'streetLamps', 'status', f.k1) and kept(p_classes, 'streetLamps', 'lampType', f.k2)
    group by f.asset_id having count(*) >= 3
    union all
    select 'manholes', d.asset_id, count(*), max(d.reported_at), (array_agg(d.located_town order by d.reported_at desc, d.id collate "C" desc))[1],
      string_agg(d.id, ',' order by d.reported_at, d.id collate "C"), (array_agg(d.geom order by d.reported_at desc, d.id collate "C" desc))[1]
    from manhole_defects d where d.reported_at > p_now - interval '90 days' and d.reported_at <= p_now
      and (p_towns is null or d.located_town = any(p_towns)) and kept(p_classes, 'manholes', 'kind', d.k1) and kept(p_classes, 'manholes', 'status', d.k2)
    group by d.asset_id having count(*) >= 2),
  repeats_ranked as (select r.*, row_number() over (order by r.n desc, r.last desc, r.asset collate "C") as rk from repeated r),
  -- One seasonal factor per layer, for its counts and its cells alike.
  seasons as (select
    seasonal_factor('citygis.lamp_faults', 'cause', 'streetLamps', 'status', 'lampType', p_now, p_towns, p_classes) as lamps,
    seasonal_factor('citygis.manhole_defects', 'defect', 'manholes', 'kind', 'status', p_now, p_towns, p_classes) as manholes,
    seasonal_factor('citygis.railway_issues', 'category', 'railway', 'category', 'status', p_now, p_towns, p_classes) as railway),
  anomalies as (
    select 'lamps' as layer, a.* from seasons f, layer_anomalies('citygis.lamp_faults', 'cause', 'streetLamps', 'status', 'lampType', p_now, p_towns, p_classes, f.lamps) a
    union all select 'manholes', a.* from seasons f, layer_anomalies('citygis.manhole_defects', 'defect', 'manholes', 'kind', 'status', p_now, p_towns, p_classes, f.manholes) a
    union all select 'railway', a.* from seasons f, layer_anomalies('citygis.railway_issues', 'category', 'railway', 'category', 'status', p_now, p_towns, p_classes, f.railway) a),
  cells as (
    select 'lamps' as layer, c.* from seasons f, layer_cell_anomalies('citygis.lamp_faults', 'streetLamps', 'status', 'lampType', p_now, p_towns, p_classes, f.lamps) c
    union all select 'manholes', c.* from seasons f, layer_cell_anomalies('citygis.manhole_defects', 'manholes', 'kind', 'status', p_now, p_towns, p_classes, f.manholes) c
    union all select 'railway', c.* from seasons f, layer_cell_anomalies('citygis.railway_issues', 'railway', 'category', 'status', p_now, p_towns, p_classes, f.railway) c)
  select 'due:' || x.layer || ':' || x.id, 'due', x.layer, nullif(x.town, 'outside'), x.category, null::text, extract(epoch from x.deadline)::double precision * 1000,
    x.hours_left, null::double precision, null::integer, null::integer, null::double precision, null::double precision, x.lvl, x.asset, null::text, x.unit, null::integer,
    st_x(x.geom), st_y(x.geom)
    from ranked x where x.r <= p_shown
  union all
  select 'due-count:' || coalesce(nullif(x.town, 'outside'), '') || ':' || x.lvl, 'due-count', null, nullif(x.town, 'outside'), null, null, null, count(*)::double precision,
    null, null, null, null, null, x.lvl, null, null, null, null, null, null
    from ranked x group by x.town, x.lvl
  union all
  select 'due-unit:' || coalesce(x.unit, '') || ':' || x.lvl, 'due-unit', null, null, x.unit, null, null, count(*)::double precision,
    null, null, null, null, null, x.lvl, null, null, null, null, null, null
    from ranked x group by x.unit, x.lvl
  union all
  select 'repeat:' || x.layer || ':' || x.asset, 'repeat', x.layer, nullif(x.town, 'outside'), null, null, extract(epoch from x.last)::double precision * 1000, x.n::double precision,
    null, null, null, null, null, null, x.asset, x.ids, null, null, st_x(x.geom), st_y(x.geom)
    from repeats_ranked x where x.rk <= p_shown
  union all
  select 'repeat-count', 'repeat-count', null, null, null, null, null, (select count(*) from repeated)::double precision, null, null, null, null, null, null, null, null, null, null, null, null
  union all
  select 'repeat-town:' || coalesce(nullif(x.town, 'outside'), ''), 'repeat-town', null, nullif(x.town, 'outside'), null, null,
    max(extract(epoch from x.last)::double precision * 1000), count(*)::double precision, null, null, null, null, null, null, null, null, null, null, null, null
    from repeated x group by x.town
  union all
  select 'anomaly:' || a.layer || ':' || a.win || ':' || coalesce(a.town, '') || ':' || coalesce(a.category, ''), 'anomaly', a.layer, a.town, a.category, a.win,
    extract(epoch from a.from_at)::double precision * 1000, a.count_n::double precision, a.expected, a.low, a.high, a.p, a.seasonal, null, null, null,
    a.top, a.top_n, null, null
    from anomalies a
  union all
  select 'forecast:' || f.layer, 'forecast', f.layer, null, null, null, null, f.backlog_now, f.total, f.low, f.high, null, f.trend, null, null,
    f.daily || ';' || f.expected_daily || ';' || f.backlog, null, null, null, null
    from (
      select 'lamps' as layer, x.* from layer_forecast('citygis.lamp_faults', 'cause', 'streetLamps', 'status', 'lampType', p_now, p_towns, p_classes) x
      union all select 'manholes', x.* from layer_forecast('citygis.manhole_defects', 'defect', 'manholes', 'kind', 'status', p_now, p_towns, p_classes) x
      union all select 'railway', x.* from layer_forecast('citygis.railway_issues', 'category', 'railway', 'category', 'status', p_now, p_towns, p_classes) x) f
  union all
  select 'cell:' || c.layer || ':' || c.cell, 'cell', c.layer, h.town, null, 'week', extract(epoch from p_now - interval '7 days')::double precision * 1000,
    c.count_n::double precision, c.expected, c.low, c.high, c.p, null, null, null, c.cell, null, null, null, null
    from cells c left join hot_cells h on h.cell = c.cell;
end $$;

-- Kept 10 seconds, as town_stats (fill_cache in schema.sql): the wall asks at every refresh.
create unlogged table if not exists warnings_cache as
  select ''::text as key, now() as at, w.* from warnings(now(), 1) w with no data;
create index if not exists warnings_cache_key on warnings_cache (key);

create or replace function warnings_cached(p_now timestamptz, p_hours double precision, p_towns text[] default null, p_classes jsonb default '{}', p_shown integer default 50)
returns setof warnings_cache language plpgsql volatile security definer set search_path = citygis, public as $$
declare cache_key text := fill_cache('warnings_cache', format('select * from citygis.warnings(%L, %L, %L, %L, %L)', p_now, p_hours, p_towns, p_classes, p_shown));
begin
  return query select * from warnings_cache where key = cache_key;
end $$;
