import { sql, type Transaction } from "kysely";
import { newId, type WriteIntent } from "@layers/contracts";
import { json, type Db } from "./db.ts";
import type { Database } from "./schema.ts";

export interface AcceptWriteInput {
  /** Everything of the intent except the ids and sequence this function assigns. */
  intent: Omit<WriteIntent, "intentId" | "jobId" | "entitySeq" | "acceptedAt"> & { jobId?: string };
  traceparent: string;
  /** Subject where the accepting gateway waits for the verdict (null: nobody waits). */
  replyTo: string | null;
  /** An approval re-run continues the original job instead of creating one. */
  existingJobId?: string;
  jobKind?: string;
}

/**
 * Stores an accepted write in one transaction: the job (`queued`), the entity's next sequence
 * number, and the `write_intents` row (state `accepted`: the outbox the gate relays from).
 * Returns the full intent message to publish. Given a transaction (e.g. an approval that also
 * updates its pending action), it joins that transaction instead of opening its own.
 */
export async function acceptWrite(db: Db, input: AcceptWriteInput): Promise<WriteIntent> {
  if (db.isTransaction) return acceptIn(db as Transaction<Database>, input);
  return db.transaction().execute((trx) => acceptIn(trx, input));
}

async function acceptIn(trx: Transaction<Database>, input: AcceptWriteInput): Promise<WriteIntent> {
  const now = new Date();
  const jobId = input.existingJobId ?? newId("job");
  const intentId = newId("intent");
  const seqRow = await sql<{ last_seq: number }>`
    insert into entity_sequences (entity_key, last_seq) values (${input.intent.entityKey}, 1)
    on conflict (entity_key) do update set last_seq = entity_sequences.last_seq + 1
    returning last_seq`.execute(trx);
  const entitySeq = Number(seqRow.rows[0]!.last_seq);
  const { jobId: _ignored, ...rest } = input.intent;
  const intent: WriteIntent = { ...rest, intentId, jobId, entitySeq, acceptedAt: now.toISOString() };
  if (input.existingJobId) {
    await trx
      .updateTable("jobs")
      .set({ status: "queued", intent_id: intentId, updated_at: now })
      .where("id", "=", jobId)
      .execute();
  } else {
    await trx
      .insertInto("jobs")
      .values({
        id: jobId,
        organization_id: intent.organizationId,
        project_id: intent.projectId,
        kind: input.jobKind ?? `ads.${intent.operation}`,
        status: "queued",
        intent_id: intentId,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  await trx
    .insertInto("write_intents")
    .values({
      id: intentId,
      job_id: jobId,
      organization_id: intent.organizationId,
      project_id: intent.projectId,
      layer_id: intent.layerId,
      platform: intent.platform,
      operation: intent.operation,
      entity_key: intent.entityKey,
      entity_seq: entitySeq,
      payload: json(intent),
      request_id: intent.requestId,
      traceparent: input.traceparent,
      reply_to: input.replyTo,
      state: "accepted",
      accepted_at: now,
    })
    .execute();
  return intent;
}
