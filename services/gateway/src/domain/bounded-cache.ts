/**
 * A size-bounded map whose entries expire: least recently used entries are dropped first once
 * `maxEntries` is reached, and an entry older than `ttlMs` is a miss. Pure (the clock is passed in),
 * so the gateway's in-process caches can be tested without waiting.
 */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, { value: V; at: number }>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(opts: { maxEntries: number; ttlMs: number; now?: () => number }) {
    if (!(opts.maxEntries >= 1)) throw new RangeError("maxEntries must be at least 1");
    this.#maxEntries = opts.maxEntries;
    this.#ttlMs = opts.ttlMs;
    this.#now = opts.now ?? Date.now;
  }

  /** The entry if present and younger than the TTL; `undefined` otherwise (an expired entry is dropped). */
  get(key: K): V | undefined {
    const e = this.#entries.get(key);
    if (!e) return undefined;
    if (this.#now() - e.at >= this.#ttlMs) {
      this.#entries.delete(key);
      return undefined;
    }
    // Map keeps insertion order: re-inserting marks the entry most recently used.
    this.#entries.delete(key);
    this.#entries.set(key, e);
    return e.value;
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, at: this.#now() });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
