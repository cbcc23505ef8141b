import { z } from "zod";
import {
  CREATES,
  isCreate,
  paramsIssue,
  setKillSwitchParamsSchema,
  updatePolicyParamsSchema,
  type AuthorityPatch,
  type ChildKind,
  type CreateAdGroupParams,
  type CreateAdParams,
  type CreateCampaignParams,
  type CreateKeywordParams,
  type Operation,
} from "@layers/contracts";

export type { CreateCampaignParams };
export type UpdatePolicyParams = z.infer<typeof updatePolicyParamsSchema>;
export type KillSwitchParams = z.infer<typeof setKillSwitchParamsSchema>;

/** What the gate reads from an intent's params, one field per concern. */
export interface IntentParams {
  /** The campaign the write targets (for a create: the id the new campaign gets). */
  campaignId: string | undefined;
  create: CreateCampaignParams | undefined;
  /** A create below campaign level: the new entity, its level and its parent (null: the campaign). */
  createChild: ChildCreate | undefined;
  dailyBudgetCents: number | undefined;
  lifetimeBudgetCents: number | undefined;
  /** `update_authority` / `update_defaults`. */
  authorityPatch: AuthorityPatch | undefined;
  killSwitch: KillSwitchParams | undefined;
  policy: UpdatePolicyParams | undefined;
  /** A human explanation a proposer (the optimizer) may attach; not part of the operation itself. */
  rationale: string | undefined;
}

export interface ChildCreate {
  kind: ChildKind;
  entityId: string;
  parentId: string | null;
  name: string;
  status: string;
  params: CreateAdGroupParams | CreateAdParams | CreateKeywordParams;
}

/** Operations whose `dailyBudgetCents` the budget cap checks. */
const BUDGETED: ReadonlySet<Operation> = new Set(["create_campaign", "create_adset", "create_adgroup", "update_budget"]);

export type ParamsResult = { ok: true; params: IntentParams } | { ok: false; error: string };

/**
 * What the gate reads from an intent's params. No second parse: `writeIntentSchema` checked the
 * params against the operation's contract when the stored intent was parsed (`paramsIssue`); a
 * caller holding unchecked params gets the same answer here (a mismatch is a bug upstream, never a verdict).
 */
export function readIntentParams(operation: Operation, raw: Record<string, unknown>, checked = false): ParamsResult {
  const issue = checked ? undefined : paramsIssue(operation, raw);
  if (issue) return { ok: false, error: issue };
  const { rationale, ...p } = raw;
  const num = (v: unknown) => (typeof v === "number" ? v : undefined);
  return {
    ok: true,
    params: {
      campaignId: typeof p.campaignId === "string" ? p.campaignId : undefined,
      create: operation === "create_campaign" ? (p as CreateCampaignParams) : undefined,
      createChild: childCreateOf(operation, p),
      dailyBudgetCents: BUDGETED.has(operation) ? num(p.dailyBudgetCents) : undefined,
      lifetimeBudgetCents: BUDGETED.has(operation) ? num(p.lifetimeBudgetCents) : undefined,
      authorityPatch: operation === "update_authority" || operation === "update_defaults" ? (p.authority as AuthorityPatch) : undefined,
      killSwitch: operation === "set_kill_switch" ? (p as KillSwitchParams) : undefined,
      policy: operation === "update_policy" ? (p as UpdatePolicyParams) : undefined,
      rationale: rationale as string | undefined,
    },
  };
}

function childCreateOf(op: Operation, p: Record<string, unknown>): ChildCreate | undefined {
  if (!isCreate(op) || op === "create_campaign") return undefined;
  const params = p as unknown as CreateAdGroupParams | CreateAdParams | CreateKeywordParams;
  const name = "name" in params ? params.name : (params as CreateKeywordParams).text;
  return {
    kind: CREATES[op],
    entityId: params.entityId,
    parentId: "parentId" in params ? params.parentId : null,
    name,
    status: params.status,
    params,
  };
}
