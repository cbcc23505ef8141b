import { applePlatformReportReader } from "./apple-platform-report.ts";
import { appleV5ReportReader } from "./apple-v5-report.ts";
import type { ReportReader } from "./report-row.ts";

/** Which of Apple's APIs the optimizer reads (`APPLE_API`, as dispatcher-apple writes). */
export type AppleApi = "platform" | "v5";

export interface AppleReportOptions {
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Rows asked per page (capped at each API's maximum); tests make it small to cross pages. */
  pageSize?: number;
}

/** Apple's hosts per API; `APPLE_BASE_URL` overrides (dev and tests: the sandbox, which serves both). */
export const APPLE_REPORT_HOSTS: Record<AppleApi, string> = { platform: "https://api.ads.apple.com", v5: "https://api.searchads.apple.com" };

/**
 * Apple's reporting read in the configured API's wire format: the Apple Ads Platform API's
 * `reports/apps/{campaigns|adgroups|keywords}/query` (default) or v5's reports. Both give the same
 * rows (campaign, ad group and keyword days, `localSpend` Money, `taps`, `totalInstalls`).
 */
export function appleReportReader(api: AppleApi, opts: AppleReportOptions): ReportReader {
  return api === "platform" ? applePlatformReportReader(opts) : appleV5ReportReader(opts);
}
