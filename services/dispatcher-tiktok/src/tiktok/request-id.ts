import { createHash } from "node:crypto";

/** Largest value a TikTok create `request_id` can hold: a signed 64-bit integer, kept non-negative. */
export const MAX_TIKTOK_REQUEST_ID = 2n ** 63n - 1n;

/**
 * The create `request_id` for a Layers intent: a decimal string of the first 63 bits of
 * SHA-256(intentId). TikTok creates once per `request_id` and advertiser, so every retry of the
 * same intent — after a timeout, a lost answer or a takeover — must send the same value; a hash
 * needs no stored state and two intents collide only with ~2^-63 odds.
 *
 * `part` tells apart several objects one intent creates (e.g. `"adgroup:0"`); it is joined with a
 * NUL so that (`"a:b"`, none) and (`"a"`, `"b"`) never share a value.
 */
export function tiktokRequestId(intentId: string, part?: string): string {
  if (intentId === "") throw new RangeError("tiktokRequestId needs a non-empty intent id");
  const key = part === undefined ? intentId : `${intentId}\u0000${part}`;
  const digest = createHash("sha256").update(key, "utf8").digest();
  // Top 64 bits, shifted right once: 63 bits, so the value fits TikTok's int64 without a sign.
  return (digest.readBigUInt64BE(0) >> 1n).toString(10);
}

/** True for a string TikTok can take as a create `request_id`: a decimal in [0, 2^63 − 1]. */
export function isTikTokRequestId(value: string): boolean {
  return /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_TIKTOK_REQUEST_ID;
}
