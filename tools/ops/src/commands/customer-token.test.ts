import { describe, expect, it } from "vitest";
import { parseTtl } from "./customer-token.ts";

describe("parseTtl", () => {
  it("reads seconds, minutes, hours and days", () => {
    expect(parseTtl("90")).toBe(90);
    expect(parseTtl("90s")).toBe(90);
    expect(parseTtl("15m")).toBe(900);
    expect(parseTtl("1h")).toBe(3600);
    expect(parseTtl("30d")).toBe(30 * 86_400);
  });
  it("refuses other spellings and lifetimes outside 1m..30d, naming the value", () => {
    expect(() => parseTtl("1 hour")).toThrow(/--ttl must look like .*"1 hour"/);
    expect(() => parseTtl("-1h")).toThrow(/--ttl/);
    expect(() => parseTtl("59s")).toThrow(/between 1m and 30d/);
    expect(() => parseTtl("31d")).toThrow(/between 1m and 30d/);
  });
});
