import { z } from "zod";
import {
  actorTypeSchema,
  authorityBlockSchema,
  decisionAxisSchema,
  decisionSchema,
  denyReasonSchema,
  managementModeSchema,
  operationSchema,
  platformSchema,
} from "./authority.ts";
import { idSchema, layerIdSchema } from "./ids.ts";
import { writeIntentSchema } from "./messages.ts";
import { campaignSchema, jobSchema, layerSchema, pendingStatusSchema, projectSchema, writeAcceptedSchema } from "./http.ts";

/*
 * Response bodies of the REST API that http.ts does not already hold. The gateway's row → body
 * mappers return these inferred types (so a drift fails the typecheck) and tests parse real answers
 * with them (so a drift fails a test). Objects are not strict: clients keep working when a field is
 * added; tests compare `parse(body)` with `body` to catch unlisted fields.
 */

export type CampaignBody = z.infer<typeof campaignSchema>;
export type LayerBody = z.infer<typeof layerSchema>;
export type JobBody = z.infer<typeof jobSchema>;

// ---------------------------------------------------------------- lists
/** A cursor page, newest first: pass `nextCursor` back as `?cursor=` until it is null. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}
export type Page<T> = z.infer<ReturnType<typeof pageSchema<z.ZodType<T>>>>;

/** GET …/layers: every layer of the project, never paginated (one per platform). */
export const layerListSchema = z.object({ data: z.array(layerSchema) });
export type LayerList = z.infer<typeof layerListSchema>;

/** POST /v1/projects (201): the project and the three layers made with it. */
export const projectWithLayersSchema = projectSchema.extend({ layers: z.array(layerSchema) });
export type ProjectWithLayers = z.infer<typeof projectWithLayersSchema>;

// ---------------------------------------------------------------- identity and health
/** GET /v1/whoami: the org and actor a credential speaks for; customers also name their project. */
export const whoamiSchema = z.union([
  z.object({
    organizationId: idSchema("organization"),
    /** The org's parent (null for a top-level org); with `X-Layers-Organization`, the acting parent. */
    parentOrganizationId: idSchema("organization").nullable(),
    actor: z.object({ type: z.literal("partner"), apiKeyId: idSchema("apiKey"), onBehalfOf: idSchema("organization").optional() }),
    scopes: z.array(z.string()),
  }),
  z.object({
    organizationId: idSchema("organization"),
    parentOrganizationId: idSchema("organization").nullable(),
    actor: z.object({ type: z.literal("customer"), userId: z.string() }),
    scopes: z.array(z.string()),
    projectId: z.uuid(),
  }),
]);
export type Whoami = z.infer<typeof whoamiSchema>;

/** GET /healthz (liveness). */
export const healthSchema = z.object({ ok: z.literal(true) });
export type Health = z.infer<typeof healthSchema>;
/** GET /readyz: 200 when both dependencies answer, 503 with the same shape otherwise. */
export const readinessSchema = z.object({ ok: z.boolean(), checks: z.object({ postgres: z.boolean(), nats: z.boolean() }) });
export type Readiness = z.infer<typeof readinessSchema>;

// ---------------------------------------------------------------- pending actions
/** A queued write awaiting approval (SPEC §3), as listed, read, and answered by reject. */
export const pendingActionSchema = z.object({
  id: idSchema("pendingAction"),
  actionType: operationSchema,
  entityName: z.string().nullable(),
  currentValue: z.record(z.string(), z.unknown()).nullable(),
  newValue: z.record(z.string(), z.unknown()).nullable(),
  rationale: z.string().nullable(),
  proposedAction: z.object({ detail: z.unknown() }),
  status: pendingStatusSchema,
  campaignId: idSchema("campaign").nullable(),
  jobId: idSchema("job"),
  dispatchedAt: z.iso.datetime().nullable(),
  dispatchedFailureReason: z.string().nullable(),
  /** Why it was rejected (`POST …/reject {reason}`); null unless `rejected`. */
  rejectReason: z.string().nullable(),
  /** Who proposed it. */
  actor: z.object({
    type: actorTypeSchema,
    organizationId: z.string().nullable(),
    apiKeyId: z.string().optional(),
    userId: z.string().optional(),
  }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type PendingActionBody = z.infer<typeof pendingActionSchema>;

/** POST …/pending/:id/reject (200): the action as it is now, `rejected`. */
export const rejectAnswerSchema = pendingActionSchema;
/** POST …/pending/:id/approve (202): the re-run's write answer, always naming the action. */
export const approveAnswerSchema = writeAcceptedSchema.extend({ pendingActionId: idSchema("pendingAction") });
export type ApproveAnswer = z.infer<typeof approveAnswerSchema>;

// ---------------------------------------------------------------- audit log
export const auditDecisionSchema = z.enum([...decisionSchema.options, "cancel"]);
export type AuditDecision = z.infer<typeof auditDecisionSchema>;
/** One gate decision (GET /v1/audit-log rows); `verdictId` is the id partners quote to support. */
export const auditEntrySchema = z.object({
  verdictId: z.uuid(),
  occurredAt: z.iso.datetime(),
  actorType: actorTypeSchema,
  actorOrganizationId: z.string().nullable(),
  actorApiKeyId: z.string().nullable(),
  actorUserId: z.string().nullable(),
  /** The child org a parent key acted inside; null when the actor acted in its own org. */
  actorOnBehalfOf: z.string().nullable(),
  operation: operationSchema,
  axis: decisionAxisSchema,
  /** A gate decision, or `cancel`: the job was canceled by the actor (`POST /v1/jobs/:id/cancel`). */
  decision: auditDecisionSchema,
  reason: denyReasonSchema.nullable(),
  projectId: z.uuid().nullable(),
  layerId: layerIdSchema.nullable(),
  platform: platformSchema.nullable(),
  pendingActionId: idSchema("pendingAction").nullable(),
  requestId: z.string().nullable(),
  /** The intent as the gate decided it. */
  intent: writeIntentSchema,
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

// ---------------------------------------------------------------- authority, defaults, policy, kill switch
/** GET …/campaigns/:id/authority: the effective block, its source, and the create modes it maps back to. */
export const campaignAuthoritySchema = z.object({
  campaignId: idSchema("campaign"),
  authority: authorityBlockSchema,
  source: campaignSchema.shape.authoritySource,
  /** `campaignManagementMode` is null when tactical and structural differ (no single mode says it). */
  modes: z.object({ campaignManagementMode: managementModeSchema.nullable(), creativeMode: managementModeSchema }),
});
export type CampaignAuthority = z.infer<typeof campaignAuthoritySchema>;

/** GET …/ads/:platform/defaults: the layer's fallback authority; `kill_switch_active` keeps the seed's spelling. */
export const defaultsViewSchema = z.object({
  layerId: layerIdSchema,
  platform: platformSchema,
  authority: authorityBlockSchema,
  kill_switch_active: z.boolean(),
});
export type DefaultsView = z.infer<typeof defaultsViewSchema>;

/** GET …/ads/:platform/policy (customer only): what partners may do on the layer. */
export const policyViewSchema = layerSchema
  .pick({ platform: true, ceiling: true, partnerWritesEnabled: true, maxDailyBudgetCents: true, writerPreset: true, killSwitchActive: true })
  .extend({ layerId: layerIdSchema });
export type PolicyView = z.infer<typeof policyViewSchema>;

/** The kill switch of a layer, as PUT …/kill-switch answers it. */
export const killSwitchViewSchema = z.object({
  layerId: layerIdSchema,
  platform: platformSchema,
  active: z.boolean(),
  reason: z.string().nullable(),
});
export type KillSwitchView = z.infer<typeof killSwitchViewSchema>;

/** A policy write the gate allowed answers 200 with the state after it and the audit row's id. */
export function appliedSchema<S extends z.ZodRawShape>(view: z.ZodObject<S>) {
  return view.extend({ verdictId: z.uuid() });
}
/**
 * Every answer of a policy write that is not an error: 200 with the new state when allowed, or
 * 202 `accepted` with the job when the gate did not answer in time (policy writes never queue).
 */
export function policyWriteAnswerSchema<S extends z.ZodRawShape>(view: z.ZodObject<S>) {
  return z.union([appliedSchema(view), writeAcceptedSchema]);
}
export const authorityAnswerSchema = policyWriteAnswerSchema(campaignAuthoritySchema);
export const defaultsAnswerSchema = policyWriteAnswerSchema(defaultsViewSchema);
export const policyAnswerSchema = policyWriteAnswerSchema(policyViewSchema);
export const killSwitchAnswerSchema = policyWriteAnswerSchema(killSwitchViewSchema);
