import { fromAppleMoney } from "@layers/contracts";
import type { AppleReportOptions } from "./apple-report.ts";
import { ReportError, fetchJson, type ReportAccount, type ReportReader, type ReportRow, type ReportWindow } from "./report-row.ts";

/** Campaign queries take at most 1000 rows a page, reports 5000. */
const CAMPAIGN_PAGE = 1000;
const REPORT_PAGE = 5000;
/** A paging loop that never ends is the platform's bug, not a reason to spin. */
const MAX_PAGES = 1000;

type Level = "campaigns" | "adgroups" | "keywords";
const LEVEL_OF: Record<Level, ReportRow["level"]> = { campaigns: "campaign", adgroups: "adgroup", keywords: "keyword" };

interface PlatformRow {
  metadata: Record<string, unknown>;
  granularMetrics?: Array<Record<string, any>>;
}

/**
 * Apple Ads Platform API reports (`APPLE_API=platform`, the default). Every apps report needs a
 * `campaignId` filter, so the account's campaigns are listed first (`POST /v1/campaigns/query`,
 * deleted ones too: their days still count), then per campaign its campaign, ad group and keyword
 * reports, DAILY in UTC, every page (`pagination {offset, pageSize}` against `totalCount`). Spend
 * is `localSpend` Money (padded decimals, read exactly); conversions are `totalInstalls`. Errors
 * are `{error: {code, message}}`; 429 and 5xx are retryable.
 */
export function applePlatformReportReader(opts: AppleReportOptions): ReportReader {
  const fetchFn = opts.fetch ?? fetch;
  const campaignPage = Math.min(opts.pageSize ?? CAMPAIGN_PAGE, CAMPAIGN_PAGE);
  const reportPage = Math.min(opts.pageSize ?? REPORT_PAGE, REPORT_PAGE);
  const post = async (account: ReportAccount, path: string, body: unknown): Promise<any> => {
    const { status, body: answer } = await fetchJson(
      fetchFn,
      `${opts.baseUrl}/v1${path}`,
      {
        method: "POST",
        headers: { authorization: `Bearer ${account.accessToken}`, "x-ap-context": `adAccountId=${account.platformAccountId}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      },
      opts.timeoutMs,
    );
    const error = answer?.error;
    if (status !== 200 || (error !== undefined && error !== null)) {
      const message = error?.message ?? error?.errors?.[0]?.message ?? "no message";
      // An error inside a 200 is an answer Apple did not finish: a later sync may get the whole report.
      throw new ReportError(`Apple ${path} answered ${status}: ${message}`, { retryable: status === 200 || status >= 500 || status === 429 });
    }
    return answer;
  };

  /** Every page of one query, the pages' rows concatenated. */
  const all = async <T>(account: ReportAccount, path: string, pageSize: number, body: Record<string, unknown>, rowsOf: (answer: any) => T[]): Promise<T[]> => {
    const out: T[] = [];
    for (let page = 0, offset = 0; page < MAX_PAGES; page++) {
      const answer = await post(account, path, { ...body, pagination: { offset, pageSize } });
      const rows = rowsOf(answer);
      out.push(...rows);
      offset += rows.length;
      const total = Number(answer.pagination?.totalCount ?? 0);
      if (rows.length === 0 || offset >= total) return out;
    }
    throw new ReportError(`Apple ${path} did not end after ${MAX_PAGES} pages`, { retryable: true });
  };

  const report = (account: ReportAccount, level: Level, campaignId: string, window: ReportWindow) =>
    all<PlatformRow>(
      account,
      `/reports/apps/${level}/query`,
      reportPage,
      { timeRange: { start: window.since, end: window.until, timeZone: "UTC", granularity: "DAILY" }, filters: [{ field: "campaignId", operator: "EQUALS", value: campaignId }] },
      (answer) => answer.result?.rows ?? [],
    );

  return async (account, window) => {
    const campaigns = await all<{ id: unknown }>(account, "/campaigns/query", campaignPage, { filters: [{ field: "deleted", operator: "IN", value: [true, false] }] }, (answer) => answer.result ?? []);
    const rows: ReportRow[] = [];
    for (const c of campaigns) {
      const campaignId = String(c.id);
      for (const level of ["campaigns", "adgroups", "keywords"] as const) {
        for (const r of await report(account, level, campaignId, window)) {
          for (const d of r.granularMetrics ?? []) {
            rows.push({
              level: LEVEL_OF[level],
              platformId: String(r.metadata.id),
              date: String(d.date),
              spendCents: fromAppleMoney(d.localSpend, account.currency),
              impressions: Number(d.impressions ?? 0),
              clicks: Number(d.taps ?? 0),
              conversions: Number(d.totalInstalls ?? 0),
            });
          }
        }
      }
    }
    return rows;
  };
}
