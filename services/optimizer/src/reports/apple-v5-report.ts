import { fromAppleMoney } from "@layers/contracts";
import type { AppleReportOptions } from "./apple-report.ts";
import { ReportError, fetchJson, type ReportAccount, type ReportReader, type ReportRow } from "./report-row.ts";

const MAX_PAGE = 1000;

/**
 * Apple Search Ads v5 reports (DAILY, UTC): the campaigns report, then per campaign its ad group
 * and keyword reports. Spend is `localSpend` Money; conversions are `totalInstalls`. Apple turns v5
 * off on 2027-01-26 (`APPLE_API=v5` only): then this file goes; `apple-platform-report.ts` stays.
 */
export function appleV5ReportReader(opts: AppleReportOptions): ReportReader {
  const fetchFn = opts.fetch ?? fetch;
  const page = Math.min(opts.pageSize ?? MAX_PAGE, MAX_PAGE);
  const report = async (account: ReportAccount, path: string, window: { since: string; until: string }) => {
    const out: Array<{ metadata: Record<string, any>; granularity: Array<Record<string, any>> }> = [];
    for (let offset = 0; ; offset += page) {
      const { status, body } = await fetchJson(
        fetchFn,
        `${opts.baseUrl}/api/v5/reports/${path}`,
        {
          method: "POST",
          headers: { authorization: `Bearer ${account.accessToken}`, "x-ap-context": `orgId=${account.platformAccountId}`, "content-type": "application/json" },
          body: JSON.stringify({ startTime: window.since, endTime: window.until, granularity: "DAILY", timeZone: "UTC", returnRowTotals: false, returnGrandTotals: false, selector: { orderBy: [], pagination: { offset, limit: page } } }),
        },
        opts.timeoutMs,
      );
      if (status !== 200) {
        const message = body?.error?.errors?.[0]?.message ?? "no message";
        throw new ReportError(`Apple report ${path} answered ${status}: ${message}`, { retryable: status >= 500 || status === 429 });
      }
      const rows = body.data?.reportingDataResponse?.row ?? [];
      out.push(...rows);
      if (offset + rows.length >= Number(body.pagination?.totalResults ?? 0) || rows.length === 0) return out;
    }
  };
  return async (account, window) => {
    const rows: ReportRow[] = [];
    const push = (level: ReportRow["level"], platformId: string, days: Array<Record<string, any>>) => {
      for (const d of days) {
        rows.push({
          level,
          platformId,
          date: String(d.date),
          spendCents: fromAppleMoney(d.localSpend, account.currency),
          impressions: Number(d.impressions ?? 0),
          clicks: Number(d.taps ?? 0),
          conversions: Number(d.totalInstalls ?? 0),
        });
      }
    };
    const campaigns = await report(account, "campaigns", window);
    for (const c of campaigns) {
      const campaignId = String(c.metadata.campaignId);
      push("campaign", campaignId, c.granularity);
      for (const g of await report(account, `campaigns/${campaignId}/adgroups`, window)) push("adgroup", String(g.metadata.adGroupId), g.granularity);
      for (const k of await report(account, `campaigns/${campaignId}/keywords`, window)) push("keyword", String(k.metadata.keywordId), k.granularity);
    }
    return rows;
  };
}
