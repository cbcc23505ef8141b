import { describe, expect, it } from "vitest";
import { GraphError } from "./graph-error.ts";
import { parseLooseJson, readEnumArray, readJsonArray, readUnsignedInt, requireString } from "./graph-params.ts";

function errorOf(fn: () => unknown): GraphError {
  try {
    fn();
  } catch (err) {
    if (err instanceof GraphError) return err;
    throw err;
  }
  throw new Error("expected a GraphError");
}

describe("graph params", () => {
  it("reads unsigned ints from form strings and JSON numbers alike", () => {
    expect(readUnsignedInt({ daily_budget: "2000" }, "daily_budget")).toBe(2000);
    expect(readUnsignedInt({ daily_budget: 2000 }, "daily_budget")).toBe(2000);
    expect(readUnsignedInt({}, "daily_budget")).toBeUndefined();
  });

  it("refuses fractional, negative and non-numeric money with code 100 naming the field", () => {
    for (const bad of ["20.5", "-1", "abc", 1.5, -3, ""]) {
      const err = errorOf(() => readUnsignedInt({ daily_budget: bad }, "daily_budget"));
      expect(err.code).toBe(100);
      expect(err.status).toBe(400);
      expect(err.userMsg).toContain("daily_budget");
      expect(err.errorData).toEqual({ blame_field_specs: [["daily_budget"]] });
    }
  });

  it("reads JSON arrays from encoded strings, native arrays and single-quoted lists", () => {
    expect(readJsonArray({ x: "[]" }, "x")).toEqual([]);
    expect(readJsonArray({ x: '["NONE"]' }, "x")).toEqual(["NONE"]);
    expect(readJsonArray({ x: ["A"] }, "x")).toEqual(["A"]);
    expect(readJsonArray({ x: "['ACTIVE','PAUSED']" }, "x")).toEqual(["ACTIVE", "PAUSED"]);
    expect(errorOf(() => readJsonArray({ x: "NONE" }, "x")).code).toBe(100);
    expect(errorOf(() => readJsonArray({ x: "{}" }, "x")).userMsg).toContain("JSON-encoded array");
  });

  it("checks every item of an enum array", () => {
    expect(readEnumArray({ c: '["HOUSING","CREDIT"]' }, "c", ["HOUSING", "CREDIT"])).toEqual(["HOUSING", "CREDIT"]);
    expect(errorOf(() => readEnumArray({ c: '["HOUSING","CASINOS"]' }, "c", ["HOUSING"])).userMsg).toContain("c[]");
  });

  it("treats a missing required string as 'The parameter … is required'", () => {
    const err = errorOf(() => requireString({}, "name"));
    expect(err.message).toBe("(#100) The parameter name is required");
    expect(errorOf(() => requireString({ name: "  " }, "name")).code).toBe(100);
  });

  it("parses loose JSON only when it is unambiguous", () => {
    expect(parseLooseJson("{\"a\":1}")).toEqual({ a: 1 });
    expect(parseLooseJson("['x']")).toEqual(["x"]);
    expect(parseLooseJson("[\"it's\"")).toBeUndefined();
    expect(parseLooseJson("nope")).toBeUndefined();
  });
});
