/**
 * A log-linear latency histogram (HdrHistogram-style, no dependency): values are integers in
 * microseconds; below 2^SUB_BITS each value has its own bucket, above that each power of two is
 * split into 2^SUB_BITS equal buckets, so any reported value is within 1/2^SUB_BITS (≈ 1.6 %) of
 * the recorded one. Pure and serialisable, so a load-generator worker can send it to the main thread.
 */
const SUB_BITS = 6;
const SUB_COUNT = 1 << SUB_BITS; // 64

export interface HistogramJSON {
  counts: Array<[index: number, count: number]>;
  total: number;
  min: number;
  max: number;
  sum: number;
}

/** Bucket index of a non-negative integer value. */
export function bucketIndex(value: number): number {
  const v = Math.max(0, Math.floor(value));
  if (v < SUB_COUNT) return v;
  const exp = 31 - Math.clz32(v); // floor(log2 v), ≥ SUB_BITS; fine up to 2^31 µs (~35 min)
  const shift = exp - SUB_BITS;
  const sub = (v >>> shift) - SUB_COUNT; // 0 .. SUB_COUNT-1
  return SUB_COUNT + shift * SUB_COUNT + sub;
}

/** The lowest and highest value that fall into a bucket. */
export function bucketRange(index: number): { low: number; high: number } {
  if (index < SUB_COUNT) return { low: index, high: index };
  const shift = Math.floor((index - SUB_COUNT) / SUB_COUNT);
  const sub = (index - SUB_COUNT) % SUB_COUNT;
  const low = (SUB_COUNT + sub) * 2 ** shift;
  return { low, high: low + 2 ** shift - 1 };
}

export class Histogram {
  readonly #counts = new Map<number, number>();
  #total = 0;
  #min = Number.POSITIVE_INFINITY;
  #max = 0;
  #sum = 0;

  /** Records one value in microseconds (negative values count as 0). */
  record(micros: number): void {
    const v = Math.max(0, Math.round(micros));
    const i = bucketIndex(v);
    this.#counts.set(i, (this.#counts.get(i) ?? 0) + 1);
    this.#total++;
    this.#sum += v;
    if (v < this.#min) this.#min = v;
    if (v > this.#max) this.#max = v;
  }

  get count(): number {
    return this.#total;
  }
  get min(): number {
    return this.#total === 0 ? 0 : this.#min;
  }
  get max(): number {
    return this.#max;
  }
  get mean(): number {
    return this.#total === 0 ? 0 : this.#sum / this.#total;
  }

  /**
   * The smallest value v such that at least p % of the samples are ≤ v (nearest-rank), reported as
   * the top of its bucket but never above the largest recorded value. 0 when empty.
   */
  percentile(p: number): number {
    if (this.#total === 0) return 0;
    if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
    const rank = Math.max(1, Math.ceil((p / 100) * this.#total));
    let seen = 0;
    for (const i of [...this.#counts.keys()].sort((a, b) => a - b)) {
      seen += this.#counts.get(i)!;
      if (seen >= rank) return Math.max(this.min, Math.min(bucketRange(i).high, this.#max));
    }
    return this.#max;
  }

  merge(other: Histogram): this {
    const o = other.toJSON();
    for (const [i, c] of o.counts) this.#counts.set(i, (this.#counts.get(i) ?? 0) + c);
    this.#total += o.total;
    this.#sum += o.sum;
    if (o.total > 0) {
      this.#min = Math.min(this.#min, o.min);
      this.#max = Math.max(this.#max, o.max);
    }
    return this;
  }

  toJSON(): HistogramJSON {
    return { counts: [...this.#counts.entries()], total: this.#total, min: this.min, max: this.#max, sum: this.#sum };
  }

  static fromJSON(j: HistogramJSON): Histogram {
    const h = new Histogram();
    for (const [i, c] of j.counts) h.#counts.set(i, c);
    h.#total = j.total;
    h.#sum = j.sum;
    h.#min = j.total === 0 ? Number.POSITIVE_INFINITY : j.min;
    h.#max = j.max;
    return h;
  }

  /** p50/p90/p99/p99.9/max in milliseconds, for reports. */
  summaryMs(): LatencySummary {
    const ms = (us: number) => Math.round(us / 10) / 100;
    return {
      count: this.#total,
      meanMs: ms(this.mean),
      p50Ms: ms(this.percentile(50)),
      p90Ms: ms(this.percentile(90)),
      p99Ms: ms(this.percentile(99)),
      p999Ms: ms(this.percentile(99.9)),
      maxMs: ms(this.#max),
    };
  }
}

export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
}
