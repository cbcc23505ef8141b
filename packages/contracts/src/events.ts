import { createHash } from "node:crypto";
import { z } from "zod";

/** Partner-visible event types (SPEC §9). */
export const EVENT_TYPES = [
  "ads.account.connected",
  "ads.account.disconnected",
  "ads.account.token_expired",
  "ads.optimizer.action",
  "ads.optimizer.run.completed",
  "ads.write.executed",
  "ads.write.denied",
  /** A queued write was never sent: a newer write to the same entity, waiting behind it, sets the same fields (Meta ad set budgets). */
  "ads.write.superseded",
  "ads.creative.flagged",
  "ads.creative.unlocked",
  "ads.policy.violation",
  "approval.dispatched",
  "approval.dispatch_failed",
  "approval.approved",
  "approval.disapproved",
  "ads.budget.cap_exceeded",
  "kill_switch.tripped",
  "kill_switch.released",
  "job.completed",
  "job.failed",
  "job.canceled",
  /** Sent by `POST /v1/webhooks/endpoints/:id/test`, to that endpoint only. */
  "webhook.test",
  /** An endpoint that kept failing was disabled (sent to the org's other enabled endpoints). */
  "webhook.endpoint.disabled",
] as const;
export const eventTypeSchema = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof eventTypeSchema>;

/** The envelope webhooks deliver: `{id, type, createdAt, data}` with `data.organizationId` always set. */
export const eventSchema = z.strictObject({
  id: z.string().regex(/^evt_[0-9a-z]{26}$/),
  type: eventTypeSchema,
  createdAt: z.iso.datetime(),
  data: z.looseObject({ organizationId: z.string() }),
});
export type LayersEvent = z.infer<typeof eventSchema>;

/**
 * `data` of `job.completed`, `job.failed` and `job.canceled`: stored by the lifecycle move that ends
 * the job (a dispatcher's record, the gate's deny / apply / undecidable, a reject or a cancel). The
 * id derives from the intent that ended the job and the type, so each ending has one id.
 */
export const jobEndedDataSchema = z.looseObject({
  organizationId: z.string(),
  projectId: z.string().nullable(),
  jobId: z.string(),
  intentId: z.string(),
  status: z.enum(["completed", "failed", "canceled"]),
  error: z.object({ code: z.string(), message: z.string(), reason: z.string().optional() }).nullable(),
});
export type JobEndedData = z.infer<typeof jobEndedDataSchema>;

const CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";
/**
 * Event ids are derived from what caused them (e.g. intent id + type), so a redelivered message that
 * re-emits an event produces the same id: JetStream dedupes it and receivers dedupe on `webhook-id`.
 */
export function deterministicEventId(...parts: string[]): string {
  const digest = createHash("sha256").update(parts.join("\u0000")).digest();
  let out = "";
  for (let i = 0; i < 26; i++) out += CROCKFORD[digest[i]! % 32];
  return `evt_${out}`;
}
