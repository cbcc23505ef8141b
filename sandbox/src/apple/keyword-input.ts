import { invalidInput, invalidJson } from "./apple-error.ts";
import type { KeywordStatus } from "./apple-types.ts";
import { asObject, readEnum, readId, refuseUnknown, requireValue } from "./fields.ts";
import { parseMoney } from "./money.ts";

export const MATCH_TYPES = ["BROAD", "EXACT"] as const;
export const KEYWORD_STATUSES = ["ACTIVE", "PAUSED"] as const satisfies readonly KeywordStatus[];
export const KEYWORD_TEXT_MAX = 80;

export interface KeywordCreateInput {
  text: string;
  matchType: "BROAD" | "EXACT";
  status: KeywordStatus;
  bidCents?: number;
}

export interface KeywordUpdateInput {
  id: number;
  status?: KeywordStatus;
  bidCents?: number;
}

function asList(body: unknown): unknown[] {
  if (!Array.isArray(body) || body.length === 0) throw invalidJson("The request body must be a non-empty JSON array");
  return body;
}

/** `POST …/targetingkeywords/bulk`: all items are checked before any is applied. */
export function parseKeywordCreates(body: unknown, ctx: { currency: string }): KeywordCreateInput[] {
  const seen = new Set<string>();
  return asList(body).map((raw, i) => {
    const o = asObject(raw, `[${i}]`);
    refuseUnknown(o, ["text", "matchType", "bidAmount", "status", "adGroupId", "campaignId"], `[${i}].`);
    const text = requireValue(o, "text", `[${i}].text`);
    if (typeof text !== "string" || text.trim() === "" || text.length > KEYWORD_TEXT_MAX) {
      throw invalidInput(`[${i}].text`, `text must be 1-${KEYWORD_TEXT_MAX} characters`);
    }
    const matchType = readEnum(requireValue(o, "matchType", `[${i}].matchType`), `[${i}].matchType`, MATCH_TYPES);
    const dedupe = `${matchType}:${text.trim().toLowerCase()}`;
    if (seen.has(dedupe)) throw invalidInput(`[${i}].text`, `duplicate keyword "${text}" with match type ${matchType} in the request`);
    seen.add(dedupe);
    const out: KeywordCreateInput = { text: text.trim(), matchType, status: o.status === undefined ? "ACTIVE" : readEnum(o.status, `[${i}].status`, KEYWORD_STATUSES) };
    if (o.bidAmount !== undefined && o.bidAmount !== null) out.bidCents = parseMoney(o.bidAmount, `[${i}].bidAmount`, ctx.currency);
    return out;
  });
}

/** `PUT …/targetingkeywords/bulk`: `{id, status?, bidAmount?}` per keyword. */
export function parseKeywordUpdates(body: unknown, ctx: { currency: string }): KeywordUpdateInput[] {
  const ids = new Set<number>();
  return asList(body).map((raw, i) => {
    const o = asObject(raw, `[${i}]`);
    refuseUnknown(o, ["id", "status", "bidAmount", "adGroupId", "campaignId"], `[${i}].`);
    const id = readId(requireValue(o, "id", `[${i}].id`), `[${i}].id`);
    if (ids.has(id)) throw invalidInput(`[${i}].id`, `keyword ${id} appears twice in the request`);
    ids.add(id);
    const out: KeywordUpdateInput = { id };
    if (o.status !== undefined) out.status = readEnum(o.status, `[${i}].status`, KEYWORD_STATUSES);
    if (o.bidAmount !== undefined) out.bidCents = parseMoney(o.bidAmount, `[${i}].bidAmount`, ctx.currency);
    return out;
  });
}
