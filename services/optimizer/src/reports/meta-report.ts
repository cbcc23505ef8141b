import { decimalStringToMinor } from "@layers/contracts";
import { ReportError, fetchJson, type ReportReader, type ReportRow } from "./report-row.ts";

export interface MetaReportOptions {
  baseUrl: string;
  version: string;
  conversionAction: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

const LEVELS = [
  { level: "campaign", id: "campaign_id" },
  { level: "adset", id: "adset_id" },
  { level: "ad", id: "ad_id" },
] as const;

/**
 * Meta Insights: one account-level call per level (`level=campaign|adset|ad`, `time_increment=1`),
 * following the `after` cursor. `spend` is a decimal string in major units; conversions are the
 * configured `actions[].action_type`.
 */
export function metaReportReader(opts: MetaReportOptions): ReportReader {
  const fetchFn = opts.fetch ?? fetch;
  return async (account, window) => {
    const rows: ReportRow[] = [];
    for (const { level, id } of LEVELS) {
      let after: string | undefined;
      do {
        const q = new URLSearchParams({
          level,
          time_increment: "1",
          time_range: JSON.stringify({ since: window.since, until: window.until }),
          fields: `${id},spend,impressions,clicks,actions`,
          limit: "500",
          ...(after === undefined ? {} : { after }),
        });
        const { status, body } = await fetchJson(fetchFn, `${opts.baseUrl}/${opts.version}/act_${account.platformAccountId}/insights?${q}`, { headers: { authorization: `Bearer ${account.accessToken}` } }, opts.timeoutMs);
        if (status !== 200) {
          const e = body?.error;
          throw new ReportError(`Meta insights (${level}) answered ${status}: ${e?.message ?? "no message"}`, { retryable: status >= 500 || status === 429 || e?.is_transient === true || e?.code === 17 || e?.code === 80004 });
        }
        for (const r of body.data as Array<Record<string, any>>) {
          const conversions = (r.actions as Array<{ action_type: string; value: string }> | undefined)?.find((a) => a.action_type === opts.conversionAction)?.value;
          rows.push({
            level,
            platformId: String(r[id]),
            date: String(r.date_start),
            spendCents: decimalStringToMinor(String(r.spend ?? "0"), account.currency),
            impressions: Number(r.impressions ?? 0),
            clicks: Number(r.clicks ?? 0),
            conversions: Number(conversions ?? 0),
          });
        }
        after = body.paging?.next === undefined ? undefined : body.paging.cursors?.after;
      } while (after !== undefined);
    }
    return rows;
  };
}
