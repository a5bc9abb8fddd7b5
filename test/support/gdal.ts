import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { FeatureCollection } from 'geojson';

/** A scratch folder with the first `count` features of a bundled collection as GeoJSON, for GDAL to convert. */
export function bundledSample(collection: string, count: number): { dir: string; source: string; features: FeatureCollection['features'] } {
  const dir = mkdtempSync(join(tmpdir(), `gdal-${collection}-`));
  const all = JSON.parse(readFileSync(`public/data/${collection}.geojson`, 'utf8')) as FeatureCollection;
  const features = all.features.slice(0, count);
  const source = join(dir, `${collection}.geojson`);
  writeFileSync(source, JSON.stringify({ ...all, features }));
  return { dir, source, features };
}

/** ogr2ogr, as a GIS technician runs it (Debian's gdal-bin). */
export function ogr2ogr(...args: string[]): void {
  execFileSync('ogr2ogr', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** ogrinfo's summary and features of a file, as text. */
export function ogrinfo(...args: string[]): string {
  return execFileSync('ogrinfo', ['-ro', '-al', ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** The files of a folder whose names start with `stem`, zipped as a bureau would send a shapefile (optionally leaving some out). */
export function zipFolder(dir: string, stem: string, leaveOut: string[] = []): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(dir)) if (name.startsWith(`${stem}.`) && !leaveOut.some((e) => name.endsWith(e))) files[name] = new Uint8Array(readFileSync(join(dir, name)));
  return zipSync(files);
}
