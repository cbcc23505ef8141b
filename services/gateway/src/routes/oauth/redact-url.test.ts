import { describe, expect, it } from "vitest";
import { redactUrl } from "./redact-url.ts";

describe("redactUrl", () => {
  it("blanks state and codes, keeps the rest", () => {
    const out = redactUrl("/v1/oauth/callback/meta?code=AQBx&state=s3cr3t&error_reason=x");
    expect(out).not.toContain("AQBx");
    expect(out).not.toContain("s3cr3t");
    expect(out).toContain("error_reason=x");
    expect(redactUrl("/v1/oauth/callback/tiktok?auth_code=abc&code=abc&state=q")).not.toContain("abc");
  });
  it("leaves URLs without secrets unchanged", () => {
    expect(redactUrl("/v1/projects/x/ads/meta/campaigns?limit=5")).toBe("/v1/projects/x/ads/meta/campaigns?limit=5");
    expect(redactUrl("/v1/whoami")).toBe("/v1/whoami");
  });
});
