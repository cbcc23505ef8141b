import { z } from "zod";

export const PLATFORMS = ["meta", "tiktok", "apple"] as const;
export const platformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof platformSchema>;

/** The OAuth / optimizer spelling of a platform (`meta_ads`), as in the seeds. */
export const platformAdsSchema = z.enum(["meta_ads", "tiktok_ads", "apple_ads"]);
export const PLATFORM_OF_ADS = { meta_ads: "meta", tiktok_ads: "tiktok", apple_ads: "apple" } as const;

export const AXES = ["creative", "tactical", "structural"] as const;
export const axisSchema = z.enum(AXES);
export type Axis = z.infer<typeof axisSchema>;

export const MODES = ["off", "draft", "auto"] as const;
export const modeSchema = z.enum(MODES);
export type Mode = z.infer<typeof modeSchema>;
const MODE_RANK: Record<Mode, number> = { off: 0, draft: 1, auto: 2 };
export function modeRank(m: Mode): number {
  return MODE_RANK[m];
}

export const authorityBlockSchema = z.strictObject({
  creative: modeSchema,
  tactical: modeSchema,
  structural: modeSchema,
});
export type AuthorityBlock = z.infer<typeof authorityBlockSchema>;
export const authorityPatchSchema = authorityBlockSchema.partial();
export type AuthorityPatch = z.infer<typeof authorityPatchSchema>;

/** The partner-facing management modes of the simplified create, and the axis mode each maps to. */
export const managementModeSchema = z.enum(["manual", "draft", "autopilot"]);
export type ManagementMode = z.infer<typeof managementModeSchema>;
export const MODE_OF_MANAGEMENT: Record<ManagementMode, Mode> = { manual: "off", draft: "draft", autopilot: "auto" };
export const MANAGEMENT_OF_MODE: Record<Mode, ManagementMode> = { off: "manual", draft: "draft", auto: "autopilot" };

/** campaignManagementMode sets tactical + structural; creativeMode sets creative. */
export function authorityFromModes(campaignManagementMode: ManagementMode, creativeMode: ManagementMode): AuthorityBlock {
  const m = MODE_OF_MANAGEMENT[campaignManagementMode];
  return { creative: MODE_OF_MANAGEMENT[creativeMode], tactical: m, structural: m };
}

/** A new layer starts conservative: nothing reaches a platform until the customer opts in. */
export const NEW_LAYER_DEFAULTS: AuthorityBlock = { creative: "draft", tactical: "draft", structural: "draft" };
export const NEW_LAYER_CEILING: AuthorityBlock = { creative: "auto", tactical: "auto", structural: "auto" };

export const writerPresetSchema = z.enum(["END_TO_END", "ADGROUP_GRAIN"]);
export type WriterPreset = z.infer<typeof writerPresetSchema>;

/**
 * Operation → axis (SPEC §4). `policy` operations change Layers state only; `customer_only`
 * operations are also policy-class but may be done by the customer alone (gate check 1).
 */
export const OPERATION_AXIS = {
  create_campaign: "structural",
  update_campaign: "structural",
  pause_campaign: "structural",
  resume_campaign: "structural",
  archive_campaign: "structural",
  delete_campaign: "structural",
  create_adset: "structural",
  update_adset: "structural",
  pause_adset: "structural",
  resume_adset: "structural",
  archive_adset: "structural",
  delete_adset: "structural",
  create_adgroup: "structural",
  update_adgroup: "structural",
  pause_adgroup: "structural",
  resume_adgroup: "structural",
  archive_adgroup: "structural",
  delete_adgroup: "structural",
  create_ad: "structural",
  update_ad: "structural",
  pause_ad: "structural",
  resume_ad: "structural",
  archive_ad: "structural",
  delete_ad: "structural",
  create_keyword: "structural",
  pause_keyword: "structural",
  resume_keyword: "structural",
  archive_keyword: "structural",
  delete_keyword: "structural",
  update_budget: "tactical",
  update_bid: "tactical",
  update_schedule: "tactical",
  update_targeting: "tactical",
  push_creative: "creative",
  replace_creative: "creative",
  prune_creative: "creative",
  update_authority: "policy",
  update_defaults: "policy",
  set_kill_switch: "customer_only",
  update_policy: "customer_only",
} as const;
export type Operation = keyof typeof OPERATION_AXIS;
export type OperationClass = (typeof OPERATION_AXIS)[Operation];
export const operationSchema = z.enum(Object.keys(OPERATION_AXIS) as [Operation, ...Operation[]]);

/** The axis recorded on audit rows and evaluate answers: platform axes, or `policy` for Layers-only changes. */
export const decisionAxisSchema = z.enum([...AXES, "policy"]);
export type DecisionAxis = z.infer<typeof decisionAxisSchema>;
export function axisOf(op: Operation): DecisionAxis {
  const cls = OPERATION_AXIS[op];
  return cls === "customer_only" ? "policy" : cls;
}
export function isPlatformBound(op: Operation): boolean {
  const cls = OPERATION_AXIS[op];
  return cls !== "policy" && cls !== "customer_only";
}

export const ACTOR_TYPES = ["partner", "customer", "optimizer", "system"] as const;
export const actorTypeSchema = z.enum(ACTOR_TYPES);
export type ActorType = z.infer<typeof actorTypeSchema>;

/** Gate reason codes (SPEC §4), in check order. */
export const DENY_REASONS = [
  "not_partner_writable",
  "kill_switch_active",
  "partner_consent_missing",
  "exceeds_customer_policy",
  "apple_adgroup_grain_violation",
  "authority_axis_off",
  "budget_cap_exceeded",
] as const;
export const denyReasonSchema = z.enum(DENY_REASONS);
export type DenyReason = z.infer<typeof denyReasonSchema>;

export const DECISIONS = ["allow", "queue_for_approval", "deny"] as const;
export const decisionSchema = z.enum(DECISIONS);
export type Decision = z.infer<typeof decisionSchema>;
