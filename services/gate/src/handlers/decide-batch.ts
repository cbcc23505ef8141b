import { isPlatformBound, type NatsNames } from "@layers/contracts";
import type { Db } from "@layers/db";
import { storeDecisions } from "@layers/lifecycle";
import { lockIntentsWithPolicyNowait } from "../db/intent-with-policy-repository.ts";
import { decideIntent, type DecideOutcome } from "./decide-intent.ts";

/** Operations whose decision may change rows a later decision of the same batch reads as policy. */
function changesPolicy(operation: string): boolean {
  return !isPlatformBound(operation as never) || operation.startsWith("create_");
}

export interface BatchResult {
  /** Decided (or found decided) in this batch, by intent id. */
  outcomes: Map<string, DecideOutcome>;
  /** Rows another transaction holds: decide them on their own, after this batch. */
  busy: string[];
}

/**
 * Decides a batch of intents in one transaction (group commit): one statement locks every free
 * intent row with its layer and campaign, each intent is decided in order (side rows such as
 * pending actions written as it goes), and one statement stores every decision's audit row, intent
 * and job moves and events. Throws when anything fails: the caller then decides the intents one by
 * one, so one bad intent never holds back the rest.
 */
export async function decideBatch(db: Db, ids: readonly string[], names: NatsNames): Promise<BatchResult> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockIntentsWithPolicyNowait(trx, ids);
    const outcomes = new Map<string, DecideOutcome>();
    const busy: string[] = [];
    let policyFresh = true;
    for (const id of ids) {
      const prefetched = locked.get(id);
      if (!prefetched) {
        busy.push(id);
        continue;
      }
      const outcome = await decideIntent(trx, id, names, { row: prefetched, policyFresh });
      outcomes.set(id, outcome);
      const operation = prefetched.row.operation;
      if (outcome.kind === "decided" && outcome.fresh && changesPolicy(operation)) policyFresh = false;
    }
    const fresh = [...outcomes.values()].flatMap((o) => (o.kind === "decided" && o.toStore ? [o] : []));
    const stored = await storeDecisions(trx, fresh.map((o) => o.toStore!));
    fresh.forEach((o, i) => {
      o.next = stored[i]!.next;
    });
    return { outcomes, busy };
  });
}

/**
 * Decides one intent on its own: waits for its row when another transaction holds it (another
 * delivery deciding it), then stores the decision. The path of an intent a batch could not take.
 */
export async function decideAlone(db: Db, id: string, names: NatsNames): Promise<DecideOutcome> {
  return db.transaction().execute(async (trx) => {
    const outcome = await decideIntent(trx, id, names);
    if (outcome.kind === "decided" && outcome.toStore) outcome.next = (await storeDecisions(trx, [outcome.toStore]))[0]!.next;
    return outcome;
  });
}
