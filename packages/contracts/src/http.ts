import { z } from "zod";
import {
  authorityBlockSchema,
  authorityPatchSchema,
  decisionSchema,
  managementModeSchema,
  platformSchema,
  writerPresetSchema,
} from "./authority.ts";
import { idSchema } from "./ids.ts";
import { currencySchema, minorUnitsSchema, positiveMinorUnitsSchema } from "./money.ts";

// ---------------------------------------------------------------- projects
export const createProjectBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  customerExternalId: z.string().min(1).max(200).optional(),
  timezone: z.string().min(1).max(64).optional(),
  primaryLanguage: z.string().min(2).max(16).optional(),
});
export const patchProjectBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    customerExternalId: z.string().min(1).max(200).nullable().optional(),
    timezone: z.string().min(1).max(64).optional(),
    primaryLanguage: z.string().min(2).max(16).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "at least one field is required" });
export const projectSchema = z.object({
  id: z.uuid(),
  organizationId: z.string(),
  name: z.string(),
  customerExternalId: z.string().nullable(),
  timezone: z.string().nullable(),
  primaryLanguage: z.string().nullable(),
  status: z.enum(["active", "archived"]),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProjectBody = z.infer<typeof projectSchema>;

// ---------------------------------------------------------------- layers
export const layerSchema = z.object({
  id: z.string(),
  projectId: z.uuid(),
  platform: platformSchema,
  currency: z.string(),
  defaults: authorityBlockSchema,
  ceiling: authorityBlockSchema,
  killSwitchActive: z.boolean(),
  partnerWritesEnabled: z.boolean(),
  maxDailyBudgetCents: z.number().nullable(),
  writerPreset: writerPresetSchema.nullable(),
  createdAt: z.string(),
});

// ---------------------------------------------------------------- campaigns
export const budgetBodySchema = z
  .strictObject({ dailyBudgetCents: positiveMinorUnitsSchema.optional(), lifetimeBudgetCents: positiveMinorUnitsSchema.optional() })
  .refine((b) => (b.dailyBudgetCents === undefined) !== (b.lifetimeBudgetCents === undefined), {
    message: "exactly one of dailyBudgetCents or lifetimeBudgetCents is required",
    path: ["dailyBudgetCents"],
  });
/** pause / resume / archive take no body; an empty object is accepted. */
export const emptyBodySchema = z.strictObject({});

export const campaignSchema = z.object({
  id: z.string(),
  projectId: z.uuid(),
  layerId: z.string(),
  platform: platformSchema,
  adAccountId: z.string(),
  platformCampaignId: z.string().nullable(),
  name: z.string(),
  outcome: z.string().nullable(),
  objective: z.string().nullable(),
  status: z.string(),
  dailyBudgetCents: z.number().nullable(),
  lifetimeBudgetCents: z.number().nullable(),
  bidStrategy: z.string().nullable(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  targeting: z.record(z.string(), z.unknown()).nullable(),
  /** Platform-specific settings kept from the create (Apple `adamId`, `countriesOrRegions`, …). */
  attributes: z.record(z.string(), z.unknown()),
  currency: z.string(),
  origin: z.enum(["layers", "platform"]),
  authority: authorityBlockSchema,
  authoritySource: z.enum(["campaign", "defaults"]),
  createdAt: z.string(),
  updatedAt: z.string(),
});

// ---------------------------------------------------------------- authority, defaults, policy
export const authorityPatchBodySchema = z.strictObject({ authority: authorityPatchSchema });
export const killSwitchBodySchema = z.strictObject({ active: z.boolean(), reason: z.string().max(500).optional() });
export const policyPatchBodySchema = z
  .strictObject({
    ceiling: authorityPatchSchema.optional(),
    partnerWritesEnabled: z.boolean().optional(),
    maxDailyBudgetCents: minorUnitsSchema.nullable().optional(),
    writerPreset: writerPresetSchema.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "at least one field is required" });

// ---------------------------------------------------------------- pending
/** `canceled`: withdrawn because its job was canceled (`POST /v1/jobs/:id/cancel`). */
export const pendingStatusSchema = z.enum(["pending", "approved", "rejected", "dispatched", "dispatch_failed", "expired", "canceled"]);
export const approveBodySchema = z.strictObject({ comment: z.string().max(2000).optional() });
export const rejectBodySchema = z.strictObject({ reason: z.string().min(1).max(2000) });
/** POST /v1/jobs/:jobId/cancel takes no fields (a missing body counts as `{}`). */
export const cancelJobBodySchema = z.strictObject({});

// ---------------------------------------------------------------- write answers
/** 202 answers of a gated platform write. */
export const writeAcceptedSchema = z.object({
  status: z.enum(["dispatching", "pending_approval", "accepted"]),
  jobId: z.string(),
  verdictId: z.uuid().optional(),
  pendingActionId: z.string().optional(),
  campaignId: z.string().optional(),
  /** The ad set / ad group / ad / keyword written (for a create: its new id). */
  entityId: z.string().optional(),
});
export type WriteAccepted = z.infer<typeof writeAcceptedSchema>;

export const JOB_STATUSES = ["queued", "running", "completed", "failed", "canceled"] as const;
export const jobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatusName = z.infer<typeof jobStatusSchema>;
/** A job in one of these states changes no more: its event stream ends (a redriven `failed` job is a new run). */
export const FINISHED_JOB_STATUSES: readonly JobStatusName[] = ["completed", "failed", "canceled"];
/** GET /v1/jobs/:id; the SSE stream's `data:` (docs/jobs.md). */
export const jobSchema = z.object({
  id: z.string(),
  /** `ads.<operation>` for a write; `ads.optimizer.run` for an optimizer run (`result`: `optimizerRunJobResultSchema`). */
  kind: z.string(),
  status: jobStatusSchema,
  organizationId: z.string(),
  projectId: z.uuid().nullable(),
  verdict: z.object({ verdictId: z.uuid(), decision: decisionSchema, reason: z.string().nullable() }).nullable(),
  pendingActionId: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.object({ code: z.string(), message: z.string(), reason: z.string().optional() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
});

export const currencyOverrideSchema = currencySchema;
