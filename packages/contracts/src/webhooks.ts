import { z } from "zod";
import { EVENT_TYPES } from "./events.ts";

/**
 * An endpoint's event filter entry: an exact type (`ads.write.denied`), a prefix wildcard ending
 * in `.*` (`ads.*`, `ads.write.*`), or `*` for everything. Unknown exact types are refused so a
 * typo does not silently subscribe to nothing.
 */
export const eventFilterSchema = z
  .string()
  .min(1)
  .max(100)
  .refine(
    (f) =>
      f === "*" ||
      (EVENT_TYPES as readonly string[]).includes(f) ||
      (/^[a-z_]+(\.[a-z_]+)*\.\*$/.test(f) && EVENT_TYPES.some((t) => t.startsWith(f.slice(0, -1)))),
    { message: "must be an event type, a prefix wildcard such as ads.* that matches one, or *" },
  );

/** True when an event type passes an endpoint's filter (absent or empty filter = every event). */
export function eventMatches(type: string, filter: readonly string[] | null | undefined): boolean {
  if (!filter || filter.length === 0) return true;
  return filter.some((f) => f === "*" || f === type || (f.endsWith(".*") && type.startsWith(f.slice(0, -1))));
}

export const WEBHOOK_MAX_OVERLAP_SECONDS = 24 * 3600;

export const createWebhookEndpointBodySchema = z.strictObject({
  url: z.string().min(1).max(2048),
  events: z.array(eventFilterSchema).max(100).optional(),
  description: z.string().max(500).optional(),
  /** `all_children` (needs `org:admin`): also every direct child's events, told apart by `data.organizationId`. */
  scope: z.enum(["own", "all_children"]).optional(),
});
export const patchWebhookEndpointBodySchema = z
  .strictObject({
    url: z.string().min(1).max(2048).optional(),
    /** null = every event. */
    events: z.array(eventFilterSchema).max(100).nullable().optional(),
    description: z.string().max(500).nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "at least one field is required" });
/** The old secret keeps signing (beside the new one) for `overlapSeconds`; 0 for a leaked secret. */
export const rotateWebhookSecretBodySchema = z.strictObject({
  overlapSeconds: z.number().int().min(0).max(WEBHOOK_MAX_OVERLAP_SECONDS).optional(),
});
export const testWebhookBodySchema = z.strictObject({});
export const replayWebhookBodySchema = z
  .strictObject({ since: z.iso.datetime({ offset: true }), until: z.iso.datetime({ offset: true }).optional() })
  .refine((b) => b.until === undefined || Date.parse(b.until) > Date.parse(b.since), { message: "until must be after since", path: ["until"] });

export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()).nullable(),
  description: z.string().nullable(),
  scope: z.enum(["own", "all_children"]),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  disabledAt: z.string().nullable(),
  /** Start of the current run of failed attempts (null once an attempt succeeds); auto-disable counts from here. */
  failingSince: z.string().nullable(),
  /** Set while a rotated-out secret still signs beside the new one. */
  previousSecretExpiresAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** Create and rotate answers carry the secret, shown this once. */
export const webhookEndpointWithSecretSchema = webhookEndpointSchema.extend({ secret: z.string().regex(/^whsec_/) });

export const webhookAttemptSchema = z.object({
  attempt: z.number().int(),
  at: z.string(),
  statusCode: z.number().int().nullable(),
  latencyMs: z.number().int().nullable(),
  error: z.string().nullable(),
  /** The first bytes of the receiver's answer, when there was one. */
  responseExcerpt: z.string().nullable(),
});
export const webhookDeliverySchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  origin: z.enum(["event", "test", "replay"]),
  status: z.enum(["pending", "succeeded", "failed"]),
  attemptCount: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  attempts: z.array(webhookAttemptSchema),
});

/** `POST …/:id/test` answer: the `webhook.test` event and its delivery to this endpoint. */
export const testWebhookResponseSchema = z.strictObject({ eventId: z.string(), deliveryId: z.string() });
/** `POST …/:id/replay` answer: how many deliveries were queued. */
export const replayWebhookResponseSchema = z.strictObject({ deliveries: z.number().int().min(0) });

/** Replay bounds: a range longer than this, or holding more events, is refused (422); split it. */
export const WEBHOOK_REPLAY_MAX_RANGE_DAYS = 30;
export const WEBHOOK_REPLAY_MAX_EVENTS = 10_000;
