import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("config", () => {
  it("config - defaults fill an empty environment", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 8080, HOST: "127.0.0.1", VERDICT_TIMEOUT_MS: 2500, SYNC_TIMEOUT_MS: 1500, NATS_PREFIX: "layers", BODY_LIMIT_BYTES: 65536 });
    expect(c.CUSTOMER_JWT_SECRET.length).toBeGreaterThanOrEqual(16);
    expect(c.PUBLIC_BASE_URL).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
  });

  it("config - numbers are coerced and bad values fail at boot naming the variable", () => {
    expect(loadConfig({ PORT: "9090", VERDICT_TIMEOUT_MS: "100" })).toMatchObject({ PORT: 9090, VERDICT_TIMEOUT_MS: 100 });
    expect(() => loadConfig({ PORT: "http" })).toThrow(/PORT/);
    expect(() => loadConfig({ CUSTOMER_JWT_SECRET: "short" })).toThrow(/CUSTOMER_JWT_SECRET/);
    expect(() => loadConfig({ PUBLIC_BASE_URL: "not a url" })).toThrow(/PUBLIC_BASE_URL/);
  });

  it("config - job event streams: heartbeat and longest stream life, bounded", () => {
    expect(loadConfig({})).toMatchObject({ JOB_EVENTS_HEARTBEAT_MS: 15_000, JOB_EVENTS_MAX_STREAM_MS: 900_000 });
    expect(loadConfig({ JOB_EVENTS_HEARTBEAT_MS: "500" }).JOB_EVENTS_HEARTBEAT_MS).toBe(500);
    expect(() => loadConfig({ JOB_EVENTS_HEARTBEAT_MS: "0" })).toThrow(/JOB_EVENTS_HEARTBEAT_MS/);
    expect(() => loadConfig({ JOB_EVENTS_MAX_STREAM_MS: "soon" })).toThrow(/JOB_EVENTS_MAX_STREAM_MS/);
  });
});
