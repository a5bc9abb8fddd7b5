/** The tile (x, y) holding a point at zoom z, in the web map's (XYZ) scheme. */
export function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
}

/** The longitude / latitude box [west, south, east, north] of a tile. */
export function tileBox(x: number, y: number, z: number): [number, number, number, number] {
  const n = 2 ** z;
  const lon = (i: number) => (i / n) * 360 - 180;
  const lat = (j: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * j) / n))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}

/** MapServer's vector tile of some layer groups (joined with +, as MapServer wants them). */
export const mapServerTileUrl = (mapserv: string, x: number, y: number, z: number, groups: string) =>
  `${mapserv}?map=citygis&mode=tile&tilemode=gmap&tile=${x}+${y}+${z}&layers=${groups}&map.imagetype=mvt`;
