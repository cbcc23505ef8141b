import type { CreativeSpec } from "@layers/contracts";
import { PermanentError } from "@layers/runtime";

/**
 * Contract creative → an adcreative's `object_story_spec`: a link ad (`link_data`), or a video ad
 * (`video_data`) when the spec names a video. Meta runs every ad as a Facebook page, so `pageId`
 * is required; a video ad needs a thumbnail (`imageUrl`) and links through its call to action.
 */
export function metaObjectStorySpec(spec: CreativeSpec): Record<string, unknown> {
  if (spec.pageId === undefined) throw new PermanentError("invalid_params", "a Meta creative needs pageId (the Facebook page the ad runs as)");
  if (spec.videoId !== undefined) {
    if (!/^\d+$/.test(spec.videoId)) throw new PermanentError("invalid_params", "videoId must be a numeric Meta video id");
    if (spec.imageUrl === undefined) throw new PermanentError("invalid_params", "a Meta video creative needs imageUrl for its thumbnail");
    const video: Record<string, unknown> = {
      video_id: spec.videoId,
      image_url: spec.imageUrl,
      message: spec.primaryText,
      // Without a link in the call to action a video ad would not lead to linkUrl at all.
      call_to_action: { type: spec.callToAction ?? "LEARN_MORE", value: { link: spec.linkUrl } },
    };
    if (spec.headline !== undefined) video.title = spec.headline;
    return { page_id: spec.pageId, video_data: video };
  }
  const link: Record<string, unknown> = { link: spec.linkUrl, message: spec.primaryText };
  if (spec.headline !== undefined) link.name = spec.headline;
  if (spec.imageUrl !== undefined) link.picture = spec.imageUrl;
  if (spec.callToAction !== undefined) link.call_to_action = { type: spec.callToAction };
  return { page_id: spec.pageId, link_data: link };
}
