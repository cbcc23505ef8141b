import { describe, expect, it } from "vitest";
import { parseBusinessUsage } from "./usage.ts";

describe("parseBusinessUsage", () => {
  it("folds an account's use cases into its tightest reading, with the regain time in ms", () => {
    const h = JSON.stringify({
      "123": [
        { type: "ads_management", call_count: 40, total_cputime: 91, total_time: 20, estimated_time_to_regain_access: 0 },
        { type: "ads_insights", call_count: 10, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: 3 },
      ],
      act_9: [{ type: "ads_management", call_count: 5, total_cputime: 1, total_time: 1 }],
    });
    expect(parseBusinessUsage(h)).toEqual([
      { accountId: "123", pct: 91, regainMs: 180_000 },
      { accountId: "9", pct: 5, regainMs: undefined },
    ]);
  });

  it("reads nothing from an absent or malformed header", () => {
    for (const h of [undefined, null, "", "not json", "[]", '{"1":"x"}', '{"1":[{"type":"x"}]}']) expect(parseBusinessUsage(h)).toEqual([]);
  });
});
