import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';

const SOURCES_DIR = fileURLToPath(new URL('../../data/sources/', import.meta.url));

export interface TownSeat {
  code: string;
  name: string;
  seat: Position;
}

export interface ApproxFacts {
  townSeats: TownSeat[];
  railways: { name: string; approxRoute: Position[] }[];
  namedRoads: string[];
}

export interface SourceFacts {
  boundary: Feature<Polygon>;
  approx: ApproxFacts;
  officialTowns: Map<string, string>;
  villagesByTown: Map<string, string[]>;
}

function readCsvRows(file: string): string[][] {
  return readFileSync(SOURCES_DIR + file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
}

/** Shortens an official village committee name to the name people use: 明一社区居民委员会 → 明一社区. */
function shortVillageName(name: string): string {
  return name.replace(/居民委员会$|村民委员会$|委员会$/, '').replace(/村村$/, '村');
}

export function loadSourceFacts(): SourceFacts {
  const boundaryFc = JSON.parse(readFileSync(SOURCES_DIR + 'zhangqiu-boundary.geojson', 'utf8')) as FeatureCollection<Polygon>;
  const approx = JSON.parse(readFileSync(SOURCES_DIR + 'zhangqiu-approx.json', 'utf8')) as ApproxFacts;
  const officialTowns = new Map(readCsvRows('towns-370114.csv').map(([code, name]) => [code, name]));
  const villagesByTown = new Map<string, string[]>();
  for (const [, name, townCode] of readCsvRows('villages-370114.csv')) {
    const list = villagesByTown.get(townCode) ?? [];
    list.push(shortVillageName(name));
    villagesByTown.set(townCode, list);
  }
  for (const seat of approx.townSeats) {
    if (officialTowns.get(seat.code) !== seat.name) throw new Error(`town seat ${seat.code} ${seat.name} is not in the official list`);
  }
  return { boundary: boundaryFc.features[0], approx, officialTowns, villagesByTown };
}
