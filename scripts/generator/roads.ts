import * as turf from '@turf/turf';
import { Delaunay } from 'd3-delaunay';
import type { Position } from 'geojson';
import type { Boundaries } from './boundaries';
import { clipLineToArea, offsetMeters, RegionLookup, roundCoords } from './geo';
import type { Random } from './random';
import { SETTING_PARAMS } from './towns';
import type { GeneratedFeature } from './types';

type RoadClass = 'arterial' | 'secondary' | 'local';

/**
 * The named roads of the reports, placed by hand in the urban core (approximate, 1-3 km):
 * the generator needs their geometry, which no shared source gives.
 */
const NAMED_ROADS: { name: string; class: RoadClass; route: Position[] }[] = [
  { name: '经十东路', class: 'arterial', route: [[117.36, 36.688], [117.45, 36.692], [117.53, 36.695], [117.6, 36.69], [117.68, 36.684]] },
  { name: '开先大道', class: 'arterial', route: [[117.515, 36.655], [117.517, 36.7], [117.52, 36.748]] },
  { name: '龙泉路', class: 'arterial', route: [[117.545, 36.66], [117.546, 36.705], [117.548, 36.742]] },
  { name: '双山大街', class: 'arterial', route: [[117.55, 36.699], [117.625, 36.697]] },
  { name: '胡山大街', class: 'secondary', route: [[117.495, 36.678], [117.585, 36.679]] },
  { name: '绣水东街', class: 'secondary', route: [[117.522, 36.723], [117.575, 36.722]] },
  { name: '双山东街', class: 'secondary', route: [[117.575, 36.686], [117.635, 36.687]] },
  { name: '车站街', class: 'local', route: [[117.529, 36.698], [117.534, 36.716]] },
];
export const RETROFIT_ROADS = ['经十东路', '开先大道', '龙泉路'];

const GRID_SUFFIX = ['一路', '二路', '三路', '四路', '五路', '六路', '七路', '八路', '九路', '十路', '十一路', '十二路'];
const GRID_PREFIX_NS = ['东', '西'];
const GRID_PREFIX_EW = ['北', '南'];

/** Street names as people write them: the town's first character plus a direction and a number (e.g. 枣西三路). */
function gridStreetName(townName: string, northSouth: boolean, index: number): string {
  const base = townName.replace(/街道$|镇$/, '');
  const prefix = (northSouth ? GRID_PREFIX_NS : GRID_PREFIX_EW)[index < 0 ? 1 : 0];
  return `${base}${prefix}${GRID_SUFFIX[Math.min(Math.abs(index), GRID_SUFFIX.length - 1)]}`;
}

export function generateRoads(b: Boundaries, random: Random): GeneratedFeature<'roads'>[] {
  const roads: GeneratedFeature<'roads'>[] = [];
  const lookup = new RegionLookup(b.towns.map((t) => ({ feature: t, value: t.properties.code })));
  const add = (name: string, cls: RoadClass, coords: Position[]) => {
    for (const run of clipLineToArea(coords, b.district, 40)) {
      const id = `RD-${String(roads.length + 1).padStart(4, '0')}`;
      roads.push({
        type: 'Feature',
        id,
        geometry: { type: 'LineString', coordinates: roundCoords(turf.simplify(turf.lineString(run), { tolerance: 0.00002 }).geometry.coordinates, 6) },
        properties: { id, name, class: cls, townCode: lookup.find(run[Math.floor(run.length / 2)]) },
      });
    }
  };

  for (const road of NAMED_ROADS) add(road.name, road.class, road.route);

  // Inter-town roads join neighbouring seats; named after both towns, as 明埠路 joins 明水 and 埠村.
  const seats = b.towns.map((t) => t.properties.seat);
  const delaunay = Delaunay.from(seats.map((s) => [s[0], s[1]] as [number, number]));
  const seen = new Set<string>();
  for (let i = 0; i < seats.length; i++) {
    for (const j of delaunay.neighbors(i)) {
      const key = i < j ? `${i}-${j}` : `${j}-${i}`;
      if (seen.has(key) || turf.distance(seats[i], seats[j]) > 16) continue;
      seen.add(key);
      const mid = offsetMeters([(seats[i][0] + seats[j][0]) / 2, (seats[i][1] + seats[j][1]) / 2], random.range(-600, 600), random.range(-600, 600));
      const name = `${b.towns[i].properties.name[0]}${b.towns[j].properties.name[0]}路`;
      add(name, 'arterial', [seats[i], mid, seats[j]]);
    }
  }

  // A street grid around each seat, denser and wider in the urban towns.
  for (const town of b.towns) {
    const params = SETTING_PARAMS[town.properties.setting];
    const seat = town.properties.seat;
    const angle = random.range(-12, 12);
    const lines = Math.floor(params.gridRadiusM / params.gridSpacingM);
    for (const northSouth of [true, false]) {
      for (let k = -lines; k <= lines; k++) {
        const offset = k * params.gridSpacingM + random.range(-40, 40);
        const half = Math.sqrt(Math.max(params.gridRadiusM ** 2 - offset ** 2, 0)) * random.range(0.75, 1);
        if (half < 300) continue;
        const rotate = ([x, y]: [number, number]): [number, number] => {
          const r = ((northSouth ? angle : angle + 90) * Math.PI) / 180;
          return [x * Math.cos(r) - y * Math.sin(r), x * Math.sin(r) + y * Math.cos(r)];
        };
        const [ax, ay] = rotate([offset, -half]);
        const [bx, by] = rotate([offset, half]);
        const cls: RoadClass = k === 0 ? 'arterial' : Math.abs(k) % 3 === 0 ? 'secondary' : 'local';
        const name = k === 0 ? `${town.properties.name.replace(/街道$|镇$/, '')}${northSouth ? '大街' : '大道'}` : gridStreetName(town.properties.name, northSouth, k);
        add(name, cls, [offsetMeters(seat, ax, ay), offsetMeters(seat, bx, by)]);
      }
    }
  }
  return roads;
}
