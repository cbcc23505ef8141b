import { invalidParam } from "./graph-errors.ts";
import { readJsonObject, type GraphParams } from "./graph-params.ts";
import { GEO_LOCATION_FIELDS, TARGETING_FIELDS } from "./known-fields.ts";

/** Meta's age bounds for ad targeting: 13 is the floor everywhere, 65 means "65+". */
const AGE_FLOOR = 13;
const AGE_CEILING = 65;

/**
 * `targeting={"geo_locations":{"countries":["US"]},"age_min":18,…}`. The sandbox checks the shape
 * Meta checks first (known field names, a geo_locations with countries, age bounds, genders) and
 * keeps the rest as sent: audiences, interests and placements are ids it cannot resolve.
 */
export function readTargeting(params: GraphParams): Record<string, unknown> | undefined {
  const spec = readJsonObject(params, "targeting");
  return spec === undefined ? undefined : parseTargeting(spec);
}

export function parseTargeting(spec: Readonly<Record<string, unknown>>): Record<string, unknown> {
  for (const key of Object.keys(spec)) {
    if (!TARGETING_FIELDS.has(key)) throw invalid(`targeting has no field ${key}`);
  }
  const geo = spec.geo_locations;
  if (geo === undefined) throw invalid("targeting must include geo_locations, e.g. {\"geo_locations\":{\"countries\":[\"US\"]}}");
  if (geo === null || typeof geo !== "object" || Array.isArray(geo)) throw invalid("targeting.geo_locations must be an object");
  for (const key of Object.keys(geo)) {
    if (!GEO_LOCATION_FIELDS.has(key)) throw invalid(`targeting.geo_locations has no field ${key}`);
  }
  const countries = (geo as Record<string, unknown>).countries;
  if (!Array.isArray(countries) || countries.length === 0 || !countries.every((c) => typeof c === "string" && /^[A-Z]{2}$/.test(c))) {
    throw invalid("targeting.geo_locations.countries must list at least one ISO 3166 alpha-2 country code");
  }
  const ageMin = readAge(spec, "age_min");
  const ageMax = readAge(spec, "age_max");
  if (ageMin !== undefined && ageMax !== undefined && ageMax < ageMin) throw invalid("targeting.age_max must not be below age_min");
  const genders = spec.genders;
  if (genders !== undefined && (!Array.isArray(genders) || !genders.every((g) => g === 1 || g === 2))) {
    throw invalid("targeting.genders must be a list of 1 (male) and 2 (female)");
  }
  return structuredClone(spec) as Record<string, unknown>;
}

function readAge(spec: Readonly<Record<string, unknown>>, key: "age_min" | "age_max"): number | undefined {
  const v = spec[key];
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v) || v < AGE_FLOOR || v > AGE_CEILING) {
    throw invalid(`targeting.${key} must be an integer from ${AGE_FLOOR} to ${AGE_CEILING}`);
  }
  return v;
}

function invalid(msg: string) {
  return invalidParam("targeting", msg);
}
