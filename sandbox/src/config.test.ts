import { describe, expect, it } from "vitest";
import { loadSandboxConfig } from "./config.ts";

describe("sandbox config", () => {
  it("defaults to 127.0.0.1:4010, in memory, info logs", () => {
    expect(loadSandboxConfig({})).toEqual({ SANDBOX_PORT: 4010, SANDBOX_HOST: "127.0.0.1", SANDBOX_META_USAGE_MAX_SCORE: 9000, LOG_LEVEL: "info" });
  });

  it("reads every variable and coerces numbers", () => {
    expect(
      loadSandboxConfig({ SANDBOX_PORT: "0", SANDBOX_HOST: "0.0.0.0", SANDBOX_STATE_FILE: "/tmp/s.json", SANDBOX_META_USAGE_MAX_SCORE: "60", LOG_LEVEL: "debug" }),
    ).toEqual({ SANDBOX_PORT: 0, SANDBOX_HOST: "0.0.0.0", SANDBOX_STATE_FILE: "/tmp/s.json", SANDBOX_META_USAGE_MAX_SCORE: 60, LOG_LEVEL: "debug" });
  });

  it("fails naming each bad variable", () => {
    expect(() => loadSandboxConfig({ SANDBOX_PORT: "99999", LOG_LEVEL: "loud" })).toThrow(/SANDBOX_PORT[\s\S]*LOG_LEVEL/);
  });
});
