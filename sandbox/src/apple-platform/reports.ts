import { invalidInput, notFound } from "../apple/apple-error.ts";
import type { AppleContext, AppleResult } from "../apple/apple-context.ts";
import { asObject, refuseUnknown, requireValue } from "../apple/fields.ts";
import { platformMoney } from "./money.ts";
import { parseQuery, runQuery, type Filter } from "./query.ts";

/**
 * `POST /v1/reports/apps/{campaigns|adgroups|keywords}/query`. Nothing serves in the sandbox, so
 * the metrics are made up but stable: derived from the object's id and the number of days, so a
 * test can predict them (`sandboxMetrics`). A `campaignId` filter (EQUALS) is required on every
 * apps report; `timeRange {start, end}` is inclusive; without `granularity` only totals come back,
 * with `DAILY` one `granularMetrics` entry per day.
 */

const LEVELS = ["campaigns", "adgroups", "keywords"] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The made-up daily metrics of object `id` bidding `bidHundredths`. */
export function sandboxMetrics(id: number, bidHundredths: number, days: number) {
  const impressions = ((id % 97) + 1) * 10 * days;
  const taps = Math.floor(impressions / 10);
  const totalInstalls = Math.floor(taps / 3);
  return { impressions, taps, totalInstalls, spendHundredths: taps * bidHundredths };
}

export function reportQuery(ctx: AppleContext): AppleResult {
  const level = ctx.params.level as (typeof LEVELS)[number];
  if (!LEVELS.includes(level)) throw notFound("Report", String(ctx.params.level));
  const body = asObject(ctx.body, null);
  refuseUnknown(body, ["timeRange", "filters", "sorting", "pagination", "fields", "groupBy", "options"]);
  const range = asObject(requireValue(body, "timeRange"), "timeRange");
  refuseUnknown(range, ["start", "end", "timeZone", "granularity"], "timeRange.");
  const start = requireValue(range, "start", "timeRange.start");
  const end = requireValue(range, "end", "timeRange.end");
  if (typeof start !== "string" || !DAY.test(start) || typeof end !== "string" || !DAY.test(end) || end < start) {
    throw invalidInput("timeRange", "timeRange needs start <= end, both YYYY-MM-DD");
  }
  const granularity = range.granularity;
  if (granularity !== undefined && granularity !== "DAILY") throw invalidInput("timeRange.granularity", "the sandbox serves totals or DAILY");
  const days: string[] = [];
  for (let d = new Date(`${start}T00:00:00Z`); d.toISOString().slice(0, 10) <= end; d = new Date(d.getTime() + 86_400_000)) days.push(d.toISOString().slice(0, 10));

  const q = parseQuery({ filters: body.filters, pagination: body.pagination }, {
    fields: { campaignId: ["EQUALS"], adGroupId: ["EQUALS", "IN"], id: ["EQUALS", "IN"] },
    maxPageSize: 5000,
    defaultPageSize: 100,
    requires: (fs: readonly Filter[]) => (fs.some((f) => f.field === "campaignId") ? undefined : "apps reports need a campaignId filter"),
  });
  const cidFilter = q.filters.find((f) => f.field === "campaignId")!;
  const cid = Number(Array.isArray(cidFilter.value) ? cidFilter.value[0] : cidFilter.value);
  const c = ctx.store.campaign(cid);
  if (c === undefined || c.orgId !== ctx.org.orgId) throw notFound("Campaign", String(cid));
  const cur = ctx.org.currency;

  const subjects: Array<{ id: number; name: string; bid: number; meta: Record<string, unknown> }> =
    level === "campaigns" ? [{ id: c.id, name: c.name, bid: 100, meta: { campaignId: c.id } }]
    : level === "adgroups" ? ctx.store.adGroups(c.id).map((g) => ({ id: g.id, name: g.name, bid: g.defaultBidCents, meta: { campaignId: c.id, adGroupId: g.id } }))
    : ctx.store.adGroups(c.id).flatMap((g) => ctx.store.keywords(g.id).map((k) => ({ id: k.id, name: k.text, bid: k.bidCents ?? g.defaultBidCents, meta: { campaignId: c.id, adGroupId: g.id, matchType: k.matchType } })));

  const metrics = (s: { id: number; bid: number }, n: number) => {
    const m = sandboxMetrics(s.id, s.bid, n);
    return { impressions: m.impressions, taps: m.taps, totalInstalls: m.totalInstalls, localSpend: platformMoney(m.spendHundredths, cur) };
  };
  const rows = subjects.map((s) => ({
    id: s.id,
    adGroupId: s.meta.adGroupId ?? null,
    campaignId: c.id,
    deleted: false,
    row: {
      metadata: { id: s.id, name: s.name, adAccountId: c.orgId, ...s.meta },
      totalMetrics: metrics(s, days.length),
      ...(granularity === "DAILY" ? { granularMetrics: days.map((date) => ({ date, ...metrics(s, 1) })) } : {}),
    },
  }));
  const page = runQuery(rows, { ...q, filters: q.filters.filter((f) => f.field !== "campaignId") });
  return { body: { result: { rows: page.result.map((r) => r.row) }, pagination: page.pagination } };
}
