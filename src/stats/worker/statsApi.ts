import * as turf from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { coverInventory, defectTable, manholeStats, maskedCoverInventory, type CoverInventory, type ManholeStats } from '../../layers/manholes/stats';
import type { PatchProperties } from '../../layers/patches/schema';
import { buildPatchTable, patchStats, type PatchStats, type PatchTable } from '../../layers/patches/stats';
import { railwayGeometry, railwayIssueTable, railwayStats, type RailwayGeometry, type RailwayStats } from '../../layers/railway/stats';
import { lampFaultTable, lampInventory, lampStats, maskedLampInventory, type LampInventory, type LampStats } from '../../layers/streetLamps/stats';
import type { DomainLayerId } from '../../layers/registry';
import type { ClassSelection } from '../classes/classMask';
import { andMasks, selectableLayer, selectionMasks, type SelectableLayer } from '../classes/selectableLayer';
import { caseFlow, type CaseFlowResult } from '../cases/caseFlow';
import { buildCaseTable, type CaseTable } from '../cases/caseTable';
import { changeType } from '../../layers/patches/schema';
import { PATCH_CASE_FIELDS, patchCaseFeatures, patchSeries } from '../../layers/patches/series';
import { addHourWeekCounts } from '../hotspots/hourWeekGrid';
import { HotCellCounter, type HotCell } from '../hotspots/hotCells';
import { kpiValues, kpiWindows, previousPeriod, type KpiValues } from '../kpis';
import { caseSeries, type CaseSeries } from '../series/caseSeries';
import { isSpatialFilter, spatialMask, type SpatialFilter } from '../cases/spatialMask';
import { buildTownIndex, type Region, type TownIndex } from '../towns/townIndex';
import { CASE_LAYERS, type CaseLayer } from '../caseLayers';
import { assessment, type AssessedTable, type AssessmentAnswer, type AssessmentQuery } from '../assessment/assessment';
import { assessmentDetail, type AssessmentDetail } from '../assessment/report';
import { warnings, type WarningsAnswer, type WarningsQuery, type WarningTable } from '../warnings/warnings';
import { allSteps } from './jobQueue';

export { CASE_LAYERS, SERIES_OF, type CaseLayer } from '../caseLayers';

export interface StatsRange {
  from: number;
  to: number;
  /** Town codes to keep; absent keeps every town and the outside. */
  towns?: string[];
  /** The map viewport and / or a drawn area (applies to lamp faults, manhole defects and railway issues). */
  spatial?: SpatialFilter;
  /**
   * Class filters per layer, as the map applies them: lamps by pole status and type, covers by
   * kind and state (their defects follow their cover), patches and railway issues by their own
   * attributes. Absent keeps every class.
   */
  classes?: Partial<Record<DomainLayerId, ClassSelection>>;
  /** Only these layers' own figures (the case flows are always given); absent gives all. */
  parts?: ('lamps' | 'manholes' | 'patches' | 'railway')[];
}

export interface TownFigures<T> {
  /** Index 0: outside the district, then one entry per town code. */
  bySlot: T[];
  district: T;
}

export interface StatsAnswer {
  codes: string[];
  /** Area of each slot in km² (null for outside the district and for towns the query leaves out), for densities. */
  areasKm2: (number | null)[];
  lamps: TownFigures<LampStats> | null;
  manholes: TownFigures<ManholeStats> | null;
  patches: TownFigures<PatchStats> | null;
  railway: TownFigures<RailwayStats> | null;
  /** Case flow of every case layer with closing (处结) as the end: reported, closed, closure rate, backlog, overdue. */
  flows: Record<CaseLayer | 'patches', CaseFlowResult | null>;
}

export interface KpiAnswer {
  current: KpiValues;
  /** The period of equal length just before. */
  previous: KpiValues;
}

/**
 * The range cut into sub-windows (kpiWindows), each one's figures: the cards' sparklines. A question
 * of its own, sixteen times the work of the figures, so that it never holds them back.
 */
export type KpiSparkAnswer = { from: number; to: number; values: KpiValues }[];

const KPI_PARTS: NonNullable<StatsRange['parts']> = ['lamps', 'manholes', 'patches'];


export interface HotspotAnswer {
  /** Cases reported per weekday (0 = Monday) and hour, China time: grid[weekday * 24 + hour]. */
  grid: number[];
  /** Every H3 cell with a report in the range, busiest first, with its town and its most reported problem (category value). */
  cells: (HotCell & { town: string | null; problem: string })[];
}

/** Per domain layer, cases reported and closed per bucket and open at each bucket's end (patches: detected, concluded, open). */
export type SeriesAnswer = Record<CaseLayer | 'patches', CaseSeries | null>;

type Points<P = Record<string, unknown>> = Feature<Point, P>[];

/**
 * The statistics engine's state and queries as plain functions over structured-clonable data:
 * the stats worker exposes exactly this object, and Node tests call it directly. Each layer is
 * indexed once when it loads; a query then only aggregates.
 */
export function createStatsApi() {
  let regions: Region[] = [];
  let towns: TownIndex | null = null;
  let areasKm2: (number | null)[] = [];
  // assets: each case's pole or cover, in the case table's order.
  let lamps: { inventory: LampInventory; faults: CaseTable; poles: SelectableLayer; lampCount: Float64Array; assets: string[] } | null = null;
  let manholes: { inventory: CoverInventory; defects: CaseTable; covers: SelectableLayer; assets: string[] } | null = null;
  let patches: (PatchTable & { selectable: SelectableLayer; cases: CaseTable }) | null = null;
  let railway: { geometry: RailwayGeometry; issues: CaseTable; selectable: SelectableLayer } | null = null;
  // Spatial masks are computed once per filter and table, and reused while the filter stays.
  let maskKey = '';
  let masks = new WeakMap<CaseTable, Uint8Array>();

  const assetsOf = (cases: Points) => new Map(cases.map((c) => [String(c.id ?? c.properties.id), String(c.properties.assetId)]));
  /** Per case layer, the cases the class filters and the spatial filter keep (null: all). */
  const caseMasks = (range: Pick<StatsRange, 'classes' | 'spatial'>): Record<CaseLayer, Uint8Array | null> => {
    const sel = range.classes ?? {};
    return {
      lamps: lamps && andMasks(maskFor(lamps.faults, range.spatial), selectionMasks(lamps.poles, sel.streetLamps).cases),
      manholes: manholes && andMasks(maskFor(manholes.defects, range.spatial), selectionMasks(manholes.covers, sel.manholes).cases),
      railway: railway && andMasks(maskFor(railway.issues, range.spatial), selectionMasks(railway.selectable, sel.railway).cases),
    };
  };
  const keepTownsOf = (codes: string[] | undefined) => {
    const t = requireTowns();
    const keep = new Uint8Array(t.codes.length + 1).fill(codes ? 0 : 1);
    for (const code of codes ?? []) {
      const i = t.codes.indexOf(code);
      if (i >= 0) keep[i + 1] = 1;
    }
    return keep;
  };
  const requireTowns = () => {
    if (!towns) throw new Error('load the towns before the layers');
    return towns;
  };
  const maskFor = (table: CaseTable, spatial?: SpatialFilter) => {
    if (!isSpatialFilter(spatial)) return null;
    const key = JSON.stringify(spatial);
    if (key !== maskKey) {
      maskKey = key;
      masks = new WeakMap();
    }
    let mask = masks.get(table);
    if (!mask) masks.set(table, (mask = spatialMask(table, spatial)));
    return mask;
  };

  const assessedTables = () => {
    const tables: AssessedTable[] = [];
    if (lamps) tables.push({ layer: 'lamps', table: lamps.faults });
    if (manholes) tables.push({ layer: 'manholes', table: manholes.defects });
    if (railway) tables.push({ layer: 'railway', table: railway.issues });
    if (patches) tables.push({ layer: 'patches', table: patches.cases });
    return tables;
  };

  const api = {
    loadTowns(next: Region[]): number {
      regions = next;
      towns = buildTownIndex(next);
      const t = towns;
      areasKm2 = [null, ...t.codes.map((code) => turf.area(next.find((r) => r.code === code)!.geometry) / 1e6)];
      lamps = manholes = patches = railway = null;
      return towns.codes.length;
    },
    loadLamps(poles: Points<{ lampCount: number }>, faults: Points): number {
      const t = requireTowns();
      const table = lampFaultTable(faults, t);
      const assets = assetsOf(faults);
      lamps = {
        inventory: lampInventory(poles, t),
        faults: table,
        poles: selectableLayer('streetLamps', poles, t, table.ids, assets),
        lampCount: Float64Array.from(poles, (p) => p.properties.lampCount),
        assets: table.ids.map((id) => assets.get(id) ?? ''),
      };
      return lamps.faults.size;
    },
    loadManholes(covers: Points<{ kind: string }>, defects: Points): number {
      const t = requireTowns();
      const table = defectTable(defects, t);
      const assets = assetsOf(defects);
      manholes = { inventory: coverInventory(covers, t), defects: table, covers: selectableLayer('manholes', covers, t, table.ids, assets), assets: table.ids.map((id) => assets.get(id) ?? '') };
      return manholes.defects.size;
    },
    loadPatches(features: Feature<Polygon | MultiPolygon, PatchProperties>[]): number {
      const t = requireTowns();
      const table = buildPatchTable(features, regions, t);
      const cases = buildCaseTable(patchCaseFeatures(features, table), t, PATCH_CASE_FIELDS, changeType.values);
      const own = new Map(cases.ids.map((id) => [id, id]));
      patches = { ...table, cases, selectable: selectableLayer('patches', features, null, cases.ids, own) };
      return patches.size;
    },
    loadRailway(lines: Feature<LineString | MultiLineString>[], corridors: Feature<Polygon | MultiPolygon>[], issues: Points): number {
      const t = requireTowns();
      const table = railwayIssueTable(issues, t);
      const own = new Map(table.ids.map((id) => [id, id]));
      railway = { geometry: railwayGeometry(lines, corridors, regions, t), issues: table, selectable: selectableLayer('railway', issues, t, table.ids, own) };
      return railway.issues.size;
    },
    query(range: StatsRange): StatsAnswer | null {
      if (!towns) return null;
      const t = towns;
      const slots = t.codes.length + 1;
      const townSet = range.towns ? new Set(range.towns.map((c) => t.codes.indexOf(c)).filter((i) => i >= 0)) : null;
      const base = { from: range.from, to: range.to, towns: townSet };
      const sel = range.classes ?? {};
      const parts = range.parts;
      const want = <T>(part: NonNullable<StatsRange['parts']>[number], layer: T | null) => (!parts || parts.includes(part) ? layer : null);
      const lampMasks = lamps && selectionMasks(lamps.poles, sel.streetLamps);
      const coverMasks = manholes && selectionMasks(manholes.covers, sel.manholes);
      const { lamps: faultsWithin, manholes: defectsWithin, railway: issuesWithin } = caseMasks(range);
      const flow = (table: CaseTable | undefined, within: Uint8Array | null) => (table ? caseFlow(table, t.codes.length, { ...base, within, doneStage: 'closed' }) : null);
      const lampInventoryNow = lamps && (lampMasks!.features ? maskedLampInventory(lamps.poles.slot, lamps.lampCount, lampMasks!.features, slots) : lamps.inventory);
      const coverInventoryNow =
        manholes && (coverMasks!.features ? maskedCoverInventory(manholes.covers.slot, manholes.covers.attributes.fields.kind.codes, coverMasks!.features, slots) : manholes.inventory);
      const [L, M, P, R] = [want('lamps', lamps), want('manholes', manholes), want('patches', patches), want('railway', railway)];
      return {
        flows: {
          lamps: flow(lamps?.faults, faultsWithin),
          manholes: flow(manholes?.defects, defectsWithin),
          railway: flow(railway?.issues, issuesWithin),
          patches: patches && flow(patches.cases, andMasks(maskFor(patches.cases, range.spatial), selectionMasks(patches.selectable, sel.patches).cases)),
        },
        codes: [...t.codes],
        areasKm2: areasKm2.map((area, slot) => (townSet && !townSet.has(slot - 1) ? null : area)),
        lamps: L && lampStats(lampInventoryNow!, L.faults, t.codes.length, { ...base, within: faultsWithin }),
        manholes: M && manholeStats(coverInventoryNow!, M.defects, t.codes.length, { ...base, within: defectsWithin }),
        patches: P && patchStats(P, range.from, range.to, townSet, selectionMasks(P.selectable, sel.patches).features),
        railway: R && railwayStats(R.geometry, R.issues, t.codes.length, { ...base, within: issuesWithin }),
      };
    },
    /** Time series over the buckets [edges[k], edges[k + 1]) under the towns and class filters given (all when absent). */
    series(edges: number[], filter: Pick<StatsRange, 'towns' | 'classes'> = {}): SeriesAnswer | null {
      if (!towns) return null;
      const sel = filter.classes ?? {};
      const keepTown = keepTownsOf(filter.towns);
      const keepCategory = new Uint8Array(256).fill(1);
      const of = (table: CaseTable | undefined, selectable: SelectableLayer | undefined, selection: ClassSelection | undefined) =>
        table && selectable ? caseSeries(table, edges, { keepTown, keepCategory, within: selectionMasks(selectable, selection).cases }) : null;
      return {
        lamps: of(lamps?.faults, lamps?.poles, sel.streetLamps),
        manholes: of(manholes?.defects, manholes?.covers, sel.manholes),
        railway: of(railway?.issues, railway?.selectable, sel.railway),
        patches: patches && patchSeries(patches, edges, keepTown, selectionMasks(patches.selectable, sel.patches).features),
      };
    },
    /** Reports by weekday and hour, and every H3 cell with reports (busiest first), over the case layers asked for. */
    hotspots(range: StatsRange & { layers?: CaseLayer[] }): HotspotAnswer | null {
      return allSteps(api.hotspotsInSteps(range));
    },
    /** The same, a step per case layer (half a million lamp faults at 10×): the worker pauses between them for urgent questions. */
    *hotspotsInSteps(range: StatsRange & { layers?: CaseLayer[] }): Generator<void, HotspotAnswer | null> {
      if (!towns) return null;
      const t = towns;
      const keep = keepTownsOf(range.towns);
      const masks = caseMasks(range);
      const grid = new Float64Array(7 * 24);
      const counter = new HotCellCounter();
      const tables: Record<CaseLayer, CaseTable | undefined> = { lamps: lamps?.faults, manholes: manholes?.defects, railway: railway?.issues };
      for (const layer of range.layers ?? CASE_LAYERS) {
        const table = tables[layer];
        if (!table) continue;
        const caseKeep = { keepTown: keep, within: masks[layer] };
        addHourWeekCounts(grid, table, range.from, range.to, caseKeep);
        counter.add(layer, table, range.from, range.to, caseKeep);
        yield;
      }
      return {
        grid: [...grid],
        cells: counter.cells().map((c) => {
          const slot = t.locate(c.center[0], c.center[1]);
          return { ...c, town: slot >= 0 ? t.codes[slot] : null, problem: tables[c.dominant.layer as CaseLayer]!.categories[c.dominant.category] ?? '' };
        }),
      };
    },
    /** Cases due soon and assets failing again and again, as of `query.now`, under the towns and class filters given. */
    warnings(query: WarningsQuery & Pick<StatsRange, 'classes'>): WarningsAnswer | null {
      if (!towns) return null;
      const sel = query.classes ?? {};
      const tables: WarningTable[] = [];
      if (lamps) tables.push({ layer: 'lamps', table: lamps.faults, keep: selectionMasks(lamps.poles, sel.streetLamps).cases, assets: lamps.assets });
      if (manholes) tables.push({ layer: 'manholes', table: manholes.defects, keep: selectionMasks(manholes.covers, sel.manholes).cases, assets: manholes.assets });
      if (railway) tables.push({ layer: 'railway', table: railway.issues, keep: selectionMasks(railway.selectable, sel.railway).cases });
      if (patches) tables.push({ layer: 'patches', table: patches.cases, keep: selectionMasks(patches.selectable, sel.patches).cases });
      const t = towns;
      const townAt = (lng: number, lat: number) => {
        const slot = t.locate(lng, lat);
        return slot >= 0 ? t.codes[slot] : null;
      };
      return warnings(tables, t.codes, keepTownsOf(query.towns), query, townAt);
    },
    /** The assessment's indicators, scores and rankings per town and responsible unit for a period (every case, whatever the map's filters). */
    assessment(query: AssessmentQuery): AssessmentAnswer | null {
      return towns && assessment(assessedTables(), towns.codes, query.period, query.config);
    },
    /** The assessment with each town's and unit's trend, worst categories and open cases: the monthly report and the drill-down. */
    assessmentDetail(query: AssessmentQuery): AssessmentDetail | null {
      return towns && assessmentDetail(assessedTables(), towns.codes, query.period, query.config);
    },
    /** The headline figures for a range and the period before it, under the same towns and spatial filter. */
    kpis(range: StatsRange): KpiAnswer | null {
      const current = kpiQuery(range);
      return current && { current, previous: kpiQuery({ ...range, ...previousPeriod(range) })! };
    },
    /** The same figures in each sub-window of the range (the cards' sparklines). */
    kpiSpark(range: StatsRange): KpiSparkAnswer | null {
      return allSteps(api.kpiSparkInSteps(range));
    },
    /** The same, a step per sub-window: the worker pauses between them for urgent questions. */
    *kpiSparkInSteps(range: StatsRange): Generator<void, KpiSparkAnswer | null> {
      if (!towns) return null;
      const answer: KpiSparkAnswer = [];
      for (const w of kpiWindows(range).spark) {
        answer.push({ ...w, values: kpiQuery({ ...range, ...w })! });
        yield;
      }
      return answer;
    },
  };
  // The railway figures the cards need (open issues) are its case flow's backlog: its per-category figures are skipped.
  const kpiQuery = (range: StatsRange) => {
    const answer = api.query({ ...range, parts: KPI_PARTS });
    return answer && kpiValues(answer);
  };
  return api;
}

export type StatsApi = ReturnType<typeof createStatsApi>;
