import {
  audienceOf,
  fromAppleMoney,
  fromAppleTime,
  sameAudience,
  type AppleAdGroup,
  type AppleAudience,
  type AppleCampaign,
  type AppleKeyword,
  type AppleMoney,
} from "./apple/index.ts";

/**
 * Reconcile checks: does Apple already hold what a write sets? Used before repeating a call that
 * may have landed (Apple has no request id to dedupe on), so a "yes" must never be a guess: any
 * value we cannot compare exactly counts as "not held", and the write is sent again.
 */

/** Every field of `want` is held by `have` (money by value, times by instant, country lists as sets). */
export function holdsFields(have: Record<string, unknown>, want: Record<string, unknown>): boolean {
  return Object.entries(want).every(([key, value]) => value === undefined || sameValue(key, have[key], value));
}

export function campaignHolds(c: AppleCampaign, want: Record<string, unknown>): boolean {
  return c.deleted !== true && holdsFields(c, want);
}

/** `audience`: a targeting write, compared on age and gender only (Layers keeps the other dimensions as Apple has them). */
export function adGroupHolds(g: AppleAdGroup, want: Record<string, unknown>, audience?: AppleAudience): boolean {
  if (g.deleted === true || !holdsFields(g, want)) return false;
  if (audience === undefined) return true;
  const held = audienceOf(g.targetingDimensions);
  return held !== undefined && sameAudience(held, audience);
}

export function keywordHolds(k: AppleKeyword, want: Record<string, unknown>): boolean {
  return k.deleted !== true && holdsFields(k, want);
}

/** Apple keeps keyword text unique per ad group and match type regardless of case. */
export function sameKeyword(k: Pick<AppleKeyword, "text" | "matchType" | "deleted">, want: { text: string; matchType: string }): boolean {
  return k.deleted !== true && k.matchType === want.matchType && k.text.trim().toLowerCase() === want.text.trim().toLowerCase();
}

function sameValue(key: string, have: unknown, want: unknown): boolean {
  if (have === undefined || have === null) return false;
  if (isMoney(want)) return isMoney(have) && sameMoney(have, want);
  if (key === "startTime" || key === "endTime") return typeof have === "string" && typeof want === "string" && sameTime(have, want);
  if (Array.isArray(want)) return Array.isArray(have) && sameSet(have, want);
  return have === want;
}

function isMoney(v: unknown): v is AppleMoney {
  return typeof v === "object" && v !== null && typeof (v as AppleMoney).amount === "string" && typeof (v as AppleMoney).currency === "string";
}

function sameMoney(a: AppleMoney, b: AppleMoney): boolean {
  if (a.currency !== b.currency) return false;
  try {
    return fromAppleMoney(a) === fromAppleMoney(b);
  } catch {
    return false;
  }
}

function sameTime(a: string, b: string): boolean {
  const x = fromAppleTime(a);
  const y = fromAppleTime(b);
  return x !== undefined && y !== undefined && x.getTime() === y.getTime();
}

function sameSet(a: readonly unknown[], b: readonly unknown[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...y].every((v) => x.has(v));
}
