import { isSpatialFilter } from './cases/spatialMask';
import { kpiWindows } from './kpis';
import { hotspotUrls, parseHotCells, parseHourWeek, type HotspotQuery } from './serverHotspots';
import { caseSeriesUrl, parseCaseSeries } from './serverSeries';
import { kpiWindowsUrl, parseKpiWindows } from './serverKpis';
import { parseTownStats, townStatsUrl, type TownRowSet } from './serverTownStats';
import { parseWarnings, warningsUrl } from './serverWarnings';
import type { WarningsAnswer, WarningsQuery } from './warnings/warnings';
import type { AssessmentAnswer, AssessmentQuery } from './assessment/assessment';
import type { AssessmentDetail } from './assessment/report';
import { assessmentUrl, parseAssessment } from './serverAssessment';
import { assessmentDetailUrls, parseAssessmentDetail } from './serverAssessmentDetail';
import type { HotspotAnswer, KpiAnswer, KpiSparkAnswer, SeriesAnswer, StatsRange } from './worker/statsApi';

/** Reads a JSON document; rejects with the reason when it cannot. */
export type GetJson = (url: string) => Promise<unknown>;

/**
 * The statistics questions the server's SQL answers, with the page engine's signatures and
 * answers. A method gives undefined for a question the server cannot answer (a viewport or drawn
 * area: the SQL has no spatial filter yet), rejects when the server failed, and gives null when
 * its answer is not in the expected form.
 */
export function serverAnswers(ogcApiUrl: string, getJson: GetJson) {
  /** The headline figures of each window, in one request (none for a filter the server cannot apply). */
  const kpiFigures = (range: StatsRange, windows: { from: number; to: number }[]) =>
    isSpatialFilter(range.spatial) ? undefined : getJson(kpiWindowsUrl(ogcApiUrl, windows, range)).then((page) => parseKpiWindows(page, windows.length));
  return {
    townRows(range: Pick<StatsRange, 'from' | 'to' | 'towns' | 'classes' | 'spatial'>): Promise<TownRowSet | null> | undefined {
      if (isSpatialFilter(range.spatial)) return undefined;
      return getJson(townStatsUrl(ogcApiUrl, range)).then(parseTownStats);
    },
    series(edges: number[], filter: Pick<StatsRange, 'towns' | 'classes'> = {}): Promise<SeriesAnswer | null> | undefined {
      if (edges.length < 2) return undefined;
      return getJson(caseSeriesUrl(ogcApiUrl, edges, filter)).then((page) => parseCaseSeries(page, edges.length - 1));
    },
    kpis(range: StatsRange): Promise<KpiAnswer | null> | undefined {
      const windows = kpiWindows(range);
      return kpiFigures(range, [windows.current, windows.previous])?.then((values) => values && { current: values[0]!, previous: values[1]! });
    },
    kpiSpark(range: StatsRange): Promise<KpiSparkAnswer | null> | undefined {
      const { spark } = kpiWindows(range);
      return kpiFigures(range, spark)?.then((values) => values && spark.map((w, k) => ({ ...w, values: values[k]! })));
    },
    warnings(query: WarningsQuery & Pick<StatsRange, 'classes'>): Promise<WarningsAnswer | null> {
      return getJson(warningsUrl(ogcApiUrl, query)).then((page) => parseWarnings(page, query));
    },
    assessment(query: AssessmentQuery): Promise<AssessmentAnswer | null> {
      return getJson(assessmentUrl(ogcApiUrl, query.period, query.config)).then((page) => parseAssessment(page, query.period, query.config));
    },
    assessmentDetail(query: AssessmentQuery): Promise<AssessmentDetail | null> {
      const urls = assessmentDetailUrls(ogcApiUrl, query.period, query.config);
      return Promise.all([getJson(urls.counts), getJson(urls.detail)]).then(([counts, detail]) => parseAssessmentDetail(counts, detail, query.period, query.config));
    },
    hotspots(range: HotspotQuery & Pick<StatsRange, 'spatial'>): Promise<HotspotAnswer | null> | undefined {
      if (isSpatialFilter(range.spatial)) return undefined;
      const urls = hotspotUrls(ogcApiUrl, range);
      return Promise.all([getJson(urls.hourWeek), getJson(urls.cells)]).then(([hourWeek, cells]) => {
        const grid = parseHourWeek(hourWeek);
        const hot = parseHotCells(cells);
        return grid && hot ? { grid, cells: hot } : null;
      });
    },
  };
}
