import { z } from "zod";
import {
  actorTypeSchema,
  authorityPatchSchema,
  decisionSchema,
  denyReasonSchema,
  operationSchema,
  platformSchema,
  type Operation,
  writerPresetSchema,
} from "./authority.ts";
import { idSchema, layerIdSchema, uuidSchema } from "./ids.ts";
import { currencySchema, minorUnitsSchema } from "./money.ts";
import { PLATFORM_OPERATION_PARAMS } from "./operation-params.ts";

/** Who asked. Partners carry their key id; customers their user id; the optimizer and system neither. */
export const actorSchema = z.strictObject({
  type: actorTypeSchema,
  organizationId: z.string(),
  apiKeyId: z.string().optional(),
  userId: z.string().optional(),
  /** A parent org's key acting inside this direct child (`X-Layers-Organization`); `organizationId` is then the parent's. */
  onBehalfOf: z.string().optional(),
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

/**
 * The params contract of every operation, in one place: the gateway builds params with these, and
 * every message that carries params (`writeIntentSchema`, `dispatchSchema`) checks them against
 * the schema of its own `operation` when it is parsed — once, at each consumer's edge — so the
 * gate and the dispatchers read them typed (`paramsOf`) instead of parsing them again.
 */
export const OPERATION_PARAMS = {
  ...PLATFORM_OPERATION_PARAMS,
  update_authority: updateAuthorityParamsSchema,
  update_defaults: updateDefaultsParamsSchema,
  set_kill_switch: setKillSwitchParamsSchema,
  update_policy: updatePolicyParamsSchema,
} as const satisfies Record<Operation, z.ZodType>;
export type OperationParams<K extends Operation> = z.infer<(typeof OPERATION_PARAMS)[K]>;

/**
 * A proposer (the optimizer) may attach a human rationale to any write; it is not part of the
 * operation's own params, so it is checked here and left out of the operation's schema.
 */
const proposalFieldsSchema = z.strictObject({ rationale: z.string().max(2_000).optional() });

/** Why `params` do not match `operation`'s contract, or undefined when they do. */
export function paramsIssue(operation: Operation, params: Record<string, unknown>): string | undefined {
  const { rationale, ...own } = params;
  if (rationale !== undefined && typeof rationale !== "string") return "params.rationale must be a string";
  const extra = proposalFieldsSchema.safeParse(rationale === undefined ? {} : { rationale });
  if (!extra.success) return `params.rationale: ${extra.error.issues[0]?.message ?? "invalid"}`;
  const r = OPERATION_PARAMS[operation].safeParse(own);
  return r.success ? undefined : `params do not match ${operation}: ${r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ").slice(0, 500)}`;
}

function checkParams(m: { operation: Operation; params: Record<string, unknown> }, ctx: z.RefinementCtx): void {
  const issue = paramsIssue(m.operation, m.params);
  if (issue) ctx.addIssue({ code: "custom", path: ["params"], message: issue });
}

/**
 * The params of a parsed message, typed by its operation. Only for messages parsed with
 * `writeIntentSchema` / `dispatchSchema` (which checked them): no second parse, just the type.
 */
export function paramsOf<K extends Operation>(m: { operation: Operation; params: Record<string, unknown> }, operation: K): OperationParams<K> & { rationale?: string } {
  if (m.operation !== operation) throw new Error(`paramsOf: the message is ${m.operation}, not ${operation}`);
  return m.params as OperationParams<K> & { rationale?: string };
}

const writeIntentFields = z.strictObject({
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
/** A write intent: published by the gateway (or an approval) to `<prefix>.intent.<platform>`; params checked against its operation. */
export const writeIntentSchema = writeIntentFields.superRefine(checkParams);
/**
 * What the gate's consumer checks on an intent message: the envelope only. The message is a
 * doorbell — the gate decides on the stored row, which it checks with `writeIntentSchema` — so a
 * stored intent whose params break the contract still fails its job instead of being relayed forever.
 */
export const writeIntentMessageSchema = writeIntentFields;
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
export const dispatchSchema = writeIntentFields
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
  .extend({
    verdictId: uuidSchema,
    currency: currencySchema,
    /**
     * The write's Layers ad account, as the gate read it with the campaign. A dispatcher tells a
     * write of an account whose budget is scheduled (its writes wait for the budget waker) from
     * this alone, before any Postgres work. Absent on dispatches stored before it was carried:
     * those take the full path.
     */
    adAccountId: idSchema("adAccount").optional(),
  })
  .superRefine(checkParams);
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
