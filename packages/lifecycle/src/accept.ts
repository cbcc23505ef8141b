import { sql, type Kysely } from "kysely";
import { newId, type WriteIntent } from "@layers/contracts";
import { json, type Database, type Db } from "@layers/db";


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
 * Stores an accepted write atomically: the job (`queued`), the entity's next sequence number, and
 * the `write_intents` row (state `accepted`: the outbox the gate relays from). Returns the full
 * intent message to publish. Given a transaction (e.g. an approval that also updates its pending
 * action, or a write holding its idempotent answer), it joins that transaction; otherwise its one
 * statement commits on its own (a single statement is atomic, so no begin/commit round trips).
 */
export async function acceptWrite(db: Db, input: AcceptWriteInput): Promise<WriteIntent> {
  return acceptIn(db, input);
}

/**
 * One statement, one round trip: data-modifying CTEs take the entity's next sequence number and
 * insert (or, for an approval re-run, update) the job; the outer insert stores the intent with
 * that number, also written into its payload. All parts commit or fail together, and the intent's
 * foreign key to its job is checked at the end of the statement, after the job CTE ran.
 */
async function acceptIn(trx: Kysely<Database>, input: AcceptWriteInput): Promise<WriteIntent> {
  const now = new Date();
  const jobId = input.existingJobId ?? newId("job");
  const intentId = newId("intent");
  const { jobId: _ignored, ...rest } = input.intent;
  // entitySeq is known only once the statement ran; 0 holds its place (and key order) until then.
  const intent: WriteIntent = { ...rest, intentId, jobId, entitySeq: 0, acceptedAt: now.toISOString() };
  const job = input.existingJobId
    ? trx.updateTable("jobs").set({ status: "queued", intent_id: intentId, updated_at: now }).where("id", "=", jobId).returning("id")
    : trx
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
        .returning("id");
  const nextSeq = sql<number>`(select last_seq from seq)`;
  const stored = await trx
    .with("seq", () =>
      trx
        .insertInto("entity_sequences")
        .values({ entity_key: intent.entityKey, last_seq: 1 })
        .onConflict((oc) => oc.column("entity_key").doUpdateSet({ last_seq: sql`entity_sequences.last_seq + 1` }))
        .returning("last_seq"),
    )
    .with("job", () => job)
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
      entity_seq: nextSeq,
      payload: sql`jsonb_set(${json(intent)}::jsonb, '{entitySeq}', to_jsonb(${nextSeq}))`,
      request_id: intent.requestId,
      traceparent: input.traceparent,
      reply_to: input.replyTo,
      state: "accepted",
      accepted_at: now,
    })
    .returning("entity_seq")
    .executeTakeFirstOrThrow();
  intent.entitySeq = Number(stored.entity_seq);
  return intent;
}
