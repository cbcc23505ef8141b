import { describe, expect, it } from "vitest";
import { tiktokHolds } from "./tiktok-holds.ts";

describe("tiktokHolds", () => {
  it.each([
    ["same name", { campaign_name: "A" }, { campaign_name: "A" }, true],
    ["other name", { campaign_name: "B" }, { campaign_name: "A" }, false],
    ["money as numbers", { budget: 50 }, { budget: 50.0 }, true],
    ["money that differs", { budget: 50.01 }, { budget: 50 }, false],
    ["id lists in any order", { location_ids: ["2", "1"] }, { location_ids: ["1", "2"] }, true],
    ["id lists that differ", { location_ids: ["1"] }, { location_ids: ["1", "2"] }, false],
    ["a field TikTok did not return", {}, { bid_price: 1 }, false],
    ["a null read", { schedule_end_time: null }, { schedule_end_time: "2030-01-01 00:00:00" }, false],
    ["every field must hold", { ad_text: "x", landing_page_url: "https://a" }, { ad_text: "x", landing_page_url: "https://b" }, false],
  ])("%s", (_name, current, fields, want) => {
    expect(tiktokHolds(current, fields)).toBe(want);
  });
});
