/** One window's delta for the shared table: this many more requests of `partitionKey` / `policy` in the window starting at `windowStart` (ms). */
export interface RateDelta {
  partitionKey: string;
  policy: string;
  windowStart: number;
  delta: number;
}

/** Adds the deltas to the shared windows (one statement) and answers each window's new total, in order. */
export type FlushRateDeltas = (deltas: readonly RateDelta[]) => Promise<number[]>;

export interface RateCounterOptions {
  flush: FlushRateDeltas;
  /** How often local counts are sent to the shared table (default 100 ms). */
  flushEveryMs?: number;
  /**
   * Share of the remaining quota (as last known) this gateway may admit from memory between two
   * flushes (default 0.1); past it, requests wait for the shared total. Near the quota that share
   * rounds to nothing, so there every request gets its exact count.
   */
  localShare?: number;
  /** What is known of the shared total stops being trusted after this long without a flush (default 5 × flushEveryMs). */
  staleAfterMs?: number;
  now?: () => number;
  onFlushError?: (err: unknown) => void;
}

export interface RateCounter {
  /**
   * Counts one request in its window and answers its count in the window (this one included), as
   * far as every gateway's counts are known. Far from the quota this is answered from memory;
   * near it, or when this gateway knows nothing recent of the window, it waits for the next flush.
   */
  count(partitionKey: string, policy: string, windowStart: number, quota: number): Promise<number>;
  /** Sends what is still counted locally (on close). */
  flushNow(): Promise<void>;
  stop(): Promise<void>;
}

interface Waiter {
  /** 1-based position of the request among the window's deltas of one flush. */
  position: number;
  resolve(count: number): void;
  reject(err: unknown): void;
}

interface Slot {
  partitionKey: string;
  policy: string;
  windowStart: number;
  /** The shared total as of the last flush that carried this window (our flushed counts included); null: not known. */
  shared: number | null;
  sharedAt: number;
  /** Counted here, not flushed yet. */
  pending: number;
  /** Sent in the flush under way. */
  inFlight: number;
  waiters: Waiter[];
  inFlightWaiters: Waiter[];
}

/**
 * Rate-limit counting without a Postgres statement per request (SPEC §10). Each gateway counts in
 * memory and, every `flushEveryMs`, adds its deltas for every window to the shared table in one
 * statement, which answers the shared totals — so each gateway's view is at most one flush (plus
 * a round trip) behind the others'. A request is answered from memory when the known total is
 * already over the quota (counts never go down in a window: the 429 is certain), or when this
 * gateway has admitted fewer than `localShare` of the remaining quota since its last flush. Any
 * other request — the first of a window here, one in a window not flushed for `staleAfterMs`, one
 * past the local share — waits for the next flush and gets its exact position. Those waits share
 * one statement: however many requests, at most one statement is in flight per gateway.
 *
 * Overshoot is bounded and does not grow with the request rate: between two flushes each gateway
 * admits from memory at most `localShare` of the remaining quota it knows, so G gateways exceed a
 * quota by at most G × localShare × quota (all bursting into the same last stretch); a gateway
 * that sees fewer than 1 / localShare requests left admits nothing without its exact count.
 */
export function createRateCounter(opts: RateCounterOptions): RateCounter {
  const flushEveryMs = opts.flushEveryMs ?? 100;
  const localShare = opts.localShare ?? 0.1;
  const staleAfterMs = opts.staleAfterMs ?? 5 * flushEveryMs;
  const now = opts.now ?? Date.now;
  const slots = new Map<string, Slot>();
  let flushing: Promise<void> | null = null;
  let urgent = false;
  let scheduled = false;
  let stopped = false;

  const runFlush = async (): Promise<void> => {
    const batch: Slot[] = [];
    for (const s of slots.values()) {
      if (s.pending > 0) {
        s.inFlight = s.pending;
        s.pending = 0;
        s.inFlightWaiters = s.waiters;
        s.waiters = [];
        batch.push(s);
      }
    }
    // Windows that ended and carry nothing are forgotten.
    const t = now();
    for (const [k, s] of slots) if (s.pending === 0 && s.inFlight === 0 && t - s.sharedAt > staleAfterMs * 4) slots.delete(k);
    if (batch.length === 0) return;
    let totals: number[];
    try {
      totals = await opts.flush(batch.map((s) => ({ partitionKey: s.partitionKey, policy: s.policy, windowStart: s.windowStart, delta: s.inFlight })));
    } catch (err) {
      // Nothing was added: the counts go back to be sent with the next flush; the waiting requests fail as a count failure did before batching.
      for (const s of batch) {
        // Requests counted meanwhile come after the restored ones.
        for (const w of s.waiters) w.position += s.inFlight;
        s.pending += s.inFlight;
        s.inFlight = 0;
        for (const w of s.inFlightWaiters) w.reject(err);
        s.inFlightWaiters = [];
      }
      opts.onFlushError?.(err);
      return;
    }
    const at = now();
    batch.forEach((s, i) => {
      const total = totals[i] ?? (s.shared ?? 0) + s.inFlight;
      const first = total - s.inFlight;
      for (const w of s.inFlightWaiters) w.resolve(first + w.position);
      s.shared = total;
      s.sharedAt = at;
      s.inFlight = 0;
      s.inFlightWaiters = [];
    });
  };

  const flush = (): Promise<void> => {
    if (flushing) {
      urgent = true;
      return flushing;
    }
    flushing = runFlush().finally(() => {
      flushing = null;
      if (urgent && !stopped) {
        urgent = false;
        void flush();
      }
    });
    return flushing;
  };

  /** A waiting request: flush as soon as the one under way (if any) is done. */
  const flushSoon = () => {
    if (flushing) urgent = true;
    else if (!scheduled) {
      // Requests arriving in the same turn share this flush.
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        void flush();
      });
    }
  };

  const timer = setInterval(() => void flush(), flushEveryMs);
  timer.unref();

  return {
    count(partitionKey, policy, windowStart, quota) {
      const id = `${policy}\u0000${windowStart}\u0000${partitionKey}`;
      let s = slots.get(id);
      if (!s) {
        s = { partitionKey, policy, windowStart, shared: null, sharedAt: 0, pending: 0, inFlight: 0, waiters: [], inFlightWaiters: [] };
        slots.set(id, s);
      }
      s.pending++;
      const known = s.shared ?? 0;
      const estimate = known + s.inFlight + s.pending;
      // Over the quota on what is already known: every other gateway can only add to it.
      if (s.shared !== null && estimate > quota) return Promise.resolve(estimate);
      const fresh = s.shared !== null && now() - s.sharedAt <= staleAfterMs;
      const allowance = Math.floor((quota - known - s.inFlight) * localShare);
      if (fresh && s.pending <= allowance) return Promise.resolve(estimate);
      const slot = s;
      return new Promise<number>((resolve, reject) => {
        slot.waiters.push({ position: slot.pending, resolve, reject });
        flushSoon();
      });
    },
    flushNow: () => flush(),
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (flushing) await flushing;
      await flush();
    },
  };
}
