import type { Db } from "./db.ts";

export interface DeadLetterInput {
  stream: string;
  consumer: string;
  streamSeq: number;
  subject: string;
  reason: string;
  payload: string;
}

/** Records a poison message once (a second term of the same stream sequence changes nothing). */
export async function recordDeadLetter(db: Db, dl: DeadLetterInput): Promise<void> {
  let intentId: string | null = null;
  try {
    const v = (JSON.parse(dl.payload) as { intentId?: unknown }).intentId;
    if (typeof v === "string") intentId = v;
  } catch {
    /* not JSON: kept verbatim */
  }
  await db
    .insertInto("dead_letters")
    .values({
      stream: dl.stream,
      consumer: dl.consumer,
      stream_seq: dl.streamSeq,
      subject: dl.subject,
      intent_id: intentId,
      reason: dl.reason.slice(0, 2000),
      payload: dl.payload,
    })
    .onConflict((oc) => oc.columns(["stream", "stream_seq"]).doNothing())
    .execute();
}
