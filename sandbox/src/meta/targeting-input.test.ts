import { describe, expect, it } from "vitest";
import { GraphError } from "./graph-error.ts";
import { readTargeting } from "./targeting-input.ts";

const blame = (targeting: unknown): string | undefined => {
  try {
    readTargeting({ targeting: typeof targeting === "string" ? targeting : JSON.stringify(targeting) });
  } catch (err) {
    if (err instanceof GraphError) return err.userMsg;
    throw err;
  }
  return undefined;
};

describe("targeting", () => {
  it("reads a JSON string or a native object and returns a copy", () => {
    const spec = { geo_locations: { countries: ["US"], location_types: ["home"] }, age_min: 18, age_max: 65, genders: [1, 2] };
    expect(readTargeting({ targeting: JSON.stringify(spec) })).toEqual(spec);
    const copy = readTargeting({ targeting: spec });
    expect(copy).toEqual(spec);
    expect(copy).not.toBe(spec);
    expect(readTargeting({})).toBeUndefined();
  });

  it("needs geo_locations with at least one alpha-2 country", () => {
    expect(blame({ age_min: 18 })).toContain("geo_locations");
    expect(blame({ geo_locations: { regions: [{ key: "3847" }] } })).toContain("countries");
    expect(blame({ geo_locations: { countries: ["usa"] } })).toContain("countries");
    expect(blame({ geo_locations: ["US"] })).toContain("object");
    expect(blame("[]")).toContain("JSON-encoded object");
  });

  it("refuses field names Targeting does not have, at the top and in geo_locations", () => {
    expect(blame({ geo_locations: { countries: ["US"] }, hobbies: [] })).toBe("targeting has no field hobbies");
    expect(blame({ geo_locations: { countries: ["US"], planets: ["Mars"] } })).toBe("targeting.geo_locations has no field planets");
  });

  it("checks age bounds and genders", () => {
    const geo = { geo_locations: { countries: ["US"] } };
    expect(blame({ ...geo, age_min: 12 })).toContain("age_min");
    expect(blame({ ...geo, age_max: 70 })).toContain("age_max");
    expect(blame({ ...geo, age_min: 30, age_max: 20 })).toContain("age_max");
    expect(blame({ ...geo, genders: [3] })).toContain("genders");
    expect(blame({ ...geo, age_min: 13, age_max: 65, genders: [2] })).toBeUndefined();
  });
});
