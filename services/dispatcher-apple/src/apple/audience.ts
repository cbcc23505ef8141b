import { z } from "zod";

/**
 * The part of an ad group's v5 `targetingDimensions` Layers manages: one age range and the genders.
 * v5 spells them `age: {included: [{minAge, maxAge}]}` and `gender: {included: ["M"|"F"]}`; the
 * other dimensions (device class, daypart, geo, app downloaders…) are never written by Layers, and
 * an update keeps whatever Apple holds for them, because v5 replaces `targetingDimensions` whole.
 */

export type AppleGender = "M" | "F";

/** Absent = no restriction on that dimension. */
export interface AppleAudience {
  minAge?: number;
  maxAge?: number;
  genders?: readonly AppleGender[];
}

const ageRangeSchema = z.looseObject({ minAge: z.number().int().nullish(), maxAge: z.number().int().nullish() });
const dimensionsSchema = z.looseObject({
  age: z.looseObject({ included: z.array(ageRangeSchema).nullish() }).nullish(),
  gender: z.looseObject({ included: z.array(z.enum(["M", "F"])).nullish() }).nullish(),
});

/** The `targetingDimensions` that restrict exactly to `a` (nothing else). */
export function audienceDimensions(a: AppleAudience): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (a.minAge !== undefined || a.maxAge !== undefined) {
    out.age = { included: [{ ...(a.minAge === undefined ? {} : { minAge: a.minAge }), ...(a.maxAge === undefined ? {} : { maxAge: a.maxAge }) }] };
  }
  if (a.genders !== undefined && a.genders.length > 0) out.gender = { included: [...new Set(a.genders)] };
  return out;
}

/** Apple's current `targetingDimensions` with age and gender replaced by `a`; the other dimensions as Apple holds them. */
export function withAudience(current: unknown, a: AppleAudience): Record<string, unknown> {
  const base = typeof current === "object" && current !== null && !Array.isArray(current) ? { ...(current as Record<string, unknown>) } : {};
  delete base.age;
  delete base.gender;
  return { ...base, ...audienceDimensions(a) };
}

/**
 * Reads age and gender back from Apple's `targetingDimensions`. Undefined when Apple holds more
 * than one age range or a shape we do not know: then it cannot equal any audience Layers sets.
 */
export function audienceOf(dims: unknown): AppleAudience | undefined {
  if (dims === null || dims === undefined) return {};
  const parsed = dimensionsSchema.safeParse(dims);
  if (!parsed.success) return undefined;
  const out: AppleAudience = {};
  const ranges = parsed.data.age?.included ?? [];
  if (ranges.length > 1) return undefined;
  const range = ranges[0];
  if (range?.minAge !== undefined && range.minAge !== null) out.minAge = range.minAge;
  if (range?.maxAge !== undefined && range.maxAge !== null) out.maxAge = range.maxAge;
  const genders = parsed.data.gender?.included ?? [];
  if (genders.length > 0) out.genders = [...new Set(genders)];
  return out;
}

/** Same age bounds and the same set of genders. */
export function sameAudience(a: AppleAudience, b: AppleAudience): boolean {
  const g = (x: AppleAudience) => [...new Set(x.genders ?? [])].sort().join(",");
  return a.minAge === b.minAge && a.maxAge === b.maxAge && g(a) === g(b);
}
