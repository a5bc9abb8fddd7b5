/**
 * Exact nearest-rank quantiles of whole-minute durations, grouped by slot, in two cheap passes:
 * durations are first counted per hour (a few thousand counters), then one pass over the kept
 * durations counts minutes only inside the hour that holds each wanted rank.
 */
const HOUR_BINS = 60 * 24; // 60 days of hours; longer durations share one overflow bin
const OVERFLOW = HOUR_BINS;
export const OVERFLOW_BIN = OVERFLOW;
/** The hour bin of a duration in whole minutes. */
export const hourBin = (minutes: number) => (minutes >= OVERFLOW * 60 ? OVERFLOW : (minutes / 60) | 0);
const BINS = HOUR_BINS + 1;
export const HOUR_BIN_COUNT = BINS;

export class DurationQuantiles {
  private minutes: Int32Array;
  private slotOf: Int16Array;
  private size = 0;
  private readonly hours: Uint32Array;

  private static readonly scratch = new WeakMap<object, DurationQuantiles>();

  constructor(
    private readonly slots: number,
    capacity: number,
  ) {
    this.minutes = new Int32Array(Math.max(16, capacity));
    this.slotOf = new Int16Array(Math.max(16, capacity));
    this.hours = new Uint32Array(slots * BINS);
  }

  /** An emptied collector kept with `owner` (a table), so repeated queries allocate nothing large. */
  static reuse(owner: object, slots: number): DurationQuantiles {
    let q = DurationQuantiles.scratch.get(owner);
    if (!q || q.slots !== slots) {
      q = new DurationQuantiles(slots, 1 << 16);
      DurationQuantiles.scratch.set(owner, q);
    }
    q.size = 0;
    q.hours.fill(0);
    return q;
  }

  add(slot: number, minutes: number): void {
    if (this.size === this.minutes.length) this.grow();
    this.minutes[this.size] = minutes;
    this.slotOf[this.size++] = slot;
    this.hours[slot * BINS + (minutes >= OVERFLOW * 60 ? OVERFLOW : (minutes / 60) | 0)]++;
  }

  /**
   * Room for `count` more durations, as raw arrays for a hot loop to fill: write at `start + n`,
   * bump the hour counter `hours[slot * bins + hourBin(minutes)]`, then call commit(n).
   */
  reserve(count: number): { minutes: Int32Array; slotOf: Int16Array; hours: Uint32Array; start: number; bins: number } {
    while (this.size + count > this.minutes.length) this.grow();
    return { minutes: this.minutes, slotOf: this.slotOf, hours: this.hours, start: this.size, bins: BINS };
  }

  commit(added: number): void {
    this.size += added;
  }

  /**
   * Quantiles `qs` for every slot and for all slots together (the last row), or null where a
   * slot has no durations.
   */
  resolve(qs: readonly number[]): (number | null)[][] {
    const { slots, hours } = this;
    const rows = slots + 1;
    const { targetBin, targetRank } = rankTargets(hours, slots, qs);
    // One pass over the kept durations, counting minutes only in the target bins. A flag per
    // (row, bin) says whether any quantile of that row wants the bin, so most durations cost one load.
    const within = new Uint32Array(rows * qs.length * 60);
    const overflow: number[][] = Array.from({ length: rows * qs.length }, () => []);
    const wanted = new Uint8Array(rows * BINS);
    for (let t = 0; t < targetBin.length; t++) if (targetBin[t] >= 0) wanted[Math.floor(t / qs.length) * BINS + targetBin[t]] = 1;
    const countIn = (row: number, m: number, bin: number) => {
      for (let k = 0; k < qs.length; k++) {
        const t = row * qs.length + k;
        if (targetBin[t] !== bin) continue;
        if (bin === OVERFLOW) overflow[t].push(m);
        else within[t * 60 + (m - bin * 60)]++;
      }
    };
    const { minutes, slotOf, size } = this;
    const districtBase = slots * BINS;
    for (let i = 0; i < size; i++) {
      const m = minutes[i];
      const bin = hourBin(m);
      const slot = slotOf[i];
      if (wanted[slot * BINS + bin] === 1) countIn(slot, m, bin);
      if (wanted[districtBase + bin] === 1) countIn(slots, m, bin);
    }
    return Array.from({ length: rows }, (_, r) =>
      qs.map((_, k) => {
        const t = r * qs.length + k;
        const bin = targetBin[t];
        if (bin < 0) return null;
        let rank = targetRank[t];
        if (bin === OVERFLOW) return overflow[t].sort((a, b) => a - b)[rank - 1];
        for (let j = 0; j < 60; j++) {
          rank -= within[t * 60 + j];
          if (rank <= 0) return bin * 60 + j;
        }
        return null;
      }),
    );
  }

  private grow(): void {
    const minutes = new Int32Array(this.minutes.length * 2);
    minutes.set(this.minutes);
    const slotOf = new Int16Array(this.slotOf.length * 2);
    slotOf.set(this.slotOf);
    this.minutes = minutes;
    this.slotOf = slotOf;
  }
}

/**
 * For each row (every slot, then all slots together) and quantile of whole-minute durations
 * counted per hour bin in `hours` (slots × HOUR_BIN_COUNT): the bin holding the nearest rank
 * (-1 for an empty row) and the rank left within that bin.
 */
function rankTargets(hours: Uint32Array, slots: number, qs: readonly number[]) {
  const allHours = new Uint32Array(BINS);
  const counts = new Float64Array(slots + 1);
  for (let s = 0; s < slots; s++) {
    for (let b = 0; b < BINS; b++) {
      const c = hours[s * BINS + b];
      allHours[b] += c;
      counts[s] += c;
    }
    counts[slots] += counts[s];
  }
  const rows = slots + 1;
  const targetBin = new Int32Array(rows * qs.length).fill(-1);
  const targetRank = new Float64Array(rows * qs.length);
  for (let r = 0; r < rows; r++) {
    const histogram = r < slots ? hours.subarray(r * BINS, (r + 1) * BINS) : allHours;
    qs.forEach((q, k) => {
      if (counts[r] === 0) return;
      let rank = Math.ceil(q * counts[r]);
      for (let b = 0; b < BINS; b++) {
        if (rank <= histogram[b]) {
          targetBin[r * qs.length + k] = b;
          targetRank[r * qs.length + k] = rank;
          return;
        }
        rank -= histogram[b];
      }
    });
  }
  return { targetBin, targetRank };
}

/** Where histogramQuantiles reads the durations inside one hour bin. */
export interface BinReader {
  /** Adds the durations of hour bin `bin` (below the overflow) of a slot, or of every slot when row === slots, per minute within the hour. */
  countMinutes(row: number, bin: number, perMinute: Uint32Array): void;
  /** The durations in the overflow bin (60 days and longer) of a slot or of every slot. */
  overflow(row: number): ArrayLike<number>;
}

/**
 * Exact nearest-rank quantiles from per-slot hour histograms, when the durations inside an hour
 * bin can be read on demand: only the bins holding a wanted rank are read.
 */
export function histogramQuantiles(hours: Uint32Array, slots: number, qs: readonly number[], read: BinReader): (number | null)[][] {
  const { targetBin, targetRank } = rankTargets(hours, slots, qs);
  const perMinuteOf = new Map<number, Uint32Array>();
  const overflowOf = new Map<number, Int32Array>();
  return Array.from({ length: slots + 1 }, (_, r) =>
    qs.map((_, k) => {
      const t = r * qs.length + k;
      const bin = targetBin[t];
      if (bin < 0) return null;
      let rank = targetRank[t];
      if (bin === OVERFLOW) {
        let sorted = overflowOf.get(r);
        if (!sorted) overflowOf.set(r, (sorted = Int32Array.from(read.overflow(r)).sort()));
        return sorted[rank - 1] ?? null;
      }
      let perMinute = perMinuteOf.get(r * BINS + bin);
      if (!perMinute) {
        perMinuteOf.set(r * BINS + bin, (perMinute = new Uint32Array(60)));
        read.countMinutes(r, bin, perMinute);
      }
      for (let j = 0; j < 60; j++) {
        rank -= perMinute[j];
        if (rank <= 0) return bin * 60 + j;
      }
      return null;
    }),
  );
}
