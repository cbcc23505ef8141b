/** Usage in percent, the unit of Meta's `X-App-Usage` / `X-Business-Use-Case-Usage` headers. */
export interface UsageReading {
  callCount: number;
  totalCputime: number;
  totalTime: number;
}

export interface UsageMeterOptions {
  /** Score at which Meta would throttle (standard tier: 9000). */
  maxScore: number;
  /** Time for a full score to decay to zero (Meta: 300 s). */
  decayMs: number;
}

/**
 * A leaky bucket per key, scored the way Meta scores ads_management calls (a read costs 1, a
 * write 3). It only feeds the usage headers; throttling itself is a fault, so readings stop at
 * 99 % and never block anyone by surprise.
 */
export class UsageMeter {
  readonly #opts: UsageMeterOptions;
  readonly #buckets = new Map<string, { score: number; at: number }>();

  constructor(opts: UsageMeterOptions) {
    this.#opts = opts;
  }

  record(key: string, cost: number, nowMs: number): void {
    const b = this.#drained(key, nowMs);
    this.#buckets.set(key, { score: b + cost, at: nowMs });
  }

  read(key: string, nowMs: number): UsageReading {
    const pct = Math.min(99, Math.floor((this.#drained(key, nowMs) * 100) / this.#opts.maxScore));
    // Meta reports CPU and wall time separately; the sandbox has no real cost, so they trail the count.
    return { callCount: pct, totalCputime: Math.floor(pct / 2), totalTime: Math.floor(pct / 2) };
  }

  #drained(key: string, nowMs: number): number {
    const b = this.#buckets.get(key);
    if (b === undefined) return 0;
    const leaked = ((nowMs - b.at) * this.#opts.maxScore) / this.#opts.decayMs;
    return Math.max(0, b.score - leaked);
  }
}
