import { z } from "zod";
import { AppleError, invalidInput, notFound, success } from "../apple/apple-error.ts";
import type { AppleStore } from "../apple/apple-store.ts";
import { checkContext, tokenOrg } from "../apple/auth.ts";
import { toAppleMoney } from "@layers/contracts";
import { ZERO_DAY, addDays, datesBetween, isZeroDay, isoDateSchema, spanDays, type DailyNumbers } from "./daily.ts";
import type { PerformanceBook } from "./performance-book.ts";
import { appleTree } from "./trees.ts";

/** Apple v5 `ReportingRequest`, the parts the sandbox honours (DAILY granularity only). */
const reportingRequestSchema = z.object({
  startTime: isoDateSchema,
  endTime: isoDateSchema,
  granularity: z.literal("DAILY").optional(),
  timeZone: z.enum(["UTC", "ORTZ"]).optional(),
  returnRowTotals: z.boolean().optional(),
  returnGrandTotals: z.boolean().optional(),
  returnRecordsWithNoMetrics: z.boolean().optional(),
  selector: z
    .object({
      orderBy: z.array(z.object({ field: z.string(), sortOrder: z.enum(["ASCENDING", "DESCENDING"]) })).optional(),
      pagination: z.object({ offset: z.number().int().nonnegative(), limit: z.number().int().min(1).max(1000) }).optional(),
    })
    .optional(),
});

export type AppleReportKind = { level: "campaigns" } | { level: "adgroups"; campaignId: string } | { level: "keywords"; campaignId: string; adGroupId?: string };

export interface AppleReportRequest {
  authorization: string | undefined;
  apContext: string | undefined;
  body: unknown;
  kind: AppleReportKind;
  today: string;
}

interface Subject {
  id: string;
  metadata: Record<string, unknown>;
}

/**
 * `POST /api/v5/reports/campaigns`, `…/campaigns/{id}/adgroups`, `…/campaigns/{id}/keywords` and
 * `…/adgroups/{id}/keywords`: one row per object under `data.reportingDataResponse.row[]` with its
 * `metadata`, `total` (when `returnRowTotals`) and one `granularity[]` entry per day; spend as
 * Money `{amount, currency}`; conversions as installs (all tap-through in the sandbox).
 */
export function appleReport(store: AppleStore, book: PerformanceBook, req: AppleReportRequest): { status: number; body: unknown } {
  try {
    return { status: 200, body: answer(store, book, req) };
  } catch (err) {
    if (err instanceof AppleError) return { status: err.status, body: err.toBody() };
    throw err;
  }
}

function answer(store: AppleStore, book: PerformanceBook, req: AppleReportRequest) {
  const org = tokenOrg(store, req.authorization);
  checkContext(org, req.apContext);
  const parsed = reportingRequestSchema.safeParse(req.body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(issue?.path.join(".") || "body", issue?.message ?? "invalid ReportingRequest");
  }
  const r = parsed.data;
  const span = spanDays(r.startTime, r.endTime);
  if (span < 1) throw invalidInput("endTime", "endTime must not be before startTime");
  if (span > 90) throw invalidInput("endTime", "DAILY granularity allows at most 90 days");
  if (spanDays(r.startTime, req.today) > 91) throw invalidInput("startTime", "DAILY granularity starts within the last 90 days");

  const subjects = subjectsOf(store, org.orgId, req.kind);
  const tree = appleTree(store);
  const money = (minor: number) => toAppleMoney(minor, org.currency);
  const metrics = (n: DailyNumbers) => ({
    impressions: n.impressions,
    taps: n.clicks,
    ttr: n.impressions === 0 ? 0 : Number((n.clicks / n.impressions).toFixed(4)),
    localSpend: money(n.spend),
    avgCPT: money(n.clicks === 0 ? 0 : Math.round(n.spend / n.clicks)),
    tapInstalls: n.conversions,
    viewInstalls: 0,
    totalInstalls: n.conversions,
    totalAvgCPI: money(n.conversions === 0 ? 0 : Math.round(n.spend / n.conversions)),
  });
  const dates = datesBetween(r.startTime, r.endTime);
  let grand = ZERO_DAY;
  const rows = [];
  for (const s of subjects) {
    const days = dates.map((date) => ({ date, n: book.day("apple", tree, s.id, date) }));
    const total = days.reduce((sum, d) => addDays(sum, d.n), ZERO_DAY);
    if (isZeroDay(total) && r.returnRecordsWithNoMetrics !== true) continue;
    grand = addDays(grand, total);
    rows.push({
      other: false,
      metadata: s.metadata,
      ...(r.returnRowTotals === true ? { total: metrics(total) } : {}),
      granularity: days.filter((d) => !isZeroDay(d.n)).map((d) => ({ date: d.date, ...metrics(d.n) })),
    });
  }
  const offset = r.selector?.pagination?.offset ?? 0;
  const limit = r.selector?.pagination?.limit ?? 1000;
  const page = rows.slice(offset, offset + limit);
  return success(
    { reportingDataResponse: { row: page, ...(r.returnGrandTotals === true ? { grandTotals: { other: false, total: metrics(grand) } } : {}) } },
    { totalResults: rows.length, startIndex: offset, itemsPerPage: page.length },
  );
}

function subjectsOf(store: AppleStore, orgId: number, kind: AppleReportKind): Subject[] {
  if (kind.level === "campaigns") {
    return store.campaigns(orgId).map((c) => ({ id: String(c.id), metadata: { campaignId: c.id, campaignName: c.name, campaignStatus: c.status, deleted: c.deleted, adamId: c.adamId } }));
  }
  const campaign = /^\d+$/.test(kind.campaignId) ? store.campaign(Number(kind.campaignId)) : undefined;
  if (campaign === undefined || campaign.orgId !== orgId) throw notFound("Campaign", kind.campaignId);
  const groups = store.adGroups(campaign.id);
  if (kind.level === "adgroups") {
    return groups.map((g) => ({ id: String(g.id), metadata: { campaignId: campaign.id, adGroupId: g.id, adGroupName: g.name, adGroupStatus: g.status, deleted: g.deleted } }));
  }
  let scope = groups;
  if (kind.adGroupId !== undefined) {
    const g = /^\d+$/.test(kind.adGroupId) ? store.adGroup(Number(kind.adGroupId)) : undefined;
    if (g === undefined || g.campaignId !== campaign.id) throw notFound("AdGroup", kind.adGroupId);
    scope = [g];
  }
  return scope.flatMap((g) =>
    store.keywords(g.id).map((k) => ({ id: String(k.id), metadata: { campaignId: campaign.id, adGroupId: g.id, adGroupName: g.name, keywordId: k.id, keyword: k.text, matchType: k.matchType, keywordStatus: k.status, deleted: k.deleted } })),
  );
}
