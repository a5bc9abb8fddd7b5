import type { Column, FeatureTable, GeometryColumn } from './featureTable';

type Gathered = Float64Array | Uint8Array | Uint32Array;

function gather<T extends Gathered>(values: T, rows: Uint32Array): T {
  const out = new (values.constructor as new (n: number) => T)(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}

/** A column's values of the given rows, in that order (dictionaries kept whole). */
function takeColumn(c: Column, rows: Uint32Array): Column {
  const missing = c.missing && gather(c.missing, rows);
  switch (c.kind) {
    case 'string':
    case 'json':
      return { ...c, missing, codes: gather(c.codes, rows) };
    case 'numbered':
      return { ...c, missing, prefixCodes: gather(c.prefixCodes, rows), numbers: gather(c.numbers, rows), widths: gather(c.widths, rows) };
    case 'number':
    case 'time':
      return { ...c, missing, values: gather(c.values, rows) };
    case 'boolean':
      return { ...c, missing, values: gather(c.values, rows) };
  }
}

/** The geometries of the given rows: parts, rings and positions copied feature by feature. */
function takeGeometry(g: GeometryColumn, rows: Uint32Array): GeometryColumn {
  const d = g.dimensions;
  const types = gather(g.types, rows);
  if (!g.offsets) {
    const coordinates = new Float64Array(rows.length * d);
    for (let i = 0; i < rows.length; i++) coordinates.set(g.coordinates.subarray(rows[i] * d, rows[i] * d + d), i * d);
    return { types, dimensions: d, coordinates, offsets: null };
  }
  const { parts, rings, positions } = g.offsets;
  let partCount = 0;
  let ringCount = 0;
  let positionCount = 0;
  for (const f of rows) {
    partCount += parts[f + 1] - parts[f];
    ringCount += rings[parts[f + 1]] - rings[parts[f]];
    positionCount += positions[rings[parts[f + 1]]] - positions[rings[parts[f]]];
  }
  const outParts = new Uint32Array(rows.length + 1);
  const outRings = new Uint32Array(partCount + 1);
  const outPositions = new Uint32Array(ringCount + 1);
  const coordinates = new Float64Array(positionCount * d);
  let p = 0;
  let r = 0;
  let at = 0;
  rows.forEach((f, i) => {
    outParts[i] = p;
    for (let part = parts[f]; part < parts[f + 1]; part++, p++) {
      outRings[p] = r;
      for (let ring = rings[part]; ring < rings[part + 1]; ring++, r++) {
        outPositions[r] = at;
        const from = positions[ring];
        const to = positions[ring + 1];
        coordinates.set(g.coordinates.subarray(from * d, to * d), at * d);
        at += to - from;
      }
    }
  });
  outParts[rows.length] = p;
  outRings[p] = r;
  outPositions[r] = at;
  return { types, dimensions: d, coordinates, offsets: { parts: outParts, rings: outRings, positions: outPositions } };
}

/**
 * A table of the given rows of `table`, in the order given (a row may come twice): every column
 * and geometry gathered from the columns, no feature rebuilt. What only the map draws (triangles,
 * drawn columns) is left for the worker to build again.
 */
export function takeRows(table: FeatureTable, rows: Uint32Array): FeatureTable {
  const properties: Record<string, Column> = Object.create(null) as Record<string, Column>;
  for (const [key, column] of Object.entries(table.properties)) properties[key] = takeColumn(column, rows);
  return {
    collection: table.collection,
    length: rows.length,
    ids: table.ids && takeColumn(table.ids, rows),
    geometry: takeGeometry(table.geometry, rows),
    properties,
  };
}
