import type { Targeting } from "@layers/contracts";
import { PermanentError } from "@layers/runtime";

/** Meta's `genders` codes. */
const GENDER_CODE = { male: 1, female: 2 } as const;

/**
 * Contract targeting → an ad set's Graph `targeting`. Meta needs a geo on every ad set, so
 * targeting without countries is refused here rather than by Meta; TikTok's `locationIds` have no
 * Meta meaning and are refused too.
 */
export function metaTargeting(t: Targeting): Record<string, unknown> {
  if (t.locationIds !== undefined) throw new PermanentError("invalid_params", "locationIds are TikTok location ids; Meta ad sets target countries");
  if (t.countries === undefined) throw new PermanentError("invalid_params", "Meta ad set targeting needs countries (geo_locations.countries)");
  const out: Record<string, unknown> = { geo_locations: { countries: [...t.countries] } };
  if (t.ageMin !== undefined) out.age_min = t.ageMin;
  if (t.ageMax !== undefined) out.age_max = t.ageMax;
  if (t.genders !== undefined) out.genders = [...new Set(t.genders)].map((g) => GENDER_CODE[g]).sort();
  return out;
}
