import { describe, expect, it } from "vitest";
import { loadGateConfig } from "./config.ts";

describe("gate config", () => {
  it("defaults every gate setting", () => {
    expect(loadGateConfig({})).toMatchObject({
      NATS_PREFIX: "layers",
      GATE_CONCURRENCY: 32,
      GATE_ACK_WAIT_MS: 30_000,
      GATE_MAX_ACK_PENDING: 1_000,
      DB_POOL_MAX: 40,
      RELAY_INTERVAL_MS: 1_000,
      RELAY_AFTER_MS: 3_000,
      RELAY_RETRY_MS: 30_000,
      RELAY_BATCH_SIZE: 500,
      OUTBOX_RETAIN_MS: 86_400_000,
      GATE_BATCH_MAX: 64,
      GATE_BATCHES_IN_FLIGHT: 4,
    });
  });

  it("reads numbers from the environment", () => {
    expect(loadGateConfig({ RELAY_AFTER_MS: "250", GATE_CONCURRENCY: "4" })).toMatchObject({ RELAY_AFTER_MS: 250, GATE_CONCURRENCY: 4 });
  });

  it.each([
    ["GATE_CONCURRENCY", "0"],
    ["RELAY_INTERVAL_MS", "soon"],
    ["RELAY_AFTER_MS", "-1"],
    ["NATS_PREFIX", "Bad.Prefix"],
  ])("fails at boot naming %s=%s", (name, value) => {
    expect(() => loadGateConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });
});
