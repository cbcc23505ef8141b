import { describe, expect, it } from "vitest";
import { chunk, encodeQuery, splitFiltering } from "./query.ts";

describe("encodeQuery", () => {
  it("JSON-encodes lists and objects, stringifies scalars and drops absent values", () => {
    const q = encodeQuery({ advertiser_id: "7123", page: 2, fields: ["campaign_id", "budget"], filtering: { campaign_ids: ["1", "2"] }, x: undefined, y: null, ok: true });
    expect([...q]).toEqual([
      ["advertiser_id", "7123"],
      ["page", "2"],
      ["fields", '["campaign_id","budget"]'],
      ["filtering", '{"campaign_ids":["1","2"]}'],
      ["ok", "true"],
    ]);
    expect(q.toString()).toContain("filtering=%7B%22campaign_ids%22");
  });

  it("refuses values that have no query spelling", () => {
    expect(() => encodeQuery({ page: Number.NaN })).toThrow(RangeError);
    expect(() => encodeQuery({ f: () => 1 })).toThrow(TypeError);
  });
});

describe("splitFiltering", () => {
  const ids = (n: number, prefix = "") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it("leaves a small filtering as one call, deduplicating ids", () => {
    expect(splitFiltering({ campaign_ids: ["1", "1", "2"], secondary_status: "CAMPAIGN_STATUS_ALL" }, 100)).toEqual([
      { campaign_ids: ["1", "2"], secondary_status: "CAMPAIGN_STATUS_ALL" },
    ]);
    expect(splitFiltering({}, 100)).toEqual([{}]);
  });

  it("splits a long list into calls within the limit that together cover every id", () => {
    const parts = splitFiltering({ campaign_ids: ids(250), secondary_status: "X" }, 100);
    expect(parts.map((p) => p.campaign_ids?.length)).toEqual([100, 100, 50]);
    expect(parts.flatMap((p) => p.campaign_ids)).toEqual(ids(250));
    expect(parts.every((p) => p.secondary_status === "X")).toBe(true);
  });

  it("splits two long lists into every pairing of their chunks (filters AND together)", () => {
    const parts = splitFiltering({ campaign_ids: ids(150, "c"), adgroup_ids: ids(101, "g") }, 100);
    expect(parts).toHaveLength(4);
    expect(parts.every((p) => (p.campaign_ids?.length ?? 0) <= 100 && (p.adgroup_ids?.length ?? 0) <= 100)).toBe(true);
    expect(new Set(parts.map((p) => `${p.campaign_ids?.[0]}/${p.adgroup_ids?.[0]}`))).toEqual(new Set(["c0/g0", "c0/g100", "c100/g0", "c100/g100"]));
  });

  it("makes no call for an empty id list, which matches nothing", () => {
    expect(splitFiltering({ campaign_ids: [] }, 100)).toEqual([]);
    expect(splitFiltering({ campaign_ids: ["1"], ad_ids: [] }, 100)).toEqual([]);
  });
});

describe("chunk", () => {
  it("cuts in order and refuses a bad size", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 20)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});
