import { describe, expect, it } from "vitest";
import { PermanentError } from "@layers/runtime";
import { assertAppleId, isAppleId, parseAppleJson, wireId } from "./ids.ts";

describe("parseAppleJson", () => {
  it("reads id-keyed numbers as their exact decimal text, beyond 2^53 too", () => {
    const text = '{"data":{"id":9007199254740993,"orgId":40669820,"adamId":1234567890,"campaignId":9223372036854775807,"adGroupId":7,"dailyBudgetAmount":{"amount":"10","currency":"USD"},"count":9007199254740993}}';
    const parsed = parseAppleJson(text) as { data: Record<string, unknown> };
    expect(parsed.data).toMatchObject({ id: "9007199254740993", orgId: "40669820", adamId: "1234567890", campaignId: "9223372036854775807", adGroupId: "7" });
    // Other numbers stay numbers (and lose precision as JSON numbers do).
    expect(typeof parsed.data.count).toBe("number");
  });

  it("converts ids inside lists and errors alike", () => {
    expect(parseAppleJson('{"data":[{"id":1},{"id":22}]}')).toEqual({ data: [{ id: "1" }, { id: "22" }] });
  });

  it("leaves ids that are already strings, and non-JSON answers undefined", () => {
    expect(parseAppleJson('{"id":"5"}')).toEqual({ id: "5" });
    expect(parseAppleJson("")).toBeUndefined();
    expect(parseAppleJson("<html>bad gateway</html>")).toBeUndefined();
  });
});

describe("wireId", () => {
  it("writes the id back as a JSON number, digit for digit", () => {
    expect(JSON.stringify({ adamId: wireId("9223372036854775807", "adamId") })).toBe('{"adamId":9223372036854775807}');
    expect(JSON.stringify([{ id: wireId("42", "id"), status: "PAUSED" }])).toBe('[{"id":42,"status":"PAUSED"}]');
  });

  it.each([["0"], ["-1"], ["012"], ["1.5"], ["1e3"], [""], ["9223372036854775808"], ["12345678901234567890"], ["1 OR 1"]])("refuses %j before anything is sent", (id) => {
    expect(isAppleId(id)).toBe(false);
    let err: unknown;
    try {
      wireId(id, "campaignId");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as PermanentError).code).toBe("invalid_platform_id");
    expect((err as Error).message).toMatch(/campaignId/);
  });

  it("accepts every positive int64", () => {
    for (const id of ["1", "40669820", "9007199254740993", "9223372036854775807"]) expect(assertAppleId(id, "id")).toBe(id);
  });
});
