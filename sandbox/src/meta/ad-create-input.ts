import { readAdLabelRefs } from "./adlabel-refs.ts";
import { readCreativeRef } from "./ad-creative-ref.ts";
import { readName } from "./campaign-fields-input.ts";
import { CREATE_STATUSES } from "./enums.ts";
import { missingParam } from "./graph-errors.ts";
import { readEnum, readId, type GraphParams } from "./graph-params.ts";
import type { AdLabelRef } from "./meta-types.ts";

/** A validated `POST /act_{id}/ads`, before the rules that need its ad set and creative. */
export interface AdCreateInput {
  name: string;
  adSetId: string;
  creativeId: string;
  status: "ACTIVE" | "PAUSED";
  adlabels: AdLabelRef[];
}

/** Required: name, adset_id, creative. Status defaults to ACTIVE, as on Meta. */
export function parseAdCreate(params: GraphParams): AdCreateInput {
  const name = readName(params);
  if (name === undefined) throw missingParam("name");
  const adSetId = readId(params, "adset_id");
  if (adSetId === undefined) throw missingParam("adset_id");
  const creativeId = readCreativeRef(params);
  if (creativeId === undefined) throw missingParam("creative");
  return {
    name,
    adSetId,
    creativeId,
    status: readEnum(params, "status", CREATE_STATUSES) ?? "ACTIVE",
    adlabels: readAdLabelRefs(params) ?? [],
  };
}
