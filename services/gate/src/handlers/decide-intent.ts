import type { Kysely } from "kysely";
import { writeIntentSchema, type NatsNames } from "@layers/contracts";
import type { Database, IntentState, WriteIntentRow } from "@layers/db";
import { decide } from "../domain/decide.ts";
import { gateInputOf } from "../domain/gate-input.ts";
import { readIntentParams } from "../domain/intent-params.ts";
import type { DecisionRecord } from "../domain/side-effects.ts";
import { markUndecidable, type DecisionToStore, type WaitingWrite } from "@layers/lifecycle";
import { lockIntent } from "../db/intent-repository.ts";
import { lockIntentWithPolicyNowait, type IntentWithPolicy } from "../db/intent-with-policy-repository.ts";
import { IntentNotFoundError } from "./intent-not-found-error.ts";
import { loadGateContext } from "./load-gate-context.ts";
import { recordDecision } from "./record-decision.ts";
import { replayDecision } from "./replay-decision.ts";

export type DecideOutcome =
  /** `fresh`: decided now; otherwise the earlier decision, to be published again. */
  | {
      kind: "decided";
      fresh: boolean;
      record: DecisionRecord;
      storedTraceparent: string | null;
      /** A fresh decision's own rows, for the batch's one store. */
      toStore: DecisionToStore | null;
      /** Set after the store: the write waiting behind one this verdict closed. */
      next: WaitingWrite | null;
    }
  /** Could not be decided (ended `failed`, job failed); `deadLetter` when the stored intent itself is broken. */
  | { kind: "failed"; code: string; message: string; deadLetter: boolean }
  /** Ended earlier without a verdict: nothing to repeat. */
  | { kind: "settled"; state: IntentState };

/**
 * Decides one intent inside the caller's transaction, without storing the decision's own rows
 * (the batch stores them together). The intent row is locked first, so a concurrent or later
 * delivery of the same intent finds it decided and replays the stored verdict. Runs several times
 * in one transaction when decisions are group-committed.
 *
 * `prefetched`: the row already locked with its policy by the batch's one statement; `null` when
 * the batch did not get it (locked elsewhere) or its policy may have changed earlier in the batch.
 */
export async function decideIntent(
  trx: Kysely<Database>,
  intentId: string,
  names: NatsNames,
  prefetched?: { row: IntentWithPolicy | null; policyFresh: boolean },
): Promise<DecideOutcome> {
  // Usual case: the row is free, and one statement locks it and reads its layer and campaign.
  // Otherwise wait for the lock and let loadGateContext read the policy after it (see the repository).
  const withPolicy = prefetched ? prefetched.row ?? undefined : await lockIntentWithPolicyNowait(trx, intentId);
  const row = withPolicy?.row ?? (await lockIntent(trx, intentId));
  if (!row) throw new IntentNotFoundError(intentId);
  if (row.state !== "accepted") {
    if (row.verdict_id === null) return { kind: "settled", state: row.state };
    return { kind: "decided", fresh: false, record: await replayDecision(trx, row), storedTraceparent: row.traceparent, toStore: null, next: null };
  }

  const at = new Date();
  // Decide on what the gateway stored, not on the message: the row is the accepted write.
  const parsed = writeIntentSchema.safeParse(row.payload);
  if (!parsed.success || parsed.data.intentId !== row.id) {
    const why = parsed.success ? "its id differs from the row's" : parsed.error.issues.map((i) => i.message).join("; ").slice(0, 500);
    return fail(trx, row, at, "INTERNAL", `the stored intent does not match the WriteIntent contract: ${why}`, true);
  }
  const intent = parsed.data;
  const read = readIntentParams(intent.operation, intent.params, true);
  if (!read.ok) return fail(trx, row, at, "INTERNAL", read.error, true);

  // The prefetch joined the row's layer_id column; use it only if that is the layer the payload names.
  // In a batch, an earlier decision may have changed policy rows this snapshot read: then reload.
  const policyFresh = prefetched?.policyFresh ?? true;
  const usable = withPolicy && policyFresh && withPolicy.row.layer_id === intent.layerId ? withPolicy : undefined;
  const loaded = await loadGateContext(trx, intent, read.params, usable);
  if (!loaded.ok) return fail(trx, row, at, loaded.code, loaded.message, false);
  const { ctx } = loaded;

  const verdict = decide(gateInputOf(intent, read.params, ctx.approvedRerun), { layer: ctx.layerPolicy, campaignAuthority: ctx.campaignAuthority });
  const { record, toStore } = await recordDecision(trx, { intent, params: read.params, ctx, verdict, replyTo: row.reply_to, at, traceparent: row.traceparent, names });
  return { kind: "decided", fresh: true, record, storedTraceparent: row.traceparent, toStore, next: null };
}

async function fail(
  trx: Kysely<Database>,
  row: WriteIntentRow,
  at: Date,
  code: string,
  message: string,
  deadLetter: boolean,
): Promise<DecideOutcome> {
  await markUndecidable(trx, row.id, row.job_id, { code, message }, at, { requestId: row.request_id, traceparent: row.traceparent });
  return { kind: "failed", code, message, deadLetter };
}
