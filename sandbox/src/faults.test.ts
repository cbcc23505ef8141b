import { describe, expect, it } from "vitest";
import { FaultBook, NO_FAULTS } from "./faults.ts";

describe("fault book", () => {
  it("answers no faults for an account without an entry", () => {
    const book = new FaultBook();
    expect(book.get("meta", "act_1")).toEqual(NO_FAULTS);
    expect(book.takeBeforeHandling("meta", "act_1")).toBeUndefined();
    expect(book.takeAfterApply("meta", "act_1")).toBe(false);
  });

  it("fires throttles before 5xx and counts each down to zero", () => {
    const book = new FaultBook();
    book.set("meta", "act_1", { throttle: 1, fail5xx: 2, throttleRegainMinutes: 3, throttleCode: 17 });
    expect(book.takeBeforeHandling("meta", "act_1")).toEqual({ kind: "throttle", code: 17, regainMinutes: 3 });
    expect(book.takeBeforeHandling("meta", "act_1")).toEqual({ kind: "fail5xx" });
    expect(book.takeBeforeHandling("meta", "act_1")).toEqual({ kind: "fail5xx" });
    expect(book.takeBeforeHandling("meta", "act_1")).toBeUndefined();
    expect(book.list()).toEqual([{ platform: "meta", account: "act_1", ...NO_FAULTS, throttleRegainMinutes: 3, throttleCode: 17 }]);
  });

  it("keeps accounts apart and replaces rather than merges", () => {
    const book = new FaultBook();
    book.set("meta", "act_1", { fail5xx: 1, latencyMs: 50 });
    book.set("meta", "act_2", { expiredToken: true });
    book.set("meta", "act_1", { failAfterApply: 2 });
    expect(book.latencyMs("meta", "act_1")).toBe(0);
    expect(book.takeBeforeHandling("meta", "act_1")).toBeUndefined();
    expect(book.expiredToken("meta", "act_2")).toBe(true);
    expect(book.expiredToken("meta", "act_1")).toBe(false);
    expect([book.takeAfterApply("meta", "act_1"), book.takeAfterApply("meta", "act_1"), book.takeAfterApply("meta", "act_1")]).toEqual([true, true, false]);
  });

  it("ignores undefined fields and clears entries", () => {
    const book = new FaultBook();
    expect(book.set("meta", "act_1", { latencyMs: undefined, throttle: 1 }).latencyMs).toBe(0);
    expect(book.clear("meta", "act_1")).toBe(true);
    expect(book.clear("meta", "act_1")).toBe(false);
    expect(book.list()).toEqual([]);
  });
});
