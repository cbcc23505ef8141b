import { z } from "zod";
import {
  createCampaignParamsSchema,
  lifecycleParamsSchema,
  setKillSwitchParamsSchema,
  updateAuthorityParamsSchema,
  updateBudgetParamsSchema,
  updateDefaultsParamsSchema,
  updatePolicyParamsSchema,
  type AuthorityPatch,
  type Operation,
} from "@layers/contracts";

export type CreateCampaignParams = z.infer<typeof createCampaignParamsSchema>;
export type UpdatePolicyParams = z.infer<typeof updatePolicyParamsSchema>;
export type KillSwitchParams = z.infer<typeof setKillSwitchParamsSchema>;

/** What the gate reads from an intent's params, one field per concern. */
export interface IntentParams {
  /** The campaign the write targets (for a create: the id the new campaign gets). */
  campaignId: string | undefined;
  create: CreateCampaignParams | undefined;
  dailyBudgetCents: number | undefined;
  lifetimeBudgetCents: number | undefined;
  /** `update_authority` / `update_defaults`. */
  authorityPatch: AuthorityPatch | undefined;
  killSwitch: KillSwitchParams | undefined;
  policy: UpdatePolicyParams | undefined;
  /** A human explanation a proposer (the optimizer) may attach; not part of the operation itself. */
  rationale: string | undefined;
}

// Operations whose params have a contract; the rest (ad sets, ads, keywords, bids, creatives…) only
// need to name their campaign, which their dispatcher validates in full.
const SCHEMAS: Partial<Record<Operation, z.ZodType<Record<string, unknown>>>> = {
  create_campaign: createCampaignParamsSchema,
  update_budget: updateBudgetParamsSchema,
  pause_campaign: lifecycleParamsSchema,
  resume_campaign: lifecycleParamsSchema,
  archive_campaign: lifecycleParamsSchema,
  delete_campaign: lifecycleParamsSchema,
  update_authority: updateAuthorityParamsSchema,
  update_defaults: updateDefaultsParamsSchema,
  set_kill_switch: setKillSwitchParamsSchema,
  update_policy: updatePolicyParamsSchema,
};
const looseParamsSchema = z.looseObject({ campaignId: z.string().optional() });

export type ParamsResult = { ok: true; params: IntentParams } | { ok: false; error: string };

/** Validates an intent's params against its operation's contract (a mismatch is a bug upstream, never a verdict). */
export function readIntentParams(operation: Operation, raw: Record<string, unknown>): ParamsResult {
  const { rationale, ...rest } = raw;
  if (rationale !== undefined && typeof rationale !== "string") return { ok: false, error: "params.rationale must be a string" };
  const parsed = (SCHEMAS[operation] ?? looseParamsSchema).safeParse(rest);
  if (!parsed.success) return { ok: false, error: `params do not match ${operation}: ${parsed.error.message.slice(0, 500)}` };
  const p = parsed.data as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === "number" ? v : undefined);
  return {
    ok: true,
    params: {
      campaignId: typeof p.campaignId === "string" ? p.campaignId : undefined,
      create: operation === "create_campaign" ? (p as CreateCampaignParams) : undefined,
      dailyBudgetCents: operation === "create_campaign" || operation === "update_budget" ? num(p.dailyBudgetCents) : undefined,
      lifetimeBudgetCents: operation === "create_campaign" || operation === "update_budget" ? num(p.lifetimeBudgetCents) : undefined,
      authorityPatch: operation === "update_authority" || operation === "update_defaults" ? (p.authority as AuthorityPatch) : undefined,
      killSwitch: operation === "set_kill_switch" ? (p as KillSwitchParams) : undefined,
      policy: operation === "update_policy" ? (p as UpdatePolicyParams) : undefined,
      rationale: rationale as string | undefined,
    },
  };
}
