import { currencyExponent, toAppleMoney } from "@layers/contracts";
import { invalidInput, notFound } from "../apple/apple-error.ts";
import type { AppleContext, AppleHandler, AppleResult } from "../apple/apple-context.ts";
import { asObject, refuseUnknown, requireValue } from "../apple/fields.ts";
import { ZERO_DAY, addDays, datesBetween, isZeroDay, isoDateSchema, spanDays, type DailyNumbers } from "../performance/daily.ts";
import type { PerformanceBook } from "../performance/performance-book.ts";
import { appleTree } from "../performance/trees.ts";
import { parseQuery, runQuery, type Filter } from "./query.ts";

/**
 * `POST /v1/reports/apps/{campaigns|adgroups|keywords}/query`, on the same reporting truth as v5's
 * reports (the performance book: scripted numbers, else a parent's children summed, else a leaf's
 * synthetic days), so both APIs report the same numbers for the same objects. Apple's rules: a
 * `campaignId` filter (EQUALS) on every apps report; `timeRange {start, end}` inclusive, `timeZone`
 * `ORTZ` (default) or `UTC`; without `granularity` only `totalMetrics` come back, with `DAILY` one
 * `granularMetrics` entry per day with delivery (DAILY: start within the last 90 days, span over
 * one day); rows without metrics only with `options.includeRows: ["EMPTY_METRICS"]`, grand totals
 * with `GRAND_TOTAL`; `pagination.pageSize` ≤ 5000, default 100. Money as `{amount, currency}`
 * padded to the currency's decimals.
 */

const LEVELS = ["campaigns", "adgroups", "keywords"] as const;
const INCLUDE_ROWS = ["GRAND_TOTAL", "EMPTY_METRICS"] as const;

interface Subject {
  id: number;
  deleted: boolean;
  adGroupId: number | null;
  metadata: Record<string, unknown>;
}

/** Report money: exact from minor units, padded like every Platform API amount read back ("42.50", "5000"). */
function reportMoney(minor: number, currency: string) {
  const m = toAppleMoney(minor, currency);
  const decimals = Math.min(2, currencyExponent(currency));
  if (decimals === 0) return m;
  const [whole, frac = ""] = m.amount.split(".");
  return { amount: `${whole}.${frac.padEnd(decimals, "0")}`, currency };
}

function metricsOf(n: DailyNumbers, currency: string) {
  const money = (minor: number) => reportMoney(minor, currency);
  return {
    impressions: n.impressions,
    taps: n.clicks,
    ttr: n.impressions === 0 ? 0 : Number((n.clicks / n.impressions).toFixed(4)),
    localSpend: money(n.spend),
    cpt: money(n.clicks === 0 ? 0 : Math.round(n.spend / n.clicks)),
    cpm: money(n.impressions === 0 ? 0 : Math.round((n.spend * 1000) / n.impressions)),
    tapInstalls: n.conversions,
    viewInstalls: 0,
    totalInstalls: n.conversions,
    totalAvgCPI: money(n.conversions === 0 ? 0 : Math.round(n.spend / n.conversions)),
  };
}

function parseTimeRange(body: Record<string, unknown>, today: string) {
  const range = asObject(requireValue(body, "timeRange"), "timeRange");
  refuseUnknown(range, ["start", "end", "timeZone", "granularity"], "timeRange.");
  const start = isoDateSchema.safeParse(requireValue(range, "start", "timeRange.start"));
  const end = isoDateSchema.safeParse(requireValue(range, "end", "timeRange.end"));
  if (!start.success || !end.success || end.data < start.data) throw invalidInput("timeRange", "timeRange needs start <= end, both YYYY-MM-DD");
  if (range.timeZone !== undefined && range.timeZone !== "ORTZ" && range.timeZone !== "UTC") throw invalidInput("timeRange.timeZone", "timeZone is ORTZ or UTC");
  const granularity = range.granularity;
  if (granularity !== undefined && granularity !== "DAILY") throw invalidInput("timeRange.granularity", "the sandbox serves totals or DAILY");
  if (granularity === "DAILY") {
    if (spanDays(start.data, end.data) < 2) throw invalidInput("timeRange", "DAILY needs a span of more than one day; omit granularity for one day");
    if (spanDays(start.data, today) > 91) throw invalidInput("timeRange.start", "DAILY starts within the last 90 days");
  }
  return { start: start.data, end: end.data, daily: granularity === "DAILY" };
}

function parseOptions(body: Record<string, unknown>): Set<string> {
  if (body.options === undefined || body.options === null) return new Set();
  const o = asObject(body.options, "options");
  refuseUnknown(o, ["includeRows"], "options.");
  const rows = o.includeRows ?? [];
  if (!Array.isArray(rows) || rows.some((r) => !(INCLUDE_ROWS as readonly unknown[]).includes(r))) throw invalidInput("options.includeRows", `includeRows takes ${INCLUDE_ROWS.join(", ")}`);
  return new Set(rows as string[]);
}

function subjectsOf(ctx: AppleContext, level: (typeof LEVELS)[number], campaignId: number): Subject[] {
  const c = ctx.store.campaign(campaignId);
  if (c === undefined || c.orgId !== ctx.org.orgId) throw notFound("Campaign", String(campaignId));
  const base = { adAccountId: c.orgId, campaignId: c.id };
  if (level === "campaigns") return [{ id: c.id, deleted: c.deleted, adGroupId: null, metadata: { id: c.id, name: c.name, ...base, status: c.status, deleted: c.deleted } }];
  const groups = ctx.store.adGroups(c.id);
  if (level === "adgroups") return groups.map((g) => ({ id: g.id, deleted: g.deleted, adGroupId: g.id, metadata: { id: g.id, name: g.name, ...base, adGroupId: g.id, status: g.status, deleted: g.deleted } }));
  return groups.flatMap((g) =>
    ctx.store.keywords(g.id).map((k) => ({ id: k.id, deleted: k.deleted, adGroupId: g.id, metadata: { id: k.id, name: k.text, ...base, adGroupId: g.id, matchType: k.matchType, deleted: k.deleted } })),
  );
}

/** The apps reports handler, reading the numbers from `book`. */
export function appsReportQuery(book: PerformanceBook): AppleHandler {
  return (ctx: AppleContext): AppleResult => {
    const level = ctx.params.level as (typeof LEVELS)[number];
    if (!LEVELS.includes(level)) throw notFound("Report", String(ctx.params.level));
    const body = asObject(ctx.body, null);
    refuseUnknown(body, ["timeRange", "filters", "sorting", "pagination", "fields", "groupBy", "options"]);
    if (body.groupBy !== undefined) throw invalidInput("groupBy", "the sandbox serves reports without groupBy");
    const range = parseTimeRange(body, ctx.now.toISOString().slice(0, 10));
    const include = parseOptions(body);
    const q = parseQuery(
      { filters: body.filters, sorting: body.sorting, pagination: body.pagination },
      {
        fields: { campaignId: ["EQUALS"], adGroupId: ["EQUALS", "IN"], id: ["EQUALS", "IN"] },
        maxPageSize: 5000,
        defaultPageSize: 100,
        requires: (fs: readonly Filter[]) => (fs.some((f) => f.field === "campaignId") ? undefined : "apps reports need a campaignId filter"),
      },
    );
    const cidFilter = q.filters.find((f) => f.field === "campaignId")!;
    const cid = Number(Array.isArray(cidFilter.value) ? cidFilter.value[0] : cidFilter.value);
    if (!Number.isSafeInteger(cid)) throw invalidInput("filters", "campaignId must be a campaign id");
    const tree = appleTree(ctx.store);
    const currency = ctx.org.currency;
    const dates = datesBetween(range.start, range.end);
    let grand = ZERO_DAY;
    const rows: Array<Record<string, unknown>> = [];
    for (const s of subjectsOf(ctx, level, cid)) {
      const days = dates.map((date) => ({ date, n: book.day("apple", tree, String(s.id), date) }));
      const total = days.reduce((sum, d) => addDays(sum, d.n), ZERO_DAY);
      if (isZeroDay(total) && !include.has("EMPTY_METRICS")) continue;
      grand = addDays(grand, total);
      rows.push({
        id: s.id,
        adGroupId: s.adGroupId,
        campaignId: cid,
        // Reports cover history: a deleted object still reports the days it delivered.
        deleted: false,
        row: {
          metadata: s.metadata,
          totalMetrics: metricsOf(total, currency),
          ...(range.daily ? { granularMetrics: days.filter((d) => !isZeroDay(d.n)).map((d) => ({ date: d.date, ...metricsOf(d.n, currency) })) } : {}),
        },
      });
    }
    const page = runQuery(rows, { ...q, filters: q.filters.filter((f) => f.field !== "campaignId") });
    return {
      body: {
        result: { rows: page.result.map((r) => r.row), ...(include.has("GRAND_TOTAL") ? { summary: { grandTotal: metricsOf(grand, currency) } } : {}) },
        pagination: page.pagination,
      },
    };
  };
}
