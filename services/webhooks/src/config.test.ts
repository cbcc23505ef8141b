import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("webhooks config", () => {
  it("defaults to the 8-attempt Standard Webhooks ladder and the documented limits", () => {
    const c = loadConfig({});
    expect(c.WEBHOOK_RETRY_SCHEDULE_MS).toEqual([0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(c.WEBHOOK_TIMEOUT_MS).toBe(15_000);
    expect(c.WEBHOOK_RETRY_AFTER_CAP_MS).toBe(3_600_000);
    expect(c.WEBHOOK_DISABLE_AFTER_MS).toBe(5 * 24 * 3_600_000);
    expect(c.WEBHOOK_CONCURRENCY).toBe(64);
    expect(c.WEBHOOK_ENDPOINT_CONCURRENCY).toBe(4);
    expect(c.WEBHOOK_POLL_MS).toBe(250);
    expect(c.WEBHOOK_ALLOWED_HOSTS).toEqual([]);
    expect(c.WEBHOOK_LEASE_MS).toBeGreaterThanOrEqual(c.WEBHOOK_TIMEOUT_MS + 1_000);
  });

  it("reads a compressed ladder and a host allowlist", () => {
    const c = loadConfig({ WEBHOOK_RETRY_SCHEDULE_MS: "0,10,20", WEBHOOK_ALLOWED_HOSTS: " 127.0.0.1, LocalHost ,", WEBHOOK_TIMEOUT_MS: "500", WEBHOOK_LEASE_MS: "1500" });
    expect(c.WEBHOOK_RETRY_SCHEDULE_MS).toEqual([0, 10, 20]);
    expect(c.WEBHOOK_ALLOWED_HOSTS).toEqual(["127.0.0.1", "localhost"]);
  });

  it("refuses a lease that would not outlive an attempt, and a malformed ladder", () => {
    expect(() => loadConfig({ WEBHOOK_TIMEOUT_MS: "15000", WEBHOOK_LEASE_MS: "15000" })).toThrow(/WEBHOOK_LEASE_MS/);
    expect(() => loadConfig({ WEBHOOK_RETRY_SCHEDULE_MS: "0,5s" })).toThrow(/WEBHOOK_RETRY_SCHEDULE_MS/);
    expect(() => loadConfig({ WEBHOOK_RETRY_SCHEDULE_MS: "" })).toThrow(/WEBHOOK_RETRY_SCHEDULE_MS/);
  });
});
