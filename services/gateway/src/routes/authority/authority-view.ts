import { MANAGEMENT_OF_MODE, type CampaignAuthority } from "@layers/contracts";
import { effectiveAuthority } from "../../repositories/campaigns.repository.ts";

/**
 * GET …/authority: the effective block, where it comes from, and the simplified-create modes it
 * maps back to (management mode only when tactical and structural agree; otherwise null).
 */
export function authorityView(campaign: { id: string; authority: unknown; layer_defaults: unknown }): CampaignAuthority {
  const { authority, source } = effectiveAuthority(campaign);
  return {
    campaignId: campaign.id,
    authority,
    source,
    modes: {
      campaignManagementMode: authority.tactical === authority.structural ? MANAGEMENT_OF_MODE[authority.tactical] : null,
      creativeMode: MANAGEMENT_OF_MODE[authority.creative],
    },
  };
}
