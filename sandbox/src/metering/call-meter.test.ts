import { describe, expect, it } from "vitest";
import { CallMeter } from "./call-meter.ts";

describe("CallMeter", () => {
  it("admits `calls` per sliding window, refuses the rest with the time until the oldest call leaves", () => {
    const m = new CallMeter();
    m.set("meta", "act_1", { calls: 2, windowMs: 1_000, metaCode: 80004 });
    expect(m.take("meta", "act_1", 0)).toEqual({ ok: true, usagePct: 50 });
    expect(m.take("meta", "act_1", 400)).toEqual({ ok: true, usagePct: 100 });
    expect(m.take("meta", "act_1", 600)).toEqual({ ok: false, usagePct: 100, retryAfterMs: 400, metaCode: 80004 });
    // The refused call did not count: at 1000 the first call has left and one slot is free.
    expect(m.take("meta", "act_1", 1_000)).toMatchObject({ ok: true });
    expect(m.take("meta", "act_1", 1_001)).toMatchObject({ ok: false, retryAfterMs: 399 });
    expect(m.list()).toEqual([{ platform: "meta", account: "act_1", calls: 2, windowMs: 1_000, metaCode: 80004, admitted: 3, throttled: 2 }]);
  });

  it("leaves accounts without a rule alone and keeps accounts apart", () => {
    const m = new CallMeter();
    m.set("tiktok", "7", { calls: 1, windowMs: 1_000, metaCode: 17 });
    expect(m.take("tiktok", "8", 0)).toBeUndefined();
    expect(m.take("meta", "7", 0)).toBeUndefined();
    expect(m.take("tiktok", "7", 0)).toMatchObject({ ok: true });
    expect(m.take("tiktok", "7", 1)).toMatchObject({ ok: false });
    expect(m.usagePct("tiktok", "7", 2_000)).toBe(0);
    expect(m.clear("tiktok")).toBe(1);
    expect(m.list()).toEqual([]);
  });
});
