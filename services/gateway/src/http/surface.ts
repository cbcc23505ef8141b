import {
  PATH_OF_ENTITY,
  PLATFORM_LEVELS,
  surfaceOf,
  supports,
  type Capability,
  type EntityKind,
  type LevelSurface,
  type Platform,
} from "@layers/contracts";
import { ApiError, notFound, type FieldError } from "../errors.ts";

const PLATFORM_NAME: Record<Platform, string> = { meta: "Meta", tiktok: "TikTok", apple: "Apple Search Ads" };
const LEVEL_NAME: Record<EntityKind, string> = { campaign: "campaigns", adset: "ad sets", adgroup: "ad groups", ad: "ads", keyword: "keywords" };

/** A URL level the platform does not have is a 404 that says what the platform calls its levels. */
export function assertLevel(platform: Platform, kind: EntityKind): void {
  if (PLATFORM_LEVELS[platform].includes(kind)) return;
  const levels = PLATFORM_LEVELS[platform].map((k) => PATH_OF_ENTITY[k]).join(" → ");
  throw new ApiError("NOT_FOUND", `${PLATFORM_NAME[platform]} has no ${LEVEL_NAME[kind]}; its levels are ${levels}`);
}

/** `422 UNSUPPORTED_ON_PLATFORM` for a write the platform cannot make at this level (e.g. archive on TikTok). */
export function assertSupported(platform: Platform, kind: EntityKind, capability: Capability): LevelSurface {
  const surface = surfaceOf(platform, kind);
  if (!surface || !supports(platform, kind, capability)) {
    const what = capability.replaceAll("_", " ");
    throw new ApiError("UNSUPPORTED_ON_PLATFORM", `${PLATFORM_NAME[platform]} ${LEVEL_NAME[kind]} do not support ${what}${HINTS[`${platform}:${kind}:${capability}`] ?? ""}`);
  }
  return surface;
}

const HINTS: Record<string, string> = {
  "meta:campaign:targeting": "; targeting lives on ad sets (PATCH …/meta/adsets/:id/targeting)",
  "tiktok:campaign:targeting": "; targeting lives on ad groups (PATCH …/tiktok/adgroups/:id/targeting)",
  "tiktok:campaign:bid": "; bids live on ad groups (PATCH …/tiktok/adgroups/:id/bid)",
  "tiktok:campaign:schedule": "; schedules live on ad groups (PATCH …/tiktok/adgroups/:id/schedule)",
  "apple:adgroup:budget": "; the campaign's daily budget covers its ad groups",
  "tiktok:campaign:archive": "; pause or delete instead",
  "tiktok:adgroup:archive": "; pause or delete instead",
  "tiktok:ad:archive": "; pause or delete instead",
  "apple:campaign:archive": "; pause or delete instead",
  "apple:adgroup:archive": "; pause or delete instead",
  "apple:keyword:archive": "; pause or delete instead",
};

/**
 * Fields of a body the platform does not take at this level, as one `422 UNSUPPORTED_ON_PLATFORM`
 * naming each. `allowed` is the level's list for the field family (budget, bid, schedule, targeting).
 */
export function assertFieldsAllowed(platform: Platform, kind: EntityKind, body: Record<string, unknown>, allowed: readonly string[] | undefined, pointerPrefix = ""): void {
  const errors: FieldError[] = Object.keys(body)
    .filter((f) => body[f] !== undefined && !(allowed ?? []).includes(f))
    .map((f) => ({ pointer: `${pointerPrefix}/${f}`, detail: `${PLATFORM_NAME[platform]} ${LEVEL_NAME[kind]} do not take ${f}` }));
  if (errors.length > 0) throw new ApiError("UNSUPPORTED_ON_PLATFORM", `${PLATFORM_NAME[platform]} does not take some of these fields here`, { errors });
}

/**
 * Fields the platform derives from another (`LevelSurface.implied`): given and disagreeing with
 * what the other field implies, one `422 UNSUPPORTED_ON_PLATFORM` naming each.
 */
export function assertImpliedAgree(platform: Platform, kind: EntityKind, body: Record<string, unknown>): void {
  const errors: FieldError[] = Object.entries(surfaceOf(platform, kind)?.implied ?? {})
    .filter(([field, rule]) => body[field] !== undefined && body[field] !== rule.valueOf(body[rule.from] ?? rule.fromDefault))
    .map(([field, rule]) => ({
      pointer: `/${field}`,
      detail: `${PLATFORM_NAME[platform]} takes no ${field} of its own: ${rule.from} ${JSON.stringify(body[rule.from] ?? rule.fromDefault)} imply ${String(rule.valueOf(body[rule.from] ?? rule.fromDefault))}`,
    }));
  if (errors.length > 0) throw new ApiError("UNSUPPORTED_ON_PLATFORM", `${PLATFORM_NAME[platform]} does not take some of these fields here`, { errors });
}

/** A bid strategy the platform does not know at this level. */
export function assertBidStrategy(platform: Platform, kind: EntityKind, surface: LevelSurface, bidStrategy: string | undefined, pointer = "/bidStrategy"): void {
  if (bidStrategy === undefined || !surface.bidStrategies) return;
  if (!surface.bidStrategies.includes(bidStrategy)) {
    throw new ApiError("VALIDATION", "the request body is not valid", {
      errors: [{ pointer, detail: `${PLATFORM_NAME[platform]} ${LEVEL_NAME[kind]} take one of ${surface.bidStrategies.join(", ")}` }],
    });
  }
}

export function invalid(pointer: string, detail: string): ApiError {
  return new ApiError("VALIDATION", "the request body is not valid", { errors: [{ pointer, detail }] });
}

export { notFound };
