import { minorToDecimalString } from "@layers/contracts";
import { GraphError } from "../meta/graph-error.ts";
import { invalidParam, invalidToken, missingToken, unknownObject } from "../meta/graph-errors.ts";
import type { MetaStore } from "../meta/meta-store.ts";
import { ZERO_DAY, addDays, datesBetween, isZeroDay, isoDateSchema, spanDays, type DailyNumbers } from "./daily.ts";
import type { PerformanceBook } from "./performance-book.ts";
import { metaTree } from "./trees.ts";

const LEVELS = ["account", "campaign", "adset", "ad"] as const;
type MetaLevel = (typeof LEVELS)[number];

/** One entity at the requested level with the names and parent ids an insights row carries. */
interface Subject {
  id: string;
  campaign?: { id: string; name: string };
  adset?: { id: string; name: string };
  ad?: { id: string; name: string };
}

export interface InsightsRequest {
  objectId: string;
  query: Record<string, unknown>;
  authorization: string | undefined;
  today: string;
}

export interface InsightsAnswer {
  status: number;
  body: unknown;
}

/** The conversion event the sandbox reports under `actions` (and `conversions`). */
export const META_CONVERSION_ACTION = "offsite_conversion.fb_pixel_purchase";
const DEFAULT_FIELDS = ["date_start", "date_stop", "impressions", "spend"];

/**
 * `GET /{object-id}/insights`: `level`, `time_range {since, until}` or `date_preset`
 * (`last_7d|last_14d|last_28d|last_30d|last_90d`, ending yesterday; default `last_30d`),
 * `time_increment=1` for daily rows (otherwise one row for the range), `fields`, `limit`, `after`.
 * Scalars are strings, `spend` a decimal in major units, conversions in `actions`; rows with no
 * delivery are left out, as Meta does.
 */
export function metaInsights(store: MetaStore, book: PerformanceBook, req: InsightsRequest): InsightsAnswer {
  try {
    return { status: 200, body: answer(store, book, req) };
  } catch (err) {
    if (err instanceof GraphError) return { status: err.status, body: err.toBody() };
    throw err;
  }
}

function answer(store: MetaStore, book: PerformanceBook, req: InsightsRequest): unknown {
  const q = req.query;
  const token = typeof q.access_token === "string" ? q.access_token : /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(req.authorization ?? "")?.[1];
  if (token === undefined) throw missingToken();
  const account = store.accountByToken(token);
  if (account === undefined) throw invalidToken();

  const act = /^act_(\d+)$/.exec(req.objectId);
  const node = act ? undefined : store.node(req.objectId);
  const objectAccount = act ? act[1] : node === undefined || node.type === "creative" ? undefined : node.type === "campaign" ? node.campaign.accountId : node.type === "adSet" ? node.adSet.accountId : node.ad.accountId;
  if (objectAccount !== account.id) throw unknownObject(req.objectId, "get");
  const objectLevel: MetaLevel = act ? "account" : node?.type === "campaign" ? "campaign" : node?.type === "adSet" ? "adset" : "ad";

  const level = q.level === undefined ? objectLevel : String(q.level);
  if (!(LEVELS as readonly string[]).includes(level)) throw invalidParam("level", `level must be one of ${LEVELS.join(", ")}`);
  if (LEVELS.indexOf(level as MetaLevel) < LEVELS.indexOf(objectLevel)) throw invalidParam("level", `level ${level} is above the object's level ${objectLevel}`);

  const { since, until } = timeRange(q, req.today);
  const daily = q.time_increment === undefined || q.time_increment === "all_days" ? false : String(q.time_increment) === "1" ? true : invalidIncrement();
  const fields = typeof q.fields === "string" && q.fields.trim() !== "" ? q.fields.split(",").map((f) => f.trim()) : DEFAULT_FIELDS;
  const limit = q.limit === undefined ? 25 : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw invalidParam("limit", "limit must be an integer from 1 to 5000");
  const offset = q.after === undefined ? 0 : Number(Buffer.from(String(q.after), "base64url").toString("utf8"));
  if (!Number.isInteger(offset) || offset < 0) throw invalidParam("after", "Invalid cursor");

  const tree = metaTree(store);
  const subjects = subjectsAt(store, level as MetaLevel, req.objectId, objectLevel, account.id);
  const rows: Record<string, unknown>[] = [];
  for (const s of subjects) {
    const numbersOn = (date: string): DailyNumbers =>
      level === "account" ? store.campaignsNewestFirst(account.id).reduce((sum, c) => addDays(sum, book.day("meta", tree, c.id, date)), ZERO_DAY) : book.day("meta", tree, s.id, date);
    const buckets = daily ? datesBetween(since, until).map((d) => ({ start: d, stop: d, n: numbersOn(d) })) : [{ start: since, stop: until, n: datesBetween(since, until).reduce((sum, d) => addDays(sum, numbersOn(d)), ZERO_DAY) }];
    for (const b of buckets) if (!isZeroDay(b.n)) rows.push(row(fields, account.id, account.currency, s, b.start, b.stop, b.n));
  }
  const page = rows.slice(offset, offset + limit);
  const cursor = (n: number) => Buffer.from(String(n), "utf8").toString("base64url");
  const paging = page.length === 0 ? undefined : { cursors: { before: cursor(offset), after: cursor(offset + page.length - 1 + 1) }, ...(offset + limit < rows.length ? { next: `insights?after=${cursor(offset + limit)}` } : {}) };
  return { data: page, ...(paging ? { paging } : {}) };
}

function invalidIncrement(): never {
  throw invalidParam("time_increment", "time_increment must be 1 or all_days in the sandbox");
}

const PRESET_DAYS: Record<string, number> = { last_7d: 7, last_14d: 14, last_28d: 28, last_30d: 30, last_90d: 90 };

function timeRange(q: Record<string, unknown>, today: string): { since: string; until: string } {
  if (q.time_range !== undefined) {
    let parsed: unknown;
    try {
      parsed = typeof q.time_range === "string" ? JSON.parse(q.time_range) : q.time_range;
    } catch {
      throw invalidParam("time_range", "time_range must be a JSON object {since, until}");
    }
    const p = parsed as { since?: unknown; until?: unknown };
    const since = isoDateSchema.safeParse(p?.since);
    const until = isoDateSchema.safeParse(p?.until);
    if (!since.success || !until.success) throw invalidParam("time_range", "time_range needs since and until as YYYY-MM-DD");
    if (spanDays(since.data, until.data) < 1) throw invalidParam("time_range", "since must not be after until");
    return { since: since.data, until: until.data };
  }
  const preset = q.date_preset === undefined ? "last_30d" : String(q.date_preset);
  const days = PRESET_DAYS[preset];
  if (days === undefined) throw invalidParam("date_preset", `date_preset must be one of ${Object.keys(PRESET_DAYS).join(", ")} in the sandbox`);
  const end = Date.parse(`${today}T00:00:00Z`) - 86_400_000;
  return { since: new Date(end - (days - 1) * 86_400_000).toISOString().slice(0, 10), until: new Date(end).toISOString().slice(0, 10) };
}

function subjectsAt(store: MetaStore, level: MetaLevel, objectId: string, objectLevel: MetaLevel, accountId: string): Subject[] {
  if (level === "account") return [{ id: `act_${accountId}` }];
  const inScope = (ids: { campaign: string; adset?: string; ad?: string }) =>
    objectLevel === "account" || (objectLevel === "campaign" && ids.campaign === objectId) || (objectLevel === "adset" && ids.adset === objectId) || (objectLevel === "ad" && ids.ad === objectId);
  const campaignOf = (id: string) => ({ id, name: store.campaign(id)?.name ?? "" });
  const oldestFirst = <T>(xs: T[]) => [...xs].reverse();
  if (level === "campaign") return oldestFirst(store.campaignsNewestFirst(accountId)).filter((c) => inScope({ campaign: c.id })).map((c) => ({ id: c.id, campaign: { id: c.id, name: c.name } }));
  if (level === "adset") {
    return oldestFirst(store.adSetsNewestFirst(accountId))
      .filter((s) => inScope({ campaign: s.campaignId, adset: s.id }))
      .map((s) => ({ id: s.id, campaign: campaignOf(s.campaignId), adset: { id: s.id, name: s.name } }));
  }
  return oldestFirst(store.adsNewestFirst(accountId))
    .filter((a) => inScope({ campaign: a.campaignId, adset: a.adSetId, ad: a.id }))
    .map((a) => ({ id: a.id, campaign: campaignOf(a.campaignId), adset: { id: a.adSetId, name: store.adSet(a.adSetId)?.name ?? "" }, ad: { id: a.id, name: a.name } }));
}

function row(fields: readonly string[], accountId: string, currency: string, s: Subject, start: string, stop: string, n: DailyNumbers): Record<string, unknown> {
  const spend = minorToDecimalString(n.spend, currency);
  const out: Record<string, unknown> = {};
  const actions = n.conversions === 0 ? undefined : [{ action_type: META_CONVERSION_ACTION, value: String(n.conversions) }];
  for (const f of fields) {
    switch (f) {
      case "account_id": out.account_id = accountId; break;
      case "account_currency": out.account_currency = currency; break;
      case "campaign_id": if (s.campaign) out.campaign_id = s.campaign.id; break;
      case "campaign_name": if (s.campaign) out.campaign_name = s.campaign.name; break;
      case "adset_id": if (s.adset) out.adset_id = s.adset.id; break;
      case "adset_name": if (s.adset) out.adset_name = s.adset.name; break;
      case "ad_id": if (s.ad) out.ad_id = s.ad.id; break;
      case "ad_name": if (s.ad) out.ad_name = s.ad.name; break;
      case "spend": out.spend = spend; break;
      case "impressions": out.impressions = String(n.impressions); break;
      case "clicks": out.clicks = String(n.clicks); break;
      case "ctr": out.ctr = n.impressions === 0 ? "0" : String((n.clicks * 100) / n.impressions); break;
      case "cpc": if (n.clicks > 0) out.cpc = String(Number(spend) / n.clicks); break;
      case "actions": case "conversions": if (actions) out[f] = actions; break;
      case "date_start": case "date_stop": break;
      default: throw invalidParam("fields", `(#100) ${f} is not valid for fields param in the sandbox`);
    }
  }
  out.date_start = start;
  out.date_stop = stop;
  return out;
}
