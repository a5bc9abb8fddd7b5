/**
 * The early warnings' 7-day forecast against the seasonal-naive forecast, by backtest on held-out
 * months: `npx tsx bench/forecastBacktest.ts [data folder]`. Each origin (the first of a month)
 * forecasts every town's lamp faults, cover defects and railway issues from what came before it;
 * both forecasts are scored by their mean absolute scaled error against what was then reported.
 */
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { defectTable } from '../src/layers/manholes/stats';
import { railwayIssueTable } from '../src/layers/railway/stats';
import { lampFaultTable } from '../src/layers/streetLamps/stats';
import { buildTownIndex } from '../src/stats/towns/townIndex';
import { backtestForecasts } from '../src/stats/warnings/forecastBacktest';

const dir = process.argv[2] ?? 'public/data';
const read = <T>(name: string) => JSON.parse(readFileSync(`${dir}/${name}.geojson`, 'utf8')) as T;
const towns = read<FeatureCollection>('towns').features.map((f) => ({ code: String(f.properties!.code), geometry: f.geometry as never }));
const index = buildTownIndex(towns);
const points = (name: string) => read<FeatureCollection<Point>>(name).features as Feature<Point, Record<string, unknown>>[];
const layers = [
  { layer: 'lamps', table: lampFaultTable(points('lamp-faults'), index) },
  { layer: 'manholes', table: defectTable(points('manhole-defects'), index) },
  { layer: 'railway', table: railwayIssueTable(points('railway-issues'), index) },
];
// Two held-out years: the first of each month from 2024-10 to 2026-09.
const origins = Array.from({ length: 24 }, (_, m) => {
  const month = m + 9;
  return Date.parse(`${2024 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01T00:00:00+08:00`);
});
const fmt = (x: number) => x.toFixed(3);
console.log(`data ${dir}: ${origins.length} origins, every town × layer`);
for (const only of [...layers.map((l) => [l]), layers]) {
  const started = performance.now();
  const r = backtestForecasts(only, towns.length, origins);
  const name = only.length === 1 ? only[0].layer : 'all three';
  console.log(
    `${name.padEnd(9)} scored ${String(r.scored).padStart(5)}  MASE model mean ${fmt(r.model.mean)} median ${fmt(r.model.median)}  naive mean ${fmt(r.naive.mean)} median ${fmt(r.naive.median)}  ratio of means ${fmt(r.model.mean / r.naive.mean)}  (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}
