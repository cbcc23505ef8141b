import { z } from "zod";
import { decisionSchema, denyReasonSchema, platformSchema } from "./authority.ts";
import { entityKindSchema } from "./entities.ts";
import { idSchema, layerIdSchema, uuidSchema } from "./ids.ts";

/**
 * The optimizer (SPEC §8). The gateway asks it to start a run over core NATS
 * (`natsNames(p).subjects.optimizerRun`, queue group `optimizer`): the optimizer alone owns its
 * tables, and answers a conflict with the open run's id.
 */

/** The contract platform names of the optimizer's HTTP surface. */
export const optimizerPlatformSchema = z.enum(["meta_ads", "tiktok_ads", "apple_ads"]);
export type OptimizerPlatform = z.infer<typeof optimizerPlatformSchema>;
export const PLATFORM_OF_OPTIMIZER_PLATFORM = { meta_ads: "meta", tiktok_ads: "tiktok", apple_ads: "apple" } as const;

/** `POST /v1/projects/:projectId/ads/optimizer/run`. */
export const optimizerRunBodySchema = z.strictObject({
  layerId: layerIdSchema,
  platform: optimizerPlatformSchema,
  dryRun: z.boolean().default(false),
});
export type OptimizerRunBody = z.infer<typeof optimizerRunBodySchema>;

/** `202` answer of a run request: the run's job (`GET /v1/jobs/:jobId`) and the run itself. */
export const optimizerRunAcceptedSchema = z.strictObject({ jobId: idSchema("job"), runId: idSchema("optimizerRun") });
export type OptimizerRunAccepted = z.infer<typeof optimizerRunAcceptedSchema>;

/** The `kind` of a run's job; its `result` is `optimizerRunJobResultSchema`. */
export const OPTIMIZER_RUN_JOB_KIND = "ads.optimizer.run";
/** A run job's `result`: the run's id from the start, its counts once it completed. */
export const optimizerRunJobResultSchema = z.strictObject({
  runId: idSchema("optimizerRun"),
  dryRun: z.boolean(),
  proposals: z.number().int().nonnegative().optional(),
  allowed: z.number().int().nonnegative().optional(),
  queued: z.number().int().nonnegative().optional(),
  denied: z.number().int().nonnegative().optional(),
});
export type OptimizerRunJobResult = z.infer<typeof optimizerRunJobResultSchema>;

/** Gateway → optimizer. The gateway checked tenancy; the optimizer checks layer, project and platform again. */
export const optimizerRunRequestSchema = z.strictObject({
  organizationId: idSchema("organization"),
  projectId: uuidSchema,
  layerId: layerIdSchema,
  platform: platformSchema,
  dryRun: z.boolean(),
  requestId: z.string(),
});
export type OptimizerRunRequest = z.infer<typeof optimizerRunRequestSchema>;

export const optimizerRunReplySchema = z.discriminatedUnion("ok", [
  z.strictObject({ ok: z.literal(true), runId: idSchema("optimizerRun"), jobId: idSchema("job") }),
  z.strictObject({
    ok: z.literal(false),
    code: z.enum(["CONFLICT", "NOT_FOUND", "VALIDATION", "INTERNAL"]),
    message: z.string(),
    /** CONFLICT: the run already queued or running on the layer. */
    runId: idSchema("optimizerRun").optional(),
  }),
]);
export type OptimizerRunReply = z.infer<typeof optimizerRunReplySchema>;

export const proposalVerdictSchema = z.strictObject({
  /** null while the gate has not decided (it will; the job shows the verdict). */
  decision: decisionSchema.nullable(),
  reason: denyReasonSchema.optional(),
  verdictId: z.string().optional(),
});

export const optimizerProposalSchema = z.strictObject({
  id: idSchema("proposal"),
  rule: z.enum(["pause_without_results", "move_budget", "replace_fatigued_creative"]),
  actionType: z.string(),
  entity: z.strictObject({ level: entityKindSchema, id: z.string(), name: z.string() }),
  currentValue: z.unknown(),
  newValue: z.unknown(),
  rationale: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  verdict: proposalVerdictSchema,
  pendingActionId: idSchema("pendingAction").optional(),
  jobId: idSchema("job").optional(),
});
export type OptimizerProposal = z.infer<typeof optimizerProposalSchema>;

export const optimizerRunSummarySchema = z.strictObject({
  proposals: z.number().int().nonnegative(),
  allowed: z.number().int().nonnegative(),
  queued: z.number().int().nonnegative(),
  denied: z.number().int().nonnegative(),
  /** Proposals a rail held back, and why. */
  held: z.array(z.strictObject({ entityId: z.string(), actionType: z.string(), reason: z.string() })),
  /** What a rule wanted but could not do (e.g. no eligible creative). */
  notes: z.array(z.string()),
  /** Humanized change list. */
  changes: z.array(z.string()),
  metrics: z.strictObject({ rows: z.number().int().nonnegative(), unknownObjects: z.number().int().nonnegative() }),
});
export type OptimizerRunSummary = z.infer<typeof optimizerRunSummarySchema>;

/** `GET …/ads/optimizer/runs/:runId` (and each item of the list). */
export const optimizerRunSchema = z.strictObject({
  id: idSchema("optimizerRun"),
  /** The run's job (null for runs stored before runs had jobs). */
  jobId: idSchema("job").nullable(),
  layerId: layerIdSchema,
  platform: optimizerPlatformSchema,
  status: z.enum(["queued", "running", "completed", "failed"]),
  trigger: z.enum(["api", "schedule"]),
  dryRun: z.boolean(),
  window: z.strictObject({ since: z.string(), until: z.string() }),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  summary: optimizerRunSummarySchema.nullable(),
  error: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
  proposals: z.array(optimizerProposalSchema),
});
export type OptimizerRun = z.infer<typeof optimizerRunSchema>;

export const optimizerRunListSchema = z.strictObject({ data: z.array(optimizerRunSchema) });
