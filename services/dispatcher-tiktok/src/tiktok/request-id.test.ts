import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isTikTokRequestId, MAX_TIKTOK_REQUEST_ID, tiktokRequestId } from "./request-id.ts";

describe("tiktokRequestId", () => {
  it("is the same for every retry of an intent, across processes and deploys", () => {
    expect(tiktokRequestId("int_01JABCDEF")).toBe(tiktokRequestId("int_01JABCDEF"));
    // Pinned (SHA-256 "f337af62866f82a7…" >> 1): changing the derivation would re-create intents in flight during a deploy.
    expect(tiktokRequestId("int_01JABCDEF")).toBe("8762834656316342611");
    expect(tiktokRequestId("int_01JABCDEF", "adgroup:0")).toBe("3689554258059272566");
  });

  it("differs between intents and between parts of one intent", () => {
    const ids = new Set<string>();
    for (let i = 0; i < 2000; i++) ids.add(tiktokRequestId(`int_${i}`));
    expect(ids.size).toBe(2000);
    expect(tiktokRequestId("int_a", "campaign")).not.toBe(tiktokRequestId("int_a", "adgroup"));
    expect(tiktokRequestId("int_a", "campaign")).not.toBe(tiktokRequestId("int_a"));
    expect(tiktokRequestId("int_a:b")).not.toBe(tiktokRequestId("int_a", "b"));
  });

  it("is a plain decimal that fits a signed 64-bit integer", () => {
    let high = 0;
    for (let i = 0; i < 2000; i++) {
      const v = tiktokRequestId(`int_${randomUUID()}`);
      expect(v).toMatch(/^(0|[1-9]\d{0,18})$/);
      expect(BigInt(v) <= MAX_TIKTOK_REQUEST_ID).toBe(true);
      expect(isTikTokRequestId(v)).toBe(true);
      // The top bit of the 63 is used: values spread over the whole range, not a narrow band.
      if (BigInt(v) >= 2n ** 62n) high++;
    }
    expect(high).toBeGreaterThan(800);
    expect(high).toBeLessThan(1200);
  });

  it("refuses an empty intent id", () => {
    expect(() => tiktokRequestId("")).toThrow(RangeError);
  });
});

describe("isTikTokRequestId", () => {
  it.each([
    ["0", true],
    ["9223372036854775807", true],
    ["9223372036854775808", false],
    ["99999999999999999999", false],
    ["-1", false],
    ["12a", false],
    ["", false],
  ])("%j → %s", (v, ok) => {
    expect(isTikTokRequestId(v)).toBe(ok);
  });
});
