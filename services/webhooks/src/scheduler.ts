import { setImmediate as nextTurn } from "node:timers/promises";
import type { Db } from "@layers/db";
import type { Logger } from "@layers/runtime";
import { claimDue, releaseClaim, type ClaimedDelivery } from "@layers/webhook-store";
import { planClaims, SlotTracker } from "./domain/concurrency.ts";

export interface SchedulerOptions {
  db: Db;
  log: Logger;
  /** Attempts in flight in this process. */
  concurrency: number;
  /** Attempts in flight to one endpoint, across instances. */
  perEndpoint: number;
  leaseMs: number;
  pollMs: number;
  /** Runs one claimed attempt to its recorded end; never rejects on a delivery failure. */
  run: (c: ClaimedDelivery) => Promise<void>;
}

export interface Scheduler {
  /** New deliveries may be due: look now instead of at the next poll. */
  wake(): void;
  /** Stops claiming and waits for the attempts in flight to be recorded. */
  stop(): Promise<void>;
  readonly inFlight: number;
}

/**
 * Claims due deliveries and runs them, within the total and per-endpoint limits. It looks again
 * when woken (new deliveries, a finished attempt), when the next known retry falls due, or after
 * `pollMs` (work created by other instances or by the gateway).
 */
export function startScheduler(opts: SchedulerOptions): Scheduler {
  const slots = new SlotTracker(opts.concurrency, opts.perEndpoint);
  const running = new Set<Promise<void>>();
  let stopping = false;
  let woken = false;
  let interrupt: (() => void) | null = null;

  const wake = () => {
    woken = true;
    interrupt?.();
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || stopping) return resolve();
      const done = () => {
        clearTimeout(timer);
        interrupt = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      interrupt = done;
    });

  const start = (c: ClaimedDelivery) => {
    if (!slots.tryAcquire(c.endpointId)) {
      // The database's lease count and this process disagree (should not happen): give the claim back.
      opts.log.error({ deliveryId: c.id, endpointId: c.endpointId }, "claimed beyond a concurrency limit; releasing the claim");
      void releaseClaim(opts.db, c).catch((err: unknown) => opts.log.warn({ err }, "could not release the claim; it expires with its lease"));
      return;
    }
    const p: Promise<void> = opts
      .run(c)
      .catch((err: unknown) => opts.log.error({ err, deliveryId: c.id }, "delivery attempt crashed; it is retried when its lease expires"))
      .finally(() => {
        slots.release(c.endpointId);
        running.delete(p);
        wake();
      });
    running.add(p);
  };

  /** One claim pass; returns how long to wait before the next. */
  const pass = async (): Promise<number> => {
    const free = slots.free;
    if (free === 0) return opts.pollMs; // a finishing attempt wakes us
    const res = await claimDue(opts.db, {
      perEndpoint: opts.perEndpoint,
      leaseMs: opts.leaseMs,
      plan: (loads) => planClaims(loads, { perEndpoint: opts.perEndpoint, free }),
    });
    for (const c of res.claimed) start(c);
    if (res.claimed.length > 0 && slots.free > 0) return 0; // there may be more
    if (res.nextDueAt) return Math.min(Math.max(res.nextDueAt.getTime() - Date.now(), 1), opts.pollMs);
    return opts.pollMs;
  };

  const loop = (async () => {
    while (!stopping) {
      woken = false;
      let waitMs = opts.pollMs;
      try {
        waitMs = await pass();
      } catch (err) {
        opts.log.warn({ err }, "claiming due deliveries failed; trying again");
      }
      if (stopping) break;
      if (waitMs > 0) await pause(waitMs);
      // Let attempts finishing in the same turn free their slots, so one pass claims for all of them.
      await nextTurn();
    }
  })();

  return {
    wake,
    get inFlight() {
      return slots.inFlight;
    },
    async stop() {
      stopping = true;
      wake();
      await loop;
      await Promise.allSettled([...running]);
    },
  };
}
