import { z } from "zod";
import {
  authorityPatchSchema,
  decisionAxisSchema,
  decisionSchema,
  denyReasonSchema,
  managementModeSchema,
  operationSchema,
  platformSchema,
} from "./authority.ts";
import { idSchema, layerIdSchema, uuidSchema } from "./ids.ts";
import { actorSchema } from "./messages.ts";
import { positiveMinorUnitsSchema } from "./money.ts";

/**
 * Dry-run evaluate (SPEC §4): what the gate would decide for a described write, with no side effect.
 * The gateway asks the gate over core NATS (`natsNames(p).subjects.evaluate(platform)`), outside every stream.
 */

/** The parts of a write the gate's rules read. */
export const evaluateParamsSchema = z.strictObject({
  /** `create_campaign` / `update_budget`: checked against the layer's budget cap (and the platform's money). */
  dailyBudgetCents: positiveMinorUnitsSchema.optional(),
  lifetimeBudgetCents: positiveMinorUnitsSchema.optional(),
  /** `update_authority` / `update_defaults`: the requested patch; `create_campaign`: the modes asked for (or use the two modes below). */
  authority: authorityPatchSchema.optional(),
  /** `create_campaign` as the simplified create spells it: management sets tactical + structural, creative sets creative. */
  campaignManagementMode: managementModeSchema.optional(),
  creativeMode: managementModeSchema.optional(),
});
export type EvaluateParams = z.infer<typeof evaluateParamsSchema>;

/** Operations that name a layer, never a campaign. */
export const LAYER_OPERATIONS = ["create_campaign", "update_defaults", "set_kill_switch", "update_policy"] as const;

/** `POST …/ads/{platform}/authority/evaluate`. */
export const evaluateBodySchema = z
  .strictObject({
    operation: operationSchema,
    campaignId: idSchema("campaign").optional(),
    params: evaluateParamsSchema.optional(),
  })
  .superRefine((b, ctx) => {
    const layerOp = (LAYER_OPERATIONS as readonly string[]).includes(b.operation);
    if (layerOp && b.campaignId !== undefined) {
      ctx.addIssue({ code: "custom", path: ["campaignId"], message: `${b.operation} names no campaign` });
    }
    if (b.operation === "update_authority" && b.campaignId === undefined) {
      ctx.addIssue({ code: "custom", path: ["campaignId"], message: "update_authority needs the campaign whose authority would change" });
    }
    const p = b.params;
    if (p && (p.campaignManagementMode === undefined) !== (p.creativeMode === undefined)) {
      ctx.addIssue({ code: "custom", path: ["params", p.creativeMode === undefined ? "creativeMode" : "campaignManagementMode"], message: "campaignManagementMode and creativeMode go together" });
    }
    if (p && p.campaignManagementMode !== undefined && p.authority !== undefined) {
      ctx.addIssue({ code: "custom", path: ["params", "authority"], message: "give either authority or the two modes, not both" });
    }
  });
export type EvaluateBody = z.infer<typeof evaluateBodySchema>;

/** `200` answer: the verdict the gate would give; nothing is recorded. */
export const evaluateResponseSchema = z.strictObject({
  decision: decisionSchema,
  reason: denyReasonSchema.optional(),
  axis: decisionAxisSchema,
});
export type EvaluateResponse = z.infer<typeof evaluateResponseSchema>;

/** Gateway → gate (core NATS request). The gateway has checked tenancy; the gate checks again. */
export const evaluateRequestSchema = z.strictObject({
  organizationId: idSchema("organization"),
  projectId: uuidSchema,
  layerId: layerIdSchema,
  platform: platformSchema,
  operation: operationSchema,
  campaignId: idSchema("campaign").optional(),
  actor: actorSchema,
  params: evaluateParamsSchema,
  requestId: z.string(),
});
export type EvaluateRequest = z.infer<typeof evaluateRequestSchema>;

/** Gate → gateway: the verdict, or why there is none (a layer or campaign that is not there, a bad request). */
export const evaluateReplySchema = z.discriminatedUnion("ok", [
  evaluateResponseSchema.extend({ ok: z.literal(true) }),
  z.strictObject({ ok: z.literal(false), code: z.enum(["NOT_FOUND", "VALIDATION", "INTERNAL"]), message: z.string() }),
]);
export type EvaluateReply = z.infer<typeof evaluateReplySchema>;
