import type { CreativeSpec } from "@layers/contracts";
import { PermanentError } from "@layers/runtime";
import type { TikTokFields } from "./tiktok/index.ts";

/**
 * Contract call-to-action → TikTok's `call_to_action` enum. TikTok spells three of them its own
 * way (DOWNLOAD_NOW, INSTALL_NOW, BOOK_NOW); the rest are the same word.
 */
export const TIKTOK_CALL_TO_ACTION: Readonly<Record<NonNullable<CreativeSpec["callToAction"]>, string>> = {
  LEARN_MORE: "LEARN_MORE",
  SHOP_NOW: "SHOP_NOW",
  SIGN_UP: "SIGN_UP",
  DOWNLOAD: "DOWNLOAD_NOW",
  INSTALL_MOBILE_APP: "INSTALL_NOW",
  CONTACT_US: "CONTACT_US",
  BOOK_TRAVEL: "BOOK_NOW",
  SUBSCRIBE: "SUBSCRIBE",
};

/**
 * Why a contract creative field has no place on a TikTok ad. Refused rather than dropped: a
 * Layers row that claims a headline TikTok never shows would be a lie about the live ad.
 */
const NOT_ON_TIKTOK: ReadonlyArray<[keyof CreativeSpec, string]> = [
  ["headline", "TikTok in-feed ads have no headline; put the words in primaryText"],
  ["imageUrl", "TikTok ads take uploaded image ids, not image URLs, and dispatcher-tiktok does not upload images; use videoId"],
  ["pageId", "pageId is a Facebook page; TikTok ads run under an identity instead"],
];

/** A contract creative → the creative fields of a TikTok `/ad/create/` or `/ad/update/` item (without `ad_id`/`ad_name`). */
export function tiktokCreativeFields(spec: CreativeSpec): TikTokFields {
  for (const [field, why] of NOT_ON_TIKTOK) {
    if (spec[field] !== undefined) throw new PermanentError("invalid_params", `creative.${field}: ${why}`);
  }
  const fields: Record<string, unknown> = { ad_text: spec.primaryText, landing_page_url: spec.linkUrl };
  if (spec.callToAction !== undefined) fields.call_to_action = TIKTOK_CALL_TO_ACTION[spec.callToAction];
  if (spec.videoId !== undefined) {
    fields.ad_format = "SINGLE_VIDEO";
    fields.video_id = spec.videoId;
  }
  return fields;
}
