import { describe, expect, it } from "vitest";
import { fieldsToVerify, metaHolds } from "./holds.ts";

describe("metaHolds", () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, boolean]>([
    ["same status", { id: "1", status: "PAUSED" }, { status: "PAUSED" }, true],
    ["other status", { id: "1", status: "ACTIVE" }, { status: "PAUSED" }, false],
    ["budget read as a numeric string", { id: "1", daily_budget: "7500" }, { daily_budget: 7500 }, true],
    ["other budget", { id: "1", daily_budget: "5000" }, { daily_budget: 7500 }, false],
    ["field absent", { id: "1" }, { daily_budget: 7500 }, false],
    ["bid read as a number", { id: "1", bid_amount: 250 }, { bid_amount: 250 }, true],
    ["every field must hold", { id: "1", status: "PAUSED", daily_budget: "7500" }, { status: "PAUSED", daily_budget: 7500 }, true],
    ["one field off", { id: "1", status: "ACTIVE", daily_budget: "7500" }, { status: "PAUSED", daily_budget: 7500 }, false],
    ["Graph time spelling", { id: "1", start_time: "2030-01-01T00:00:00+0000" }, { start_time: "2030-01-01T00:00:00.000Z" }, true],
    ["Graph time, other instant", { id: "1", end_time: "2030-01-01T01:00:00+0000" }, { end_time: "2030-01-01T00:00:00Z" }, false],
    ["unset time", { id: "1" }, { stop_time: "2030-01-01T00:00:00Z" }, false],
    [
      "targeting with Meta's own additions and another order",
      { id: "1", targeting: { geo_locations: { countries: ["DE", "US"], location_types: ["home"] }, age_min: 18, targeting_automation: { advantage_audience: 0 } } },
      { targeting: { geo_locations: { countries: ["US", "DE"] }, age_min: 18 } },
      true,
    ],
    ["targeting with another age", { id: "1", targeting: { geo_locations: { countries: ["US"] }, age_min: 21 } }, { targeting: { geo_locations: { countries: ["US"] }, age_min: 18 } }, false],
    ["targeting missing a country", { id: "1", targeting: { geo_locations: { countries: ["US"] } } }, { targeting: { geo_locations: { countries: ["US", "DE"] } } }, false],
    ["undefined fields are not sent, so not checked", { id: "1", name: "x" }, { name: "x", bid_strategy: undefined }, true],
  ])("%s", (_name, current, fields, expected) => {
    expect(metaHolds(current, fields)).toBe(expected);
  });

  it("reads back only the fields a write sends", () => {
    expect(fieldsToVerify({ status: "PAUSED", daily_budget: 10, bid_strategy: undefined })).toEqual(["status", "daily_budget"]);
  });
});
