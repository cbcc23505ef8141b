import { z } from "zod";
import {
  actorTypeSchema,
  authorityPatchSchema,
  decisionSchema,
  denyReasonSchema,
  operationSchema,
  platformSchema,
  writerPresetSchema,
} from "./authority.ts";
import { idSchema, layerIdSchema, uuidSchema } from "./ids.ts";
import { currencySchema, minorUnitsSchema } from "./money.ts";

/** Who asked. Partners carry their key id; customers their user id; the optimizer and system neither. */
export const actorSchema = z.strictObject({
  type: actorTypeSchema,
  organizationId: z.string(),
  apiKeyId: z.string().optional(),
  userId: z.string().optional(),
});
export type Actor = z.infer<typeof actorSchema>;

export const updateAuthorityParamsSchema = z.strictObject({
  campaignId: idSchema("campaign"),
  authority: authorityPatchSchema,
});
export const updateDefaultsParamsSchema = z.strictObject({ authority: authorityPatchSchema });
export const setKillSwitchParamsSchema = z.strictObject({ active: z.boolean(), reason: z.string().max(500).optional() });
export const updatePolicyParamsSchema = z.strictObject({
  ceiling: authorityPatchSchema.optional(),
  partnerWritesEnabled: z.boolean().optional(),
  maxDailyBudgetCents: minorUnitsSchema.nullable().optional(),
  writerPreset: writerPresetSchema.optional(),
});

/** Why the optimizer proposes a write: shown on the pending action a `draft` layer queues. */
export const proposalNoteSchema = z.strictObject({
  rationale: z.string().min(1).max(2000),
  evidence: z.record(z.string(), z.unknown()),
  currentValue: z.record(z.string(), z.unknown()).nullable().optional(),
  newValue: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type ProposalNote = z.infer<typeof proposalNoteSchema>;

/** A write intent: published by the gateway (or an approval) to `<prefix>.intent.<platform>`. */
export const writeIntentSchema = z.strictObject({
  intentId: idSchema("intent"),
  jobId: idSchema("job"),
  organizationId: idSchema("organization"),
  projectId: uuidSchema,
  layerId: layerIdSchema,
  platform: platformSchema,
  operation: operationSchema,
  /** Ordering key: every write to one entity shares it (`campaign:cmp_…`, `layer:lyr_…`). */
  entityKey: z.string(),
  /** Position of this write among the entity's accepted writes; dispatchers apply them in this order. */
  entitySeq: z.number().int().positive(),
  params: z.record(z.string(), z.unknown()),
  actor: actorSchema,
  source: z.enum(["api", "approval", "optimizer"]),
  /** Set when this intent re-runs a queued action after approval. */
  pendingActionId: idSchema("pendingAction").optional(),
  /** An optimizer proposal's rationale and evidence (source `optimizer`). */
  proposal: proposalNoteSchema.optional(),
  requestId: z.string(),
  acceptedAt: z.iso.datetime(),
});
export type WriteIntent = z.infer<typeof writeIntentSchema>;

/** The gate's answer to a waiting gateway (core NATS, not stored). */
export const verdictSchema = z.strictObject({
  intentId: idSchema("intent"),
  jobId: idSchema("job"),
  verdictId: uuidSchema,
  decision: decisionSchema,
  reason: denyReasonSchema.optional(),
  axis: z.enum(["creative", "tactical", "structural", "policy"]),
  pendingActionId: idSchema("pendingAction").optional(),
  /** For policy operations: the state after the change, so the gateway can answer 200 at once. */
  result: z.record(z.string(), z.unknown()).optional(),
});
export type Verdict = z.infer<typeof verdictSchema>;

/**
 * An allowed platform write: published by the gate to `<prefix>.dispatch.<platform>`. It carries the
 * intent's identity and ordering fields unchanged, plus the verdict and the layer's currency.
 */
export const dispatchSchema = writeIntentSchema
  .pick({
    intentId: true,
    jobId: true,
    organizationId: true,
    projectId: true,
    layerId: true,
    platform: true,
    operation: true,
    entityKey: true,
    entitySeq: true,
    params: true,
    pendingActionId: true,
    requestId: true,
  })
  .extend({ verdictId: uuidSchema, currency: currencySchema });
export type Dispatch = z.infer<typeof dispatchSchema>;

/** Sync request (core NATS request/reply to a dispatcher). */
export const syncAccountRequestSchema = z.strictObject({ adAccountId: idSchema("adAccount") });
/** Sync of one campaign's levels below it (same reply as an account sync). */
export const syncCampaignRequestSchema = z.strictObject({ campaignId: idSchema("campaign") });
export const syncAccountReplySchema = z.strictObject({
  ok: z.boolean(),
  synced: z.number().int().nonnegative(),
  error: z.string().optional(),
});
