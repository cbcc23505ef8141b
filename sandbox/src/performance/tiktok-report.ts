import { minorToDecimalString } from "@layers/contracts";
import { TT_CODE, TtError, errorEnvelope, invalidParam, newResponseRequestId, okEnvelope, type TtEnvelope } from "../tiktok/envelope.ts";
import type { TiktokStore } from "../tiktok/tiktok-store.ts";
import { ZERO_DAY, addDays, datesBetween, isZeroDay, isoDateSchema, spanDays, type DailyNumbers } from "./daily.ts";
import type { PerformanceBook } from "./performance-book.ts";
import { tiktokTree } from "./trees.ts";

const DATA_LEVELS = { AUCTION_ADVERTISER: "advertiser_id", AUCTION_CAMPAIGN: "campaign_id", AUCTION_ADGROUP: "adgroup_id", AUCTION_AD: "ad_id" } as const;
type DataLevel = keyof typeof DATA_LEVELS;
const METRICS = ["spend", "impressions", "clicks", "ctr", "cpc", "conversion", "cost_per_conversion", "currency", "campaign_name", "adgroup_name", "ad_name", "campaign_id", "adgroup_id"] as const;

export interface TiktokReportRequest {
  token: string | undefined;
  query: Record<string, unknown>;
  now: Date;
}

/**
 * `GET /open_api/v1.3/report/integrated/get/`, BASIC report only: `advertiser_id`, `data_level`,
 * `dimensions` (the level's id, optionally with `stat_time_day`), `metrics`, `start_date`,
 * `end_date` (≤ 30 days with `stat_time_day`), `page`, `page_size` (≤ 1000). Rows under
 * `data.list[]` as `{dimensions, metrics}`, metric values as strings, money in major units.
 */
export function tiktokReport(store: TiktokStore, book: PerformanceBook, req: TiktokReportRequest): TtEnvelope {
  const requestId = newResponseRequestId(req.now);
  try {
    return okEnvelope(answer(store, book, req), requestId);
  } catch (err) {
    if (err instanceof TtError) return errorEnvelope(err.code, err.message, requestId);
    throw err;
  }
}

function jsonList(q: Record<string, unknown>, name: string): string[] | undefined {
  const v = q[name];
  if (v === undefined) return undefined;
  try {
    const parsed: unknown = typeof v === "string" ? JSON.parse(v) : v;
    if (Array.isArray(parsed) && parsed.every((x) => typeof x === "string")) return parsed as string[];
  } catch {
    // falls through to the refusal below
  }
  throw invalidParam(`${name}: must be a JSON list of strings`);
}

function answer(store: TiktokStore, book: PerformanceBook, req: TiktokReportRequest) {
  const q = req.query;
  const advertiser = req.token === undefined ? undefined : store.advertiserByToken(req.token);
  if (advertiser === undefined) throw new TtError(TT_CODE.TOKEN, "Access token is incorrect or has been revoked.");
  if (typeof q.advertiser_id !== "string" || q.advertiser_id === "") throw invalidParam("advertiser_id: Missing data for required field.");
  if (q.advertiser_id !== advertiser.id) throw new TtError(TT_CODE.PERMISSION, `No permission to operate advertiser ${q.advertiser_id}.`);
  if (q.report_type !== "BASIC") throw invalidParam("report_type: the sandbox serves report_type BASIC only.");
  const level = String(q.data_level ?? "");
  if (!(level in DATA_LEVELS)) throw invalidParam(`data_level: must be one of ${Object.keys(DATA_LEVELS).join(", ")}.`);
  const idDim = DATA_LEVELS[level as DataLevel];
  const dimensions = jsonList(q, "dimensions") ?? [];
  const daily = dimensions.includes("stat_time_day");
  if (!dimensions.includes(idDim) || dimensions.some((d) => d !== idDim && d !== "stat_time_day")) {
    throw invalidParam(`dimensions: with data_level ${level} use ["${idDim}"] optionally with "stat_time_day".`);
  }
  const metrics = jsonList(q, "metrics") ?? ["spend", "impressions"];
  const unknown = metrics.find((m) => !(METRICS as readonly string[]).includes(m));
  if (unknown !== undefined) throw invalidParam(`metrics: ${unknown} is not a valid metric in the sandbox.`);
  const start = isoDateSchema.safeParse(q.start_date);
  const end = isoDateSchema.safeParse(q.end_date);
  if (!start.success || !end.success) throw invalidParam("start_date, end_date: required as YYYY-MM-DD.");
  const span = spanDays(start.data, end.data);
  if (span < 1) throw invalidParam("end_date: must not be before start_date.");
  if (daily && span > 30) throw invalidParam("The time span between start_date and end_date should be no more than 30 days when stat_time_day is a dimension.");
  if (span > 365) throw invalidParam("The time span between start_date and end_date should be no more than 365 days.");
  const page = q.page === undefined ? 1 : Number(q.page);
  const pageSize = q.page_size === undefined ? 10 : Number(q.page_size);
  if (!Number.isInteger(page) || page < 1) throw invalidParam("page: must be an integer ≥ 1.");
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) throw invalidParam("page_size: must be an integer from 1 to 1000.");

  const tree = tiktokTree(store);
  const campaigns = [...store.campaigns.values()].filter((c) => c.advertiser_id === advertiser.id);
  const adgroups = [...store.adgroups.values()].filter((g) => g.advertiser_id === advertiser.id);
  const ads = [...store.ads.values()].filter((a) => a.advertiser_id === advertiser.id);
  const subjects: { id: string; attrs: Record<string, string> }[] =
    level === "AUCTION_ADVERTISER" ? [{ id: advertiser.id, attrs: {} }]
    : level === "AUCTION_CAMPAIGN" ? campaigns.map((c) => ({ id: c.campaign_id, attrs: { campaign_name: c.campaign_name } }))
    : level === "AUCTION_ADGROUP" ? adgroups.map((g) => ({ id: g.adgroup_id, attrs: { adgroup_name: g.adgroup_name, campaign_id: g.campaign_id, campaign_name: store.campaigns.get(g.campaign_id)?.campaign_name ?? "" } }))
    : ads.map((a) => ({ id: a.ad_id, attrs: { ad_name: a.ad_name, adgroup_id: a.adgroup_id, adgroup_name: store.adgroups.get(a.adgroup_id)?.adgroup_name ?? "", campaign_id: a.campaign_id, campaign_name: store.campaigns.get(a.campaign_id)?.campaign_name ?? "" } }));
  const numbersOn = (id: string, date: string): DailyNumbers =>
    level === "AUCTION_ADVERTISER" ? campaigns.reduce((sum, c) => addDays(sum, book.day("tiktok", tree, c.campaign_id, date)), ZERO_DAY) : book.day("tiktok", tree, id, date);

  const rows: { dimensions: Record<string, string>; metrics: Record<string, string> }[] = [];
  const dates = datesBetween(start.data, end.data);
  for (const s of subjects) {
    const buckets = daily ? dates.map((d) => ({ day: d, n: numbersOn(s.id, d) })) : [{ day: undefined, n: dates.reduce((sum, d) => addDays(sum, numbersOn(s.id, d)), ZERO_DAY) }];
    for (const b of buckets) {
      if (isZeroDay(b.n)) continue;
      rows.push({
        dimensions: { [idDim]: s.id, ...(b.day === undefined ? {} : { stat_time_day: `${b.day} 00:00:00` }) },
        metrics: Object.fromEntries(metrics.map((m) => [m, metricValue(m, b.n, advertiser.currency, s.attrs)])),
      });
    }
  }
  const totalPage = Math.ceil(rows.length / pageSize);
  return {
    list: rows.slice((page - 1) * pageSize, page * pageSize),
    page_info: { page, page_size: pageSize, total_number: rows.length, total_page: totalPage },
  };
}

function metricValue(m: string, n: DailyNumbers, currency: string, attrs: Record<string, string>): string {
  const major = (minor: number) => minorToDecimalString(minor, currency);
  switch (m) {
    case "spend": return major(n.spend);
    case "impressions": return String(n.impressions);
    case "clicks": return String(n.clicks);
    case "conversion": return String(n.conversions);
    case "ctr": return n.impressions === 0 ? "0.00" : ((n.clicks * 100) / n.impressions).toFixed(2);
    case "cpc": return n.clicks === 0 ? "0.00" : (Number(major(n.spend)) / n.clicks).toFixed(2);
    case "cost_per_conversion": return n.conversions === 0 ? "0.00" : (Number(major(n.spend)) / n.conversions).toFixed(2);
    case "currency": return currency;
    default: return attrs[m] ?? "";
  }
}
