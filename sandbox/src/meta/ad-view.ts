import { assertAdSetSelection, renderAdSet } from "./adset-view.ts";
import { assertCampaignSelection, renderCampaign, renderLabels } from "./campaign-view.ts";
import { assertCreativeSelection, renderCreative } from "./creative-view.ts";
import { adEffectiveStatus } from "./effective-status.ts";
import { assertKnownFields, nestedWithId, type FieldSelection } from "./field-selection.ts";
import { nonexistingField } from "./graph-errors.ts";
import { formatGraphTime } from "./graph-time.ts";
import { AD_FIELDS, AD_LABEL_FIELDS } from "./known-fields.ts";
import type { MetaAd, MetaLookup } from "./meta-types.ts";

/**
 * Renders an ad. `creative`, `adset` and `campaign` read as `{id}`, or expanded with
 * `creative{name,object_story_spec}` and the like, as on Graph.
 */
export function renderAd(ad: MetaAd, selection: readonly FieldSelection[], lookup: MetaLookup): Record<string, unknown> {
  assertAdSelection(selection);
  const out: Record<string, unknown> = {};
  for (const f of selection) {
    const v = adField(ad, f, lookup);
    if (v !== undefined) out[f.name] = v;
  }
  return out;
}

export function assertAdSelection(selection: readonly FieldSelection[]): void {
  assertKnownFields(selection, AD_FIELDS, "Ad", {
    adlabels: (sub) => {
      for (const s of sub) if (!AD_LABEL_FIELDS.has(s.name)) throw nonexistingField(s.name, "AdLabel");
    },
    creative: assertCreativeSelection,
    adset: assertAdSetSelection,
    campaign: assertCampaignSelection,
  });
}

function adField(ad: MetaAd, f: FieldSelection, lookup: MetaLookup): unknown {
  const adSet = lookup.adSet(ad.adSetId);
  const campaign = lookup.campaign(ad.campaignId);
  switch (f.name) {
    case "id": return ad.id;
    case "name": return ad.name;
    case "account_id": return ad.accountId;
    case "adset_id": return ad.adSetId;
    case "campaign_id": return ad.campaignId;
    case "status":
    case "configured_status": return ad.status;
    case "effective_status": return adEffectiveStatus(ad.status, adSet?.status, campaign?.status);
    case "creative": {
      const creative = lookup.creative(ad.creativeId);
      if (f.sub === undefined || creative === undefined) return { id: ad.creativeId };
      return renderCreative(creative, nestedWithId(f.sub), lookup);
    }
    case "adset":
      if (f.sub === undefined || adSet === undefined) return { id: ad.adSetId };
      return renderAdSet(adSet, nestedWithId(f.sub), lookup);
    case "campaign":
      if (f.sub === undefined || campaign === undefined) return { id: ad.campaignId };
      return renderCampaign(campaign, nestedWithId(f.sub), (id) => lookup.label(id));
    case "created_time": return formatGraphTime(new Date(ad.createdTime));
    case "updated_time": return formatGraphTime(new Date(ad.updatedTime));
    case "adlabels": return renderLabels(ad.adlabelIds, f.sub, (id) => lookup.label(id));
    default: return undefined;
  }
}
