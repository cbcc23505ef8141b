import {
  AXES,
  axisOf,
  isPlatformBound,
  modeRank,
  OPERATION_AXIS,
  type ActorType,
  type AuthorityBlock,
  type AuthorityPatch,
  type Axis,
  type Decision,
  type DecisionAxis,
  type DenyReason,
  type Operation,
  type Platform,
  type WriterPreset,
} from "@layers/contracts";

/** The layer-level policy the gate reads: customer controls and defaults of one (project, platform). */
export interface LayerPolicy {
  platform: Platform;
  killSwitchActive: boolean;
  /** The customer's consent to partner writes on this layer. */
  partnerWritesEnabled: boolean;
  /** The most authority a partner may grant, per axis. */
  ceiling: AuthorityBlock;
  /** Authority of creates and of campaigns without their own block. */
  defaults: AuthorityBlock;
  /** Cap on any daily budget, in the layer currency's minor unit; null = no cap. */
  maxDailyBudgetCents: number | null;
  /** Apple only; null means the default, `ADGROUP_GRAIN`. */
  writerPreset: WriterPreset | null;
}

export interface PolicyState {
  layer: LayerPolicy;
  /** The target campaign's own block; null when it has none (or the write targets no campaign): the layer defaults apply. */
  campaignAuthority: AuthorityBlock | null;
}

export interface GateInput {
  operation: Operation;
  actorType: ActorType;
  /** A pending action re-run after approval: the approval satisfies `draft`, everything else is checked again. */
  approvedRerun: boolean;
  /** `update_authority` / `update_defaults`: the requested patch; `create_campaign`: the block asked for at create. */
  requestedAuthority?: AuthorityPatch;
  /** `create_campaign` / `update_budget`: the requested daily budget (minor units). */
  dailyBudgetCents?: number;
}

export interface GateDecision {
  decision: Decision;
  reason?: DenyReason;
  axis: DecisionAxis;
}

/**
 * The gate (SPEC §4): seven checks in order, the first that fails decides. Pure: every input the
 * rules read is in `input` and `policy`, so the evaluate endpoint and the tests get the same answer.
 */
export function decide(input: GateInput, policy: PolicyState): GateDecision {
  const { operation: op, actorType: actor } = input;
  const { layer } = policy;
  const axis = axisOf(op);
  const deny = (reason: DenyReason): GateDecision => ({ decision: "deny", reason, axis });

  // 1. Kill switch and policy ceiling belong to the customer alone.
  if (OPERATION_AXIS[op] === "customer_only" && actor !== "customer") return deny("not_partner_writable");
  // 2. Policy operations stay possible so the customer can release the switch and fix authority.
  if (layer.killSwitchActive && isPlatformBound(op)) return deny("kill_switch_active");
  // 3.
  if (actor === "partner" && !layer.partnerWritesEnabled) return deny("partner_consent_missing");
  // 4. A partner cannot grant itself more than the customer allows.
  if (actor === "partner" && raisesAboveCeiling(input, policy)) return deny("exceeds_customer_policy");
  // Policy has no axis mode: a policy operation that got this far is allowed.
  if (!isPlatformBound(op)) return { decision: "allow", axis };
  // 5. A customer creating on Apple is the human in the loop; partners and the optimizer need END_TO_END.
  if (
    op === "create_campaign" &&
    layer.platform === "apple" &&
    (actor === "partner" || actor === "optimizer") &&
    (layer.writerPreset ?? "ADGROUP_GRAIN") !== "END_TO_END"
  ) {
    return deny("apple_adgroup_grain_violation");
  }
  // 6. Creates are gated by the layer defaults (the campaign has no block yet).
  const block = op === "create_campaign" ? layer.defaults : (policy.campaignAuthority ?? layer.defaults);
  const mode = block[axis as Axis];
  if (mode === "off") return deny("authority_axis_off");
  if (mode === "draft" && !input.approvedRerun) return { decision: "queue_for_approval", axis };
  // 7. Safety checks.
  if (input.dailyBudgetCents !== undefined && layer.maxDailyBudgetCents !== null && input.dailyBudgetCents > layer.maxDailyBudgetCents) {
    return deny("budget_cap_exceeded");
  }
  return { decision: "allow", axis };
}

/**
 * The authority a policy change is compared with: the campaign's effective block, the layer defaults,
 * or nothing for a create (every requested mode then counts as a grant).
 */
function currentAuthorityFor(op: Operation, policy: PolicyState): AuthorityBlock | null {
  if (op === "update_authority") return policy.campaignAuthority ?? policy.layer.defaults;
  if (op === "update_defaults") return policy.layer.defaults;
  return null;
}

/** Lowering is always allowed, and a mode equal to the current one is not a raise. */
function raisesAboveCeiling(input: GateInput, policy: PolicyState): boolean {
  const { operation: op, requestedAuthority: requested } = input;
  if (!requested || (op !== "update_authority" && op !== "update_defaults" && op !== "create_campaign")) return false;
  const current = currentAuthorityFor(op, policy);
  const ceiling = policy.layer.ceiling;
  return AXES.some((axis) => {
    const want = requested[axis];
    if (want === undefined) return false;
    const isRaise = current === null || modeRank(want) > modeRank(current[axis]);
    return isRaise && modeRank(want) > modeRank(ceiling[axis]);
  });
}
