import type { NatsNames } from "@layers/contracts";
import type { Db } from "@layers/db";
import { createGroupCommitter as groupCommit, type Logger } from "@layers/runtime";
import { decideAlone, decideBatch } from "./decide-batch.ts";
import type { DecideOutcome } from "./decide-intent.ts";

export interface GroupCommitter {
  /** Resolves once the intent's decision (or the earlier one) is committed. */
  decide(intentId: string): Promise<DecideOutcome>;
}

/**
 * Group commit for the gate: intents handled at once by this process are decided together, one
 * transaction (one policy load, one store, one commit) per batch. Up to `maxInFlight` batches run
 * at once, each taking whatever arrived meanwhile (at most `maxBatch`), so an idle gate adds no
 * latency and a busy one amortises its round trips and commits without waiting on one fsync. A batch that fails is
 * split: each of its intents is decided on its own, so the error lands on the intent that caused it;
 * rows another transaction held are decided on their own after the batch, each waiting for its lock.
 */
export function createGroupCommitter(deps: { db: Db; names: NatsNames; log: Logger; maxBatch: number; maxInFlight: number }): GroupCommitter {
  const committer = groupCommit<string, DecideOutcome>({
    maxBatch: deps.maxBatch,
    maxInFlight: deps.maxInFlight,
    async runBatch(ids) {
      const { outcomes } = await decideBatch(deps.db, ids, deps.names);
      return ids.map((id) => {
        const o = outcomes.get(id);
        return o ? { ok: o } : { alone: true as const };
      });
    },
    runAlone: (id) => decideAlone(deps.db, id, deps.names),
    onBatchError: (err, size) => deps.log.debug({ err, size }, "batch failed; deciding its intents one by one"),
  });
  return { decide: (intentId) => committer.submit(intentId) };
}
