import type { Kysely } from "kysely";
import { denyReasonSchema, isPlatformBound, writeIntentSchema, type DecisionAxis } from "@layers/contracts";
import type { Database, WriteIntentRow } from "@layers/db";
import { RetryableError } from "@layers/runtime";
import type { DecisionRecord } from "../domain/side-effects.ts";
import { findAuditRow } from "../db/audit-repository.ts";
import { jobResult } from "../db/job-repository.ts";
import { layerCurrency } from "../db/layer-repository.ts";

/** Rebuilds the stored decision of an intent the gate already decided, so its publishes can be repeated. */
export async function replayDecision(trx: Kysely<Database>, row: WriteIntentRow): Promise<DecisionRecord> {
  const audit = row.verdict_id ? await findAuditRow(trx, row.verdict_id) : undefined;
  // The audit row and the verdict id are written in one transaction; a miss means a torn read, so try later.
  if (!audit) throw new RetryableError(`intent ${row.id} names verdict ${row.verdict_id} but its audit row is missing`);
  const intent = writeIntentSchema.parse(row.payload);
  const isPolicyResult = audit.decision === "allow" && !isPlatformBound(intent.operation);
  return {
    intent,
    verdictId: audit.id,
    decision: audit.decision,
    reason: audit.reason === null ? null : denyReasonSchema.parse(audit.reason),
    axis: audit.axis as DecisionAxis,
    pendingActionId: audit.pending_action_id,
    decidedAt: audit.occurred_at,
    currency: (await layerCurrency(trx, intent.layerId)) ?? "USD",
    // What the first decision put on the dispatch it stored.
    adAccountId: storedAdAccountId(row.dispatch),
    result: isPolicyResult ? await jobResult(trx, intent.jobId) : null,
    replyTo: row.reply_to,
    awaitingDispatch: row.state === "allowed",
  };
}

function storedAdAccountId(dispatch: unknown): string | null {
  const v = typeof dispatch === "object" && dispatch !== null ? (dispatch as { adAccountId?: unknown }).adAccountId : undefined;
  return typeof v === "string" ? v : null;
}
