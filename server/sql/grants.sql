-- What the web role (citygis_web, MapServer's) may do, granted after every load: read the
-- published views and the tile tables, and call the functions the mapfiles call. Nothing else:
-- no writes, no other schema (staging), no function that runs SQL text (fill_cache).
-- The statistics' *_cached functions are security definer: they fill their answer caches as the
-- owner, so the web role needs no write privilege of its own.
revoke all on schema citygis from public;
grant usage on schema citygis to citygis_web;
revoke all on all tables in schema citygis from public;
revoke execute on all functions in schema citygis from public;
grant select on citygis.api_district, citygis.api_towns, citygis.api_roads, citygis.api_lamps, citygis.api_manholes,
  citygis.api_lamp_faults, citygis.api_manhole_defects, citygis.api_patches, citygis.api_railways, citygis.api_railway_corridor,
  citygis.api_railway_issues, citygis.api_asset_counts, citygis.api_collection_sizes, citygis.api_collection_versions,
  citygis.lamps, citygis.manholes, citygis.lamp_town_totals, citygis.manhole_town_totals, citygis.lamp_grid_totals,
  citygis.manhole_grid_totals
  to citygis_web;
-- Called by the views (iso_cst) and the mapfiles' DATA.
grant execute on function citygis.iso_cst(timestamptz), citygis.kept(jsonb, text, text, text), citygis.api_case_counts(timestamptz, timestamptz),
  citygis.api_case_alerts(timestamptz, timestamptz, timestamptz),
  citygis.town_stats_cached(timestamptz, timestamptz, text[], jsonb), citygis.case_series_cached(timestamptz[], text[], jsonb),
  citygis.kpi_windows_cached(timestamptz[], timestamptz[], text[], jsonb),
  citygis.hour_week_cached(timestamptz, timestamptz, text[], jsonb, text[]),
  citygis.hot_cells_cached(timestamptz, timestamptz, text[], jsonb, text[]),
  citygis.warnings_cached(timestamptz, double precision, text[], jsonb, integer),
  citygis.assessment_cached(timestamptz[], timestamptz[], text),
  citygis.assessment_detail_cached(timestamptz, timestamptz, text, integer)
  to citygis_web;
