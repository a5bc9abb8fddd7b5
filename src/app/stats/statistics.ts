import { err, ok, type Result } from '../../data/result';
import type { HotspotQuery } from '../../stats/serverHotspots';
import { townRows, type TownRowSet } from '../../stats/townMetrics';
import type { StatsClient } from '../../stats/worker/statsClient';
import type { HotspotAnswer, KpiAnswer, KpiSparkAnswer, SeriesAnswer, StatsRange } from '../../stats/worker/statsApi';
import type { WarningsAnswer, WarningsQuery } from '../../stats/warnings/warnings';
import type { AssessmentQuery } from '../../stats/assessment/assessment';
import type { AssessmentDetail } from '../../stats/assessment/report';
import { readStatsJson } from './serverApi';
import { STATS_LAYERS, type StatsLayer } from './statsData';

/** Every statistics question a panel, the wall or an export asks, by kind, with its arguments. */
export interface StatsQuestions {
  kpis: [range: StatsRange];
  kpiSpark: [range: StatsRange];
  series: [edges: number[], filter?: Pick<StatsRange, 'towns' | 'classes'>];
  hotspots: [range: HotspotQuery & Pick<StatsRange, 'spatial'>];
  townRows: [range: Pick<StatsRange, 'from' | 'to' | 'towns' | 'classes' | 'spatial'>];
  warnings: [query: WarningsQuery & Pick<StatsRange, 'classes'>];
  assessmentDetail: [query: AssessmentQuery];
}
export interface StatsAnswers {
  kpis: KpiAnswer;
  kpiSpark: KpiSparkAnswer;
  series: SeriesAnswer;
  hotspots: HotspotAnswer;
  townRows: TownRowSet;
  warnings: WarningsAnswer;
  assessmentDetail: AssessmentDetail;
}
export type StatsKind = keyof StatsQuestions;

/** Where figures were computed: by the server's SQL over everything it keeps, or in the page over what it loaded. */
export type StatsSource = 'server' | 'page';

/** Figures as answered: with where they come from and which layers' data they lack (never silently). */
export interface StatsFigures<K extends StatsKind> {
  value: StatsAnswers[K];
  source: StatsSource;
  /** Layers whose data the figures could not include (not loaded in the page): figures over them read n/a. */
  missing: readonly StatsLayer[];
  /** When the data they were computed from was current (ms). */
  asOf: number;
}

/** Why a question has no answer, in words for a tooltip (the panel says "unavailable" in the user's language). */
export type StatsFailure = string;

/** Where a question goes: only ever one place, chosen by the data source; no fallback between sources that hold different data. */
export type StatsAsker = <K extends StatsKind>(kind: K, args: StatsQuestions[K]) => Promise<Result<StatsFigures<K>, StatsFailure> | null>;

/**
 * The server's SQL answers (source=server). A question it cannot answer (a drawn area) or an
 * answer that fails is a failure: the page, which holds neither poles nor covers then, never
 * stands in for it.
 */
export function serverAsker(ogcApiUrl: string, getJson: (url: string) => Promise<unknown> = readStatsJson, now: () => number = Date.now): StatsAsker {
  // Loaded with the first question: a page on bundled data never needs it (nor H3, which it brings).
  const answers = import('../../stats/serverAnswers').then(({ serverAnswers }) => serverAnswers(ogcApiUrl, getJson));
  return async (kind, args) => {
    const server = await answers;
    const asked = (server[kind] as (...a: typeof args) => Promise<StatsAnswers[typeof kind] | null> | undefined)(...args);
    if (asked === undefined) return err('the server cannot answer this question (it has no filter by drawn area)');
    try {
      const value = await asked;
      return value ? ok({ value, source: 'server', missing: [], asOf: now() }) : err('the server’s answer is not in the expected form');
    } catch (e) {
      return err(e instanceof Error ? e.message : String(e));
    }
  };
}

type Latest = { [K in StatsKind]: (args: StatsQuestions[K]) => Promise<StatsAnswers[K] | null> };

/**
 * The page's stats worker answers, over the layers it has indexed (`data()` at asking time: a
 * layer indexed later renews the data version, and the question is asked again). Each asker keeps
 * its own latest-only queue: a superseded question resolves to null.
 */
export function pageAsker(client: StatsClient, data: () => { indexed: readonly StatsLayer[]; changedAt: number }): StatsAsker {
  const query = client.latest('query');
  const latest: Latest = {
    kpis: client.latest('kpis') as Latest['kpis'],
    kpiSpark: client.latest('kpiSpark') as Latest['kpiSpark'],
    series: client.latest('series') as Latest['series'],
    hotspots: client.latest('hotspots') as Latest['hotspots'],
    warnings: client.latest('warnings') as Latest['warnings'],
    assessmentDetail: client.latest('assessmentDetail') as Latest['assessmentDetail'],
    townRows: async (args) => {
      const answer = await query(args);
      return answer && townRows(answer);
    },
  };
  return async (kind, args) => {
    const { indexed, changedAt } = data();
    const missing = STATS_LAYERS.filter((l) => !indexed.includes(l));
    try {
      const value = await (latest[kind] as (a: typeof args) => Promise<StatsAnswers[typeof kind] | null>)(args);
      return value === null ? null : ok({ value, source: 'page', missing, asOf: changedAt });
    } catch (e) {
      return err(e instanceof Error ? e.message : String(e));
    }
  };
}
