import { PermanentError } from "@layers/runtime";

/**
 * Apple ids (`id`, `orgId`, `adAccountId`, `campaignId`, `adGroupId`, `adamId`, `creativeId`) are int64 JSON numbers; Layers
 * keeps platform ids as decimal text. A JS number is exact only up to 2^53, so ids never pass
 * through one: answers are parsed with the number's source text, and requests write the text back
 * as a raw JSON number.
 */

const INT64_MAX = 9_223_372_036_854_775_807n;
const DIGITS = /^[1-9]\d{0,18}$/;

/** The keys whose numeric values are ids, wherever they appear in an Apple answer. */
const ID_KEYS = new Set(["id", "orgId", "adAccountId", "campaignId", "adGroupId", "adamId", "creativeId"]);

/** A positive int64 in canonical decimal spelling (no sign, no leading zeros). */
export function isAppleId(value: string): boolean {
  return DIGITS.test(value) && BigInt(value) <= INT64_MAX;
}

/** Refuses an id that cannot be an Apple id before it goes into a path or a body; retrying cannot fix it. */
export function assertAppleId(value: string, what: string): string {
  if (!isAppleId(value)) throw new PermanentError("invalid_platform_id", `${what} ${JSON.stringify(value)} is not an Apple id (a positive int64)`);
  return value;
}

// `JSON.rawJSON` and the reviver's `context.source` are in Node ≥ 21 but not yet in TypeScript's lib.
const json = JSON as unknown as {
  rawJSON(text: string): object;
  parse(text: string, reviver: (key: string, value: unknown, context?: { source?: string }) => unknown): unknown;
};

/** An id as the JSON number Apple expects, written digit for digit (`JSON.stringify` emits it verbatim). */
export function wireId(value: string, what: string): object {
  return json.rawJSON(assertAppleId(value, what));
}

/**
 * Parses an Apple answer with every id-keyed number turned into its exact decimal text. Undefined
 * for an empty or non-JSON body (a proxy's HTML page, a void answer).
 */
export function parseAppleJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return json.parse(text, (key, value, context) =>
      ID_KEYS.has(key) && typeof value === "number" ? (context?.source ?? String(value)) : value,
    );
  } catch {
    return undefined;
  }
}
