import type { TikTokFields } from "./tiktok/index.ts";

/**
 * Reconcile check for an update: true when the object read from TikTok already holds every field
 * the write sets, so an earlier attempt landed and sending it again would be a second mutation.
 * Money compares as numbers (TikTok may read `50` back for `50.0`), id lists as sets.
 */
export function tiktokHolds(current: Readonly<Record<string, unknown>>, fields: TikTokFields): boolean {
  return Object.entries(fields).every(([key, want]) => sameValue(current[key], want));
}

function sameValue(have: unknown, want: unknown): boolean {
  if (have === undefined || have === null) return want === undefined || want === null;
  if (Array.isArray(want)) {
    if (!Array.isArray(have) || have.length !== want.length) return false;
    const a = have.map(String).sort();
    const b = want.map(String).sort();
    return a.every((v, i) => v === b[i]);
  }
  if (typeof want === "number") return Number(have) === want;
  return String(have) === String(want);
}
