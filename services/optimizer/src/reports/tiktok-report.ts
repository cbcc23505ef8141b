import { decimalStringToMinor } from "@layers/contracts";
import { ReportError, chunkWindow, fetchJson, type ReportReader, type ReportRow } from "./report-row.ts";

export interface TiktokReportOptions {
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

const LEVELS = [
  { level: "campaign", dataLevel: "AUCTION_CAMPAIGN", id: "campaign_id" },
  { level: "adgroup", dataLevel: "AUCTION_ADGROUP", id: "adgroup_id" },
  { level: "ad", dataLevel: "AUCTION_AD", id: "ad_id" },
] as const;

/** TikTok caps daily (`stat_time_day`) reports at 30 days per request. */
const MAX_DAYS = 30;

/**
 * TikTok `report/integrated/get/` BASIC: per level, `[<id>, "stat_time_day"]` dimensions, in
 * windows of at most 30 days, every page of 1000. Money metrics are major-unit decimals.
 */
export function tiktokReportReader(opts: TiktokReportOptions): ReportReader {
  const fetchFn = opts.fetch ?? fetch;
  return async (account, window) => {
    const rows: ReportRow[] = [];
    for (const { level, dataLevel, id } of LEVELS) {
      for (const w of chunkWindow(window, MAX_DAYS)) {
        let page = 1;
        let totalPage = 1;
        do {
          const q = new URLSearchParams({
            advertiser_id: account.platformAccountId,
            report_type: "BASIC",
            data_level: dataLevel,
            dimensions: JSON.stringify([id, "stat_time_day"]),
            metrics: JSON.stringify(["spend", "impressions", "clicks", "conversion"]),
            start_date: w.since,
            end_date: w.until,
            page: String(page),
            page_size: "1000",
          });
          const { status, body } = await fetchJson(fetchFn, `${opts.baseUrl}/open_api/v1.3/report/integrated/get/?${q}`, { headers: { "Access-Token": account.accessToken } }, opts.timeoutMs);
          if (status !== 200 || body?.code !== 0) {
            // 40100 (QPS) and 5xxxx are transient; token and parameter refusals are not.
            const code = Number(body?.code);
            throw new ReportError(`TikTok report (${level}) answered ${status}/${body?.code}: ${body?.message ?? "no message"}`, { retryable: status >= 500 || code === 40100 || code >= 50000 });
          }
          for (const r of body.data.list as Array<{ dimensions: Record<string, string>; metrics: Record<string, string> }>) {
            rows.push({
              level,
              platformId: String(r.dimensions[id]),
              date: String(r.dimensions.stat_time_day).slice(0, 10),
              spendCents: decimalStringToMinor(String(r.metrics.spend ?? "0"), account.currency),
              impressions: Number(r.metrics.impressions ?? 0),
              clicks: Number(r.metrics.clicks ?? 0),
              conversions: Number(r.metrics.conversion ?? 0),
            });
          }
          totalPage = Number(body.data.page_info?.total_page ?? 1);
          page++;
        } while (page <= totalPage);
      }
    }
    return rows;
  };
}
