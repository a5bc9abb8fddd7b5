import { CaseRules } from './assessment';
import { deriveBoundaries, type Boundaries } from './boundaries';
import { generateLampFaults, generatePoles } from './lamps';
import { generateCovers, generateDefects } from './manholes';
import { generatePatches } from './patches';
import { coverBatchDefects, stormFaults } from './plantedEvents';
import { Random } from './random';
import { generateCorridor, generateRailwayIssues, generateRailways } from './railway';
import { generateRoads } from './roads';
import { loadSourceFacts } from './sources';
import type { Dataset } from './types';

export const DEFAULT_SEED = 370114;
export const GENERATOR_VERSION = 1;

export interface GeneratedDataset {
  dataset: Dataset;
  boundaries: Boundaries;
}

/** The whole default dataset, in memory; the same seed always gives the same features. */
export function generateDataset(seed = DEFAULT_SEED, corridorM?: number): GeneratedDataset {
  const facts = loadSourceFacts();
  const root = new Random(seed);
  // One stream per part, forked up front: a change in one part never shifts another's draws.
  const streams = Object.fromEntries(['roads', 'poles', 'faults', 'covers', 'defects', 'patches', 'railway', 'events', 'rework'].map((k) => [k, root.fork(k)]));
  const rules = new CaseRules();
  const boundaries = deriveBoundaries(facts);
  const roads = generateRoads(boundaries, streams.roads);
  const lamps = generatePoles(boundaries, roads, streams.poles);
  const lampFaults = generateLampFaults(lamps, streams.faults, stormFaults(lamps, streams.events), rules, streams.rework);
  const manholes = generateCovers(boundaries, roads, streams.covers);
  const manholeDefects = generateDefects(manholes, streams.defects, coverBatchDefects(manholes, streams.events), rules, streams.rework);
  const railways = generateRailways(boundaries, facts);
  const dataset: Dataset = {
    district: [boundaries.district],
    towns: boundaries.towns,
    roads,
    lamps,
    'lamp-faults': lampFaults,
    manholes,
    'manhole-defects': manholeDefects,
    patches: generatePatches(boundaries, facts, streams.patches, rules),
    railways,
    'railway-corridor': generateCorridor(boundaries, railways, corridorM),
    'railway-issues': generateRailwayIssues(boundaries, railways, streams.railway, rules, streams.rework),
  };
  return { dataset, boundaries };
}
