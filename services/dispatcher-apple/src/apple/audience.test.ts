import { describe, expect, it } from "vitest";
import { audienceDimensions, audienceOf, sameAudience, withAudience } from "./audience.ts";

describe("Apple audience ↔ targetingDimensions", () => {
  it.each([
    [{ minAge: 25, maxAge: 34, genders: ["F"] as const }, { age: { included: [{ minAge: 25, maxAge: 34 }] }, gender: { included: ["F"] } }],
    [{ minAge: 18 }, { age: { included: [{ minAge: 18 }] } }],
    [{ maxAge: 40 }, { age: { included: [{ maxAge: 40 }] } }],
    [{ genders: ["M", "F", "M"] as const }, { gender: { included: ["M", "F"] } }],
    [{}, {}],
  ])("%j → %j", (audience, dims) => {
    expect(audienceDimensions(audience)).toEqual(dims);
    expect(sameAudience(audienceOf(dims)!, audience)).toBe(true);
  });

  it("replaces age and gender and keeps the dimensions Layers does not manage", () => {
    const current = { age: { included: [{ minAge: 18, maxAge: 24 }] }, gender: { included: ["M"] }, deviceClass: { included: ["IPHONE"] }, country: null };
    expect(withAudience(current, { genders: ["F"] })).toEqual({ gender: { included: ["F"] }, deviceClass: { included: ["IPHONE"] }, country: null });
    expect(withAudience(null, { minAge: 30 })).toEqual({ age: { included: [{ minAge: 30 }] } });
  });

  it("reads what Apple holds, and refuses to equate shapes it cannot map", () => {
    expect(audienceOf(null)).toEqual({});
    expect(audienceOf({ age: { included: [{ minAge: 20, maxAge: null }] }, gender: null })).toEqual({ minAge: 20 });
    expect(audienceOf({ age: { included: [{ minAge: 18, maxAge: 24 }, { minAge: 35 }] } })).toBeUndefined();
    expect(audienceOf({ gender: { included: ["X"] } })).toBeUndefined();
  });

  it("compares genders as a set", () => {
    expect(sameAudience({ genders: ["M", "F"] }, { genders: ["F", "M"] })).toBe(true);
    expect(sameAudience({ genders: ["M"] }, { genders: ["M"], minAge: 18 })).toBe(false);
    expect(sameAudience({ genders: ["M"] }, {})).toBe(false);
  });
});
