import type { AuthorityBlock, Operation } from "@layers/contracts";
import type { LayerPolicyPatch } from "@layers/db";
import { applyAuthorityPatch } from "./apply-authority-patch.ts";
import type { LayerPolicy } from "./decide.ts";
import type { IntentParams } from "./intent-params.ts";

/** Layer columns a policy operation may change (undefined = unchanged): what `updateLayerPolicy` applies. */
export type LayerPatch = LayerPolicyPatch;

export interface PolicyChange {
  layer: LayerPatch | null;
  /** `update_authority`: the campaign's new block (the effective one merged with the patch). */
  campaignAuthority: AuthorityBlock | null;
  /** The state after the change, answered to the caller and kept on the job. */
  result: Record<string, unknown>;
}

/**
 * What an allowed policy operation changes. `current` is the layer before the change and
 * `campaignAuthority` the target campaign's own block (null: it inherits the defaults).
 */
export function policyChange(
  op: Operation,
  params: IntentParams,
  current: LayerPolicy & { killSwitchReason: string | null },
  campaignAuthority: AuthorityBlock | null,
): PolicyChange {
  switch (op) {
    case "update_authority": {
      const authority = applyAuthorityPatch(campaignAuthority ?? current.defaults, params.authorityPatch ?? {});
      return { layer: null, campaignAuthority: authority, result: { campaignId: params.campaignId, authority, authoritySource: "campaign" } };
    }
    case "update_defaults": {
      const defaults = applyAuthorityPatch(current.defaults, params.authorityPatch ?? {});
      return { layer: { defaults }, campaignAuthority: null, result: { authority: defaults, killSwitchActive: current.killSwitchActive } };
    }
    case "set_kill_switch": {
      const active = params.killSwitch?.active ?? current.killSwitchActive;
      const reason = params.killSwitch?.reason ?? null;
      return { layer: { killSwitchActive: active, killSwitchReason: reason }, campaignAuthority: null, result: { killSwitchActive: active, reason } };
    }
    case "update_policy": {
      const p = params.policy ?? {};
      const next = {
        ceiling: applyAuthorityPatch(current.ceiling, p.ceiling ?? {}),
        partnerWritesEnabled: p.partnerWritesEnabled ?? current.partnerWritesEnabled,
        // null clears the cap; omitted keeps it.
        maxDailyBudgetCents: p.maxDailyBudgetCents === undefined ? current.maxDailyBudgetCents : p.maxDailyBudgetCents,
        writerPreset: p.writerPreset ?? current.writerPreset,
      };
      const layer: LayerPatch = {
        ceiling: next.ceiling,
        partnerWritesEnabled: next.partnerWritesEnabled,
        maxDailyBudgetCents: next.maxDailyBudgetCents,
        ...(p.writerPreset ? { writerPreset: p.writerPreset } : {}),
      };
      return { layer, campaignAuthority: null, result: next };
    }
    default:
      throw new RangeError(`${op} is not a policy operation`);
  }
}
