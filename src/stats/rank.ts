export type Better = 'higher' | 'lower';

export interface TownRanking {
  /** 1 = best; ties share a rank (1, 2, 2, 4); null where the town has no value. */
  rank: (number | null)[];
  /** The last three places (more when tied at the third-last), the towns held to account. */
  bottomThree: boolean[];
}

/** Ranks towns on one metric. */
export function rankTowns(values: readonly (number | null)[], better: Better): TownRanking {
  const ranked = values
    .map((v, i) => ({ v, i }))
    .filter((e): e is { v: number; i: number } => e.v !== null && Number.isFinite(e.v))
    .sort((a, b) => (better === 'higher' ? b.v - a.v : a.v - b.v));
  const rank: (number | null)[] = values.map(() => null);
  ranked.forEach((e, k) => (rank[e.i] = k > 0 && ranked[k - 1].v === e.v ? rank[ranked[k - 1].i] : k + 1));
  const cut = ranked.length >= 3 ? rank[ranked[ranked.length - 3].i]! : 1;
  return { rank, bottomThree: rank.map((r) => r !== null && ranked.length > 3 && r >= cut) };
}

/** A count per km² of a town's area; null where the area is unknown or zero (e.g. outside the district). */
export function densityPerKm2(count: number, areaKm2: number | null): number | null {
  return areaKm2 ? count / areaKm2 : null;
}
