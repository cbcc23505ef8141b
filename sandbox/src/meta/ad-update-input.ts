import { readAdLabelRefs } from "./adlabel-refs.ts";
import { readCreativeRef } from "./ad-creative-ref.ts";
import { readName } from "./campaign-fields-input.ts";
import { CAMPAIGN_STATUSES, type AdObjectStatus } from "./enums.ts";
import { readEnum, readId, type GraphParams } from "./graph-params.ts";
import type { AdLabelRef } from "./meta-types.ts";

/** The fields a `POST /{ad_id}` asked to change. */
export interface AdPatch {
  name?: string;
  status?: AdObjectStatus;
  /** A creative swap: the ad shows another existing creative. */
  creativeId?: string;
  adlabels?: AdLabelRef[];
  /** Sent but fixed after create; kept so the state rules can refuse a different value. */
  adSetId?: string;
}

export function parseAdUpdate(params: GraphParams): AdPatch {
  const patch: AdPatch = {};
  const name = readName(params);
  if (name !== undefined) patch.name = name;
  const status = readEnum(params, "status", CAMPAIGN_STATUSES);
  if (status !== undefined) patch.status = status;
  const creativeId = readCreativeRef(params);
  if (creativeId !== undefined) patch.creativeId = creativeId;
  const adlabels = readAdLabelRefs(params);
  if (adlabels !== undefined) patch.adlabels = adlabels;
  const adSetId = readId(params, "adset_id");
  if (adSetId !== undefined) patch.adSetId = adSetId;
  return patch;
}

const GRAPH_NAMES: Readonly<Record<string, string>> = {
  name: "name", status: "status", creativeId: "creative", adlabels: "adlabels", adlabelIds: "adlabels", adSetId: "adset_id",
};

/** Keys of a patch (raw or label-resolved) that carry a value, in Graph spelling. */
export function adPatchFieldNames(patch: object): string[] {
  return Object.entries(patch)
    .filter(([k, v]) => v !== undefined && GRAPH_NAMES[k] !== undefined)
    .map(([k]) => GRAPH_NAMES[k] as string);
}
