import { describe, expect, it } from "vitest";
import { appleBaseUrl, configSchema } from "./config.ts";

const env = { DATABASE_URL: "postgres://x/y", TOKEN_ENCRYPTION_KEY: Buffer.alloc(32).toString("base64") };

describe("dispatcher-apple config", () => {
  it("speaks the Platform API on Apple's new host unless told otherwise", () => {
    const c = configSchema.parse(env);
    expect(c.APPLE_API).toBe("platform");
    expect(appleBaseUrl(c)).toBe("https://api.ads.apple.com");
  });

  it("APPLE_API=v5 uses v5's host; an explicit base URL (the sandbox) wins for either", () => {
    expect(appleBaseUrl(configSchema.parse({ ...env, APPLE_API: "v5" }))).toBe("https://api.searchads.apple.com");
    expect(appleBaseUrl(configSchema.parse({ ...env, APPLE_API: "v5", APPLE_BASE_URL: "http://127.0.0.1:4010" }))).toBe("http://127.0.0.1:4010");
    expect(configSchema.safeParse({ ...env, APPLE_API: "v6" }).success).toBe(false);
  });
});
