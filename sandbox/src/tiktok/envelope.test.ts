import { describe, expect, it } from "vitest";
import { TT_CODE, TtError, errorEnvelope, invalidParam, newResponseRequestId, okEnvelope, parseTiktokTime, tiktokTime } from "./envelope.ts";

describe("tiktok envelope", () => {
  it("wraps data with code 0", () => {
    expect(okEnvelope({ a: 1 }, "r1")).toEqual({ code: 0, message: "OK", request_id: "r1", data: { a: 1 } });
  });

  it("answers errors with an empty data object", () => {
    expect(errorEnvelope(TT_CODE.QPS_LIMIT, "slow down", "r2")).toEqual({ code: 40100, message: "slow down", request_id: "r2", data: {} });
  });

  it("uses TikTok's codes", () => {
    expect(TT_CODE).toEqual({ OK: 0, PERMISSION: 40001, INVALID_PARAM: 40002, QPS_LIMIT: 40100, TOKEN: 40105, SYSTEM: 50000 });
    const e = invalidParam("budget: bad");
    expect(e).toBeInstanceOf(TtError);
    expect([e.code, e.message]).toEqual([40002, "budget: bad"]);
  });

  it("makes request ids from the UTC time plus 18 hex digits, unique per call", () => {
    const at = new Date("2026-11-22T17:05:01.123Z");
    const a = newResponseRequestId(at);
    expect(a).toMatch(/^20261122170501[0-9A-F]{18}$/);
    expect(newResponseRequestId(at)).not.toBe(a);
  });
});

describe("tiktok times", () => {
  it("formats as UTC YYYY-MM-DD HH:MM:SS", () => {
    expect(tiktokTime(new Date("2030-01-02T03:04:05.678Z"))).toBe("2030-01-02 03:04:05");
  });

  it("parses only the exact format and real dates", () => {
    expect(parseTiktokTime("2030-01-02 03:04:05")?.toISOString()).toBe("2030-01-02T03:04:05.000Z");
    for (const bad of ["2030-01-02T03:04:05", "2030-01-02", "2030-02-30 00:00:00", "2030-01-02 24:00:00", ""]) {
      expect(parseTiktokTime(bad)).toBeUndefined();
    }
  });
});
