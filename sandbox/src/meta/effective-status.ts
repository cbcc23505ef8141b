import type { AdObjectStatus } from "./enums.ts";
import { lifecycleStatus } from "./object-status.ts";

/**
 * `effective_status` of the lower levels: the object's own status unless a parent stops it.
 * A deleted or archived parent takes its children with it; a paused campaign shows as
 * CAMPAIGN_PAUSED and a paused ad set as ADSET_PAUSED (the campaign wins when both are paused).
 * Review states (PENDING_REVIEW, DISAPPROVED…) never occur: the sandbox approves everything.
 */
export function adSetEffectiveStatus(own: AdObjectStatus, campaign: AdObjectStatus | undefined): string {
  const parents = campaign === undefined ? [] : [campaign];
  const lifecycle = lifecycleStatus(own, parents);
  if (lifecycle !== "ACTIVE") return lifecycle;
  if (campaign === "PAUSED") return "CAMPAIGN_PAUSED";
  return "ACTIVE";
}

export function adEffectiveStatus(own: AdObjectStatus, adSet: AdObjectStatus | undefined, campaign: AdObjectStatus | undefined): string {
  const parents = [adSet, campaign].filter((s): s is AdObjectStatus => s !== undefined);
  const lifecycle = lifecycleStatus(own, parents);
  if (lifecycle !== "ACTIVE") return lifecycle;
  if (campaign === "PAUSED") return "CAMPAIGN_PAUSED";
  if (adSet === "PAUSED") return "ADSET_PAUSED";
  return "ACTIVE";
}
