import { describe, expect, it } from "vitest";
import { PermanentError } from "@layers/runtime";
import { metaObjectStorySpec } from "./creative.ts";
import { metaTargeting } from "./targeting.ts";

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof PermanentError ? e.code : "not permanent";
  }
  return undefined;
};

describe("metaTargeting", () => {
  it.each<[Record<string, unknown>, Record<string, unknown>]>([
    [{ countries: ["US"] }, { geo_locations: { countries: ["US"] } }],
    [{ countries: ["JP", "KR"], ageMin: 18, ageMax: 34 }, { geo_locations: { countries: ["JP", "KR"] }, age_min: 18, age_max: 34 }],
    [{ countries: ["US"], genders: ["female", "male"] }, { geo_locations: { countries: ["US"] }, genders: [1, 2] }],
    [{ countries: ["US"], genders: ["male"] }, { geo_locations: { countries: ["US"] }, genders: [1] }],
  ])("%j → %j", (contract, graph) => {
    expect(metaTargeting(contract)).toEqual(graph);
  });

  it("refuses targeting Meta cannot run", () => {
    expect(code(() => metaTargeting({ ageMin: 20 }))).toBe("invalid_params");
    expect(code(() => metaTargeting({ countries: ["US"], locationIds: ["1"] }))).toBe("invalid_params");
  });
});

describe("metaObjectStorySpec", () => {
  it("a minimal link ad", () => {
    expect(metaObjectStorySpec({ primaryText: "Hi", linkUrl: "https://e.com", pageId: "1" })).toEqual({ page_id: "1", link_data: { link: "https://e.com", message: "Hi" } });
  });

  it("a video ad with headline and call to action", () => {
    expect(metaObjectStorySpec({ primaryText: "Hi", linkUrl: "https://e.com", pageId: "1", videoId: "5", imageUrl: "https://i.com/t.png", headline: "H", callToAction: "SIGN_UP" })).toEqual({
      page_id: "1",
      video_data: { video_id: "5", image_url: "https://i.com/t.png", message: "Hi", title: "H", call_to_action: { type: "SIGN_UP", value: { link: "https://e.com" } } },
    });
  });

  it("refuses what Meta would refuse", () => {
    expect(code(() => metaObjectStorySpec({ primaryText: "Hi", linkUrl: "https://e.com" }))).toBe("invalid_params");
    expect(code(() => metaObjectStorySpec({ primaryText: "Hi", linkUrl: "https://e.com", pageId: "1", videoId: "abc", imageUrl: "https://i.com" }))).toBe("invalid_params");
    expect(code(() => metaObjectStorySpec({ primaryText: "Hi", linkUrl: "https://e.com", pageId: "1", videoId: "5" }))).toBe("invalid_params");
  });
});
