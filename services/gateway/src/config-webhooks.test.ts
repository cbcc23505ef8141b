import { describe, expect, it } from "vitest";
import { DEV_TOKEN_KEY } from "@layers/runtime";
import { loadConfig } from "./config.ts";

describe("config - webhooks", () => {
  it("config - no host is allowlisted and the dev key seals secrets by default", () => {
    const c = loadConfig({});
    expect(c.WEBHOOK_ALLOWED_HOSTS).toEqual([]);
    expect(c.TOKEN_ENCRYPTION_KEY).toBe(DEV_TOKEN_KEY);
  });

  it("config - WEBHOOK_ALLOWED_HOSTS is a comma list, trimmed and lower-cased; a bad key fails at boot", () => {
    expect(loadConfig({ WEBHOOK_ALLOWED_HOSTS: " 127.0.0.1, LocalHost ,," }).WEBHOOK_ALLOWED_HOSTS).toEqual(["127.0.0.1", "localhost"]);
    const key = Buffer.alloc(32, 1).toString("base64");
    expect(loadConfig({ TOKEN_ENCRYPTION_KEY: key }).TOKEN_ENCRYPTION_KEY).toBe(key);
    expect(() => loadConfig({ TOKEN_ENCRYPTION_KEY: "too-short" })).toThrow(/TOKEN_ENCRYPTION_KEY/);
  });
});
