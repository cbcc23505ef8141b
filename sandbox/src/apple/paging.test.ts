import { describe, expect, it } from "vitest";
import { AppleError } from "./apple-error.ts";
import { page, parsePageRequest } from "./paging.ts";

describe("apple limit/offset selector", () => {
  it("defaults to 20 from 0 and reads query strings", () => {
    expect(parsePageRequest({})).toEqual({ limit: 20, offset: 0 });
    expect(parsePageRequest({ limit: "5", offset: "10" })).toEqual({ limit: 5, offset: 10 });
  });

  it("refuses limits outside 1-1000 and non-integers", () => {
    for (const q of [{ limit: "0" }, { limit: "1001" }, { limit: "2.5" }, { offset: "-1" }]) {
      expect(() => parsePageRequest(q)).toThrow(AppleError);
    }
  });

  it("slices and reports totalResults, startIndex, itemsPerPage", () => {
    const items = Array.from({ length: 7 }, (_, i) => i);
    expect(page(items, { limit: 3, offset: 0 })).toEqual({ data: [0, 1, 2], pagination: { totalResults: 7, startIndex: 0, itemsPerPage: 3 } });
    expect(page(items, { limit: 3, offset: 6 })).toEqual({ data: [6], pagination: { totalResults: 7, startIndex: 6, itemsPerPage: 1 } });
    expect(page(items, { limit: 3, offset: 9 }).pagination).toEqual({ totalResults: 7, startIndex: 9, itemsPerPage: 0 });
  });
});
