import { describe, expect, it } from "vitest";
import { actId, encodeForm } from "./form.ts";

describe("encodeForm", () => {
  it("sends scalars as strings and lists/objects as JSON, the way Meta's SDKs do", () => {
    const form = encodeForm({
      name: "Spring sale & more",
      daily_budget: 5000,
      is_adset_budget_sharing_enabled: false,
      special_ad_categories: [],
      adlabels: [{ name: "layers:cmp_1" }],
      promoted_object: { pixel_id: "42" },
    });
    expect(form.get("name")).toBe("Spring sale & more");
    expect(form.get("daily_budget")).toBe("5000");
    expect(form.get("is_adset_budget_sharing_enabled")).toBe("false");
    expect(form.get("special_ad_categories")).toBe("[]");
    expect(form.get("adlabels")).toBe('[{"name":"layers:cmp_1"}]');
    expect(form.get("promoted_object")).toBe('{"pixel_id":"42"}');
    expect(form.toString()).toContain("name=Spring+sale+%26+more");
  });

  it("leaves out undefined and null so optional fields can be spread", () => {
    const form = encodeForm({ name: "x", bid_strategy: undefined, stop_time: null });
    expect([...form.keys()]).toEqual(["name"]);
  });

  it("refuses values that have no form spelling", () => {
    expect(() => encodeForm({ daily_budget: Number.NaN })).toThrow(/daily_budget/);
    expect(() => encodeForm({ f: () => 1 })).toThrow(/unsupported type/);
  });
});

describe("actId", () => {
  it("adds the act_ prefix once", () => {
    expect(actId("1234")).toBe("act_1234");
    expect(actId("act_1234")).toBe("act_1234");
  });
});
