import { describe, expect, it } from "vitest";
import { loadOptimizerConfig } from "./config.ts";

describe("optimizer config", () => {
  it("documents its defaults: a 6 h schedule, a 30-day window and the rules' thresholds", () => {
    expect(loadOptimizerConfig({})).toMatchObject({
      OPTIMIZER_INTERVAL_MS: 21_600_000,
      OPTIMIZER_WINDOW_DAYS: 30,
      OPT_MIN_DAYS: 7,
      OPT_COOLDOWN_HOURS: 72,
      OPT_PAUSE_CPA_MULTIPLE: 2,
      OPT_BUDGET_WORSE_MULTIPLE: 1.5,
      OPT_BUDGET_STEP_PERCENT: 20,
      OPT_FATIGUE_DROP_PERCENT: 30,
      // Apple's reports come from the Apple Ads Platform API unless told otherwise (v5 is off on 2027-01-26).
      APPLE_API: "platform",
    });
    expect(loadOptimizerConfig({}).APPLE_BASE_URL).toBeUndefined();
    expect(() => loadOptimizerConfig({ APPLE_API: "v4" })).toThrow(/APPLE_API/);
  });

  it("fails at boot naming every bad variable", () => {
    expect(() => loadOptimizerConfig({ OPTIMIZER_INTERVAL_MS: "10" })).toThrow(/invalid configuration/);
    let message = "";
    try {
      loadOptimizerConfig({ OPTIMIZER_INTERVAL_MS: "10", OPT_BUDGET_STEP_PERCENT: "150", META_BASE_URL: "not a url" });
    } catch (err) {
      message = (err as Error).message;
    }
    for (const name of ["OPTIMIZER_INTERVAL_MS", "OPT_BUDGET_STEP_PERCENT", "META_BASE_URL"]) expect(message).toContain(name);
  });
});
