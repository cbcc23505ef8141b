import { invalidInput, invalidJson } from "./apple-error.ts";
import { asObject, refuseUnknown } from "./fields.ts";

/**
 * Apple's ad group `TargetingDimensions`: one criteria object per dimension, each `{included: […]}`
 * (`excluded` too for some). Age and gender are read strictly, because Layers writes them; the
 * other dimensions are kept as sent (an object or null) so a client that sends them is not refused.
 */
export type TargetingDimensions = Record<string, unknown>;

const DIMENSIONS = ["age", "gender", "country", "adminArea", "locality", "deviceClass", "daypart", "appDownloaders", "appCategories"] as const;
export const GENDERS = ["M", "F"] as const;

/** Validates `targetingDimensions`; null (or an all-null object) clears it. */
export function parseTargetingDimensions(value: unknown, field: string): TargetingDimensions | null {
  if (value === null) return null;
  const o = asObject(value, field);
  refuseUnknown(o, DIMENSIONS, `${field}.`);
  const out: TargetingDimensions = {};
  for (const [key, criteria] of Object.entries(o)) {
    if (criteria === null || criteria === undefined) continue;
    const path = `${field}.${key}`;
    if (key === "age") out.age = readAge(criteria, path);
    else if (key === "gender") out.gender = readGender(criteria, path);
    else out[key] = asObject(criteria, path);
  }
  return Object.keys(out).length === 0 ? null : out;
}

function included(criteria: unknown, path: string): unknown[] {
  const o = asObject(criteria, path);
  refuseUnknown(o, ["included"], `${path}.`);
  if (!Array.isArray(o.included) || o.included.length === 0) throw invalidInput(`${path}.included`, `${path}.included must be a non-empty list`);
  return o.included;
}

function readAge(criteria: unknown, path: string): { included: Array<{ minAge?: number; maxAge?: number }> } {
  const ranges = included(criteria, path).map((raw, i) => {
    const at = `${path}.included[${i}]`;
    const r = asObject(raw, at);
    refuseUnknown(r, ["minAge", "maxAge"], `${at}.`);
    const range: { minAge?: number; maxAge?: number } = {};
    for (const k of ["minAge", "maxAge"] as const) {
      const v = r[k];
      if (v === undefined || v === null) continue;
      if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 150) throw invalidInput(`${at}.${k}`, `${k} must be a whole number of years`);
      range[k] = v;
    }
    if (range.minAge === undefined && range.maxAge === undefined) throw invalidJson(`${at} needs minAge or maxAge`);
    if (range.minAge !== undefined && range.maxAge !== undefined && range.minAge > range.maxAge) throw invalidInput(`${at}.minAge`, "minAge must not exceed maxAge");
    return range;
  });
  return { included: ranges };
}

function readGender(criteria: unknown, path: string): { included: string[] } {
  const values = included(criteria, path);
  for (const v of values) {
    if (typeof v !== "string" || !(GENDERS as readonly string[]).includes(v)) throw invalidInput(`${path}.included`, `${path}.included must hold ${GENDERS.join(" or ")}`);
  }
  return { included: [...new Set(values as string[])] };
}
