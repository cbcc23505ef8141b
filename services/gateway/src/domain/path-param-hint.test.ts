import { describe, expect, it } from "vitest";
import { pathParamNotFoundDetail } from "./path-param-hint.ts";

describe("pathParamNotFoundDetail", () => {
  it("names the valid platforms", () => {
    expect(pathParamNotFoundDetail("platform", "platform", "google")).toBe("platform not found: the platforms are meta, tiktok, apple");
  });
  it("names the expected prefix of a prefixed id", () => {
    const d = pathParamNotFoundDetail("campaignId", "campaign", "as_01jd8x3k5m2n4p6q8r0s2t4v6w");
    expect(d).toContain("cmp_…");
    expect(d).not.toContain("platform's own id");
    expect(pathParamNotFoundDetail("adAccountId", "ad account", "x")).toContain("aa_…");
  });
  it("says to use the Layers id when the value looks like a platform id", () => {
    for (const v of ["120210000000000", "act_1234567890", "7012345678901234567"]) {
      expect(pathParamNotFoundDetail("campaignId", "campaign", v)).toContain("use the Layers id (cmp_…)");
    }
    expect(pathParamNotFoundDetail("adAccountId", "ad account", "act_123456")).toContain("use the Layers id (aa_…)");
  });
  it("says project ids are UUIDs", () => {
    expect(pathParamNotFoundDetail("projectId", "project", "acme")).toContain("UUIDs");
  });
});
