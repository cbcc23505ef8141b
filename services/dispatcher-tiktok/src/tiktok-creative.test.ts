import { describe, expect, it } from "vitest";
import { CALLS_TO_ACTION } from "@layers/contracts";
import { PermanentError } from "@layers/runtime";
import { TIKTOK_CALL_TO_ACTION, tiktokCreativeFields } from "./tiktok-creative.ts";

describe("tiktokCreativeFields", () => {
  it("maps text, link, call to action and video to TikTok's creative fields", () => {
    expect(tiktokCreativeFields({ primaryText: "Hi", linkUrl: "https://a.example", callToAction: "INSTALL_MOBILE_APP", videoId: "v9" })).toEqual({
      ad_text: "Hi", landing_page_url: "https://a.example", call_to_action: "INSTALL_NOW", ad_format: "SINGLE_VIDEO", video_id: "v9",
    });
    expect(tiktokCreativeFields({ primaryText: "Hi", linkUrl: "https://a.example" })).toEqual({ ad_text: "Hi", landing_page_url: "https://a.example" });
  });

  it("has a TikTok spelling for every contract call to action", () => {
    expect(Object.keys(TIKTOK_CALL_TO_ACTION).sort()).toEqual([...CALLS_TO_ACTION].sort());
  });

  it.each(["headline", "imageUrl", "pageId"] as const)("refuses %s, which a TikTok ad cannot show", (field) => {
    const value = field === "imageUrl" ? "https://a.example/i.png" : field === "pageId" ? "123" : "H";
    const err = (() => {
      try {
        return tiktokCreativeFields({ primaryText: "Hi", linkUrl: "https://a.example", [field]: value });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as PermanentError).message).toMatch(new RegExp(`^creative\\.${field}:`));
  });
});
