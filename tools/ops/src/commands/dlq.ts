import type { JetStreamClient } from "@nats-io/jetstream";
import { headers as natsHeaders } from "@nats-io/transport-node";
import type { Db } from "@layers/db";
import { IllegalTransitionError, redriveIntent } from "@layers/lifecycle";
import { UsageError } from "./orgs.ts";

export async function listDeadLetters(db: Db, opts: { limit?: number; includeRedriven?: boolean } = {}) {
  let q = db
    .selectFrom("dead_letters")
    .select(["id", "stream", "consumer", "stream_seq", "subject", "intent_id", "reason", "created_at", "redriven_at"])
    .orderBy("id", "desc")
    .limit(opts.limit ?? 50);
  if (!opts.includeRedriven) q = q.where("redriven_at", "is", null);
  return q.execute();
}

/**
 * One dead letter in full: the stored message (parsed when it is JSON), why it died, and the state
 * of its intent and job now, so an operator can decide between redrive and leaving it.
 */
export async function inspectDeadLetter(db: Db, id: number) {
  const dl = await db.selectFrom("dead_letters").selectAll().where("id", "=", id).executeTakeFirst();
  if (!dl) throw new UsageError(`no dead letter ${id}`);
  let message: unknown = dl.payload;
  try {
    message = JSON.parse(dl.payload);
  } catch {
    /* not JSON (that may be why it died): shown as stored */
  }
  const intent = dl.intent_id
    ? await db.selectFrom("write_intents").select(["id", "state", "attempts", "job_id", "operation", "failure_reason"]).where("id", "=", dl.intent_id).executeTakeFirst()
    : undefined;
  const job = intent?.job_id ? await db.selectFrom("jobs").select(["id", "status", "error"]).where("id", "=", intent.job_id).executeTakeFirst() : undefined;
  const { payload: _payload, ...row } = dl;
  return { ...row, message, intent: intent ?? null, job: job ?? null, canRedrive: dl.redriven_at === null && (intent === undefined || intent.state === "dead") };
}

/**
 * Puts a dead letter back to work: an intent that a dispatcher gave up on returns to `allowed` with
 * its attempts reset, then the stored message is republished under a new msg id.
 */
export async function redriveDeadLetter(js: JetStreamClient, db: Db, id: number): Promise<{ id: number; subject: string; intentId: string | null }> {
  const dl = await db.selectFrom("dead_letters").selectAll().where("id", "=", id).executeTakeFirst();
  if (!dl) throw new UsageError(`no dead letter ${id}`);
  if (dl.redriven_at) throw new UsageError(`dead letter ${id} was already redriven at ${dl.redriven_at.toISOString()}`);
  if (dl.intent_id) {
    try {
      await redriveIntent(db, dl.intent_id);
    } catch (err) {
      if (err instanceof IllegalTransitionError) throw new UsageError(`dead letter ${id}: intent ${dl.intent_id} is ${err.from ?? "missing"}, not dead; nothing to redrive`);
      throw err;
    }
  }
  const h = natsHeaders();
  h.set("Layers-Redrive-Of", String(dl.stream_seq));
  await js.publish(dl.subject, dl.payload, { msgID: `redrive-${dl.id}-${Date.now()}`, headers: h });
  await db.updateTable("dead_letters").set({ redriven_at: new Date() }).where("id", "=", id).execute();
  return { id, subject: dl.subject, intentId: dl.intent_id };
}
