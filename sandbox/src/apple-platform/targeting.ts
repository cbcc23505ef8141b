import { invalidInput } from "../apple/apple-error.ts";
import { asObject, readCountries, readEnumList, refuseUnknown } from "../apple/fields.ts";
import { parseTargetingDimensions, type TargetingDimensions } from "../apple/targeting-input.ts";

/**
 * Targeting in the Platform API's spelling, translated to and from the v5 `targetingDimensions`
 * the store keeps (one state behind both APIs). v1 dimensions are `{include?: [string], exclude?:
 * [string]}`, numbers as strings (`minAge: {include: ["18"]}`); v5 nests age as
 * `age.included[{minAge, maxAge}]` and says `included` / `excluded`.
 */

/** v1 ad-group dimension → v5 dimension name (age is special). */
const V5_NAME: Record<string, string> = {
  gender: "gender",
  deviceClass: "deviceClass",
  country: "country",
  adminArea: "adminArea",
  locality: "locality",
  daypart: "daypart",
  appDownloader: "appDownloaders",
  appCategory: "appCategories",
};
const V1_NAME = Object.fromEntries(Object.entries(V5_NAME).map(([v1, v5]) => [v5, v1]));
const INCLUDE_ONLY = new Set(["minAge", "maxAge", "gender", "deviceClass", "daypart"]);

function criteria(value: unknown, path: string, dim: string): { include?: string[]; exclude?: string[] } {
  const o = asObject(value, path);
  refuseUnknown(o, INCLUDE_ONLY.has(dim) ? ["include"] : ["include", "exclude"], `${path}.`);
  const out: { include?: string[]; exclude?: string[] } = {};
  for (const k of ["include", "exclude"] as const) {
    const v = o[k];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== "string")) throw invalidInput(`${path}.${k}`, `${path}.${k} must be a non-empty list of strings`);
    out[k] = v as string[];
  }
  return out;
}

function age(value: unknown, path: string, dim: string): number {
  const { include } = criteria(value, path, dim);
  if (include?.length !== 1 || !/^\d{2}$/.test(include[0]!)) throw invalidInput(`${path}.include`, `${path}.include must hold one age in years, as a string (18-64)`);
  const n = Number(include[0]);
  if (n < 18 || n > 64) throw invalidInput(`${path}.include`, `${path} must be 18-64 (omit maxAge for 65+)`);
  return n;
}

/** An ad group's v1 `targeting` → v5 `targetingDimensions` (validated the v5 way too); null clears. */
export function adGroupTargetingToStore(value: unknown, path = "targeting"): TargetingDimensions | null {
  if (value === null) return null;
  const o = asObject(value, path);
  refuseUnknown(o, ["minAge", "maxAge", ...Object.keys(V5_NAME)], `${path}.`);
  const dims: Record<string, unknown> = {};
  const minAge = o.minAge === undefined || o.minAge === null ? undefined : age(o.minAge, `${path}.minAge`, "minAge");
  const maxAge = o.maxAge === undefined || o.maxAge === null ? undefined : age(o.maxAge, `${path}.maxAge`, "maxAge");
  if (minAge !== undefined || maxAge !== undefined) {
    dims.age = { included: [{ ...(minAge === undefined ? {} : { minAge }), ...(maxAge === undefined ? {} : { maxAge }) }] };
  }
  for (const [v1, v5] of Object.entries(V5_NAME)) {
    if (o[v1] === undefined || o[v1] === null) continue;
    const c = criteria(o[v1], `${path}.${v1}`, v1);
    if (v1 === "daypart") {
      dims.daypart = { userTime: { included: (c.include ?? []).map((s) => Number(s)) } };
      continue;
    }
    dims[v5] = { ...(c.include ? { included: c.include } : {}), ...(c.exclude ? { excluded: c.exclude } : {}) };
  }
  return parseTargetingDimensions(dims, path);
}

/** The store's v5 `targetingDimensions` as a v1 `targeting` object. */
export function adGroupTargetingView(dims: TargetingDimensions | null | undefined): Record<string, unknown> | null {
  if (dims === null || dims === undefined) return null;
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(dims)) {
    if (raw === null || typeof raw !== "object") continue;
    const c = raw as { included?: unknown[]; excluded?: unknown[]; userTime?: { included?: unknown[] } };
    if (key === "age") {
      const range = (c.included?.[0] ?? {}) as { minAge?: number; maxAge?: number };
      if (range.minAge !== undefined) out.minAge = { include: [String(range.minAge)] };
      if (range.maxAge !== undefined) out.maxAge = { include: [String(range.maxAge)] };
      continue;
    }
    if (key === "daypart") {
      out.daypart = { include: (c.userTime?.included ?? c.included ?? []).map(String) };
      continue;
    }
    const name = V1_NAME[key] ?? key;
    out[name] = { ...(c.included ? { include: c.included.map(String) } : {}), ...(c.excluded ? { exclude: c.excluded.map(String) } : {}) };
  }
  return out;
}

/** v1 placements ↔ the v5 supply sources the store keeps. */
export const PLACEMENTS = ["APPSTORE_SEARCH_RESULTS", "APPSTORE_SEARCH_TAB", "APPSTORE_TODAY_TAB", "APPSTORE_PRODUCT_PAGES"] as const;
const TO_V5: Record<string, string> = { APPSTORE_PRODUCT_PAGES: "APPSTORE_PRODUCT_PAGES_BROWSE" };
const TO_V1: Record<string, string> = { APPSTORE_PRODUCT_PAGES_BROWSE: "APPSTORE_PRODUCT_PAGES" };
export const placementToV5 = (p: string) => TO_V5[p] ?? p;
export const placementToV1 = (s: string) => TO_V1[s] ?? s;

/** v5's `adChannelType`, which the Platform API dropped: search results are SEARCH, every other placement DISPLAY. */
export function channelOf(placements: readonly string[]): string {
  return placements.every((p) => p === "APPSTORE_SEARCH_RESULTS") ? "SEARCH" : "DISPLAY";
}

/** A campaign's `targeting` (include-only): countries and placements, both required. */
export function parseCampaignTargeting(value: unknown, path = "targeting"): { countries: string[]; placements: string[] } {
  const o = asObject(value, path);
  refuseUnknown(o, ["supplySource", "supplyPlacement", "countryOrRegion"], `${path}.`);
  if (o.supplySource !== undefined && o.supplySource !== null) {
    const s = criteria(o.supplySource, `${path}.supplySource`, "supplySource");
    readEnumList(s.include, `${path}.supplySource.include`, ["APPSTORE"] as const);
  }
  const place = o.supplyPlacement === undefined || o.supplyPlacement === null ? undefined : criteria(o.supplyPlacement, `${path}.supplyPlacement`, "minAge");
  const where = o.countryOrRegion === undefined || o.countryOrRegion === null ? undefined : criteria(o.countryOrRegion, `${path}.countryOrRegion`, "minAge");
  return {
    countries: readCountries(where?.include, `${path}.countryOrRegion.include`),
    placements: readEnumList(place?.include, `${path}.supplyPlacement.include`, PLACEMENTS),
  };
}
