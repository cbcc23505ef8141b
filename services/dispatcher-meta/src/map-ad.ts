import type { CreateAdParams, CreativeSpec } from "@layers/contracts";
import type { CreativeToMake, MetaPlan } from "./meta-plan.ts";
import { metaObjectStorySpec } from "./meta/index.ts";
import { layersStatus, markerLabel } from "./plan-fields.ts";

/**
 * The name of a creative Layers makes for one write: the ad and the intent. The creative is made
 * before the ad (or the swap), so a retry whose first step's answer was lost finds it by this
 * exact name instead of making a second one; the intent tells apart two replacements of one ad.
 */
export function creativeMarker(adId: string, intentId: string): string {
  return `layers:${adId}:${intentId}`;
}

export function creativeToMake(spec: CreativeSpec, adId: string, intentId: string): CreativeToMake {
  const name = creativeMarker(adId, intentId);
  return { name, fields: { name, object_story_spec: metaObjectStorySpec(spec) } };
}

/** `create_ad` and `push_creative`: a new creative, then a new ad in the ad set `adSetPlatformId` using it. */
export function planCreateAd(p: CreateAdParams, adSetPlatformId: string, intentId: string): MetaPlan {
  const marker = markerLabel(p.entityId);
  return {
    call: {
      kind: "create_ad",
      adSetId: adSetPlatformId,
      marker,
      creative: creativeToMake(p.creative, p.entityId, intentId),
      fields: { name: p.name, adset_id: adSetPlatformId, status: p.status, adlabels: [{ name: marker }] },
    },
    entity: { kind: "ad", id: p.entityId },
    created: true,
    row: { status: layersStatus(p.status), creative: { ...p.creative } },
  };
}

/** `replace_creative`: a new creative with the spec, then the ad `adPlatformId` swapped onto it. */
export function planReplaceCreative(spec: CreativeSpec, ad: { id: string; platformId: string }, intentId: string): MetaPlan {
  return {
    call: { kind: "replace_creative", adId: ad.platformId, creative: creativeToMake(spec, ad.id, intentId) },
    entity: { kind: "ad", id: ad.id },
    created: false,
    row: { creative: { ...spec } },
  };
}
