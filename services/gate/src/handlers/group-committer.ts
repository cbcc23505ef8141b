import type { NatsNames } from "@layers/contracts";
import type { Db } from "@layers/db";
import type { Logger } from "@layers/runtime";
import { decideAlone, decideBatch } from "./decide-batch.ts";
import type { DecideOutcome } from "./decide-intent.ts";

interface Waiter {
  intentId: string;
  resolve: (o: DecideOutcome) => void;
  reject: (err: unknown) => void;
}

export interface GroupCommitter {
  /** Resolves once the intent's decision (or the earlier one) is committed. */
  decide(intentId: string): Promise<DecideOutcome>;
}

/**
 * Group commit for the gate: intents handled at once by this process are decided together, one
 * transaction (one policy load, one store, one commit) per batch. Up to `maxInFlight` batches run
 * at once, each taking whatever arrived meanwhile (at most `maxBatch`), so an idle gate adds no
 * latency and a busy one amortises its round trips and commits without waiting on one fsync. A batch that fails is
 * split: each of its intents is decided on its own, so the error lands on the intent that caused it.
 */
export function createGroupCommitter(deps: { db: Db; names: NatsNames; log: Logger; maxBatch: number; maxInFlight: number }): GroupCommitter {
  const queue: Waiter[] = [];
  let running = 0;

  async function runOne(w: Waiter): Promise<void> {
    try {
      w.resolve(await decideAlone(deps.db, w.intentId, deps.names));
    } catch (err) {
      w.reject(err);
    }
  }

  async function drain(): Promise<void> {
    running++;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, deps.maxBatch);
        try {
          const { outcomes } = await decideBatch(deps.db, batch.map((w) => w.intentId), deps.names);
          const busy: Waiter[] = [];
          for (const w of batch) {
            const o = outcomes.get(w.intentId);
            if (o) w.resolve(o);
            else busy.push(w);
          }
          // Rows another transaction held: each waits for its lock on its own.
          await Promise.all(busy.map(runOne));
        } catch (err) {
          if (batch.length > 1) deps.log.debug({ err, size: batch.length }, "batch failed; deciding its intents one by one");
          await Promise.all(batch.map(runOne));
        }
      }
    } finally {
      running--;
    }
  }

  return {
    decide(intentId) {
      return new Promise<DecideOutcome>((resolve, reject) => {
        queue.push({ intentId, resolve, reject });
        // Up to `maxInFlight` batches commit at once: one waits on its fsync while the next decides.
        if (running < deps.maxInFlight) void drain();
      });
    },
  };
}
