import type { UsageReading } from "../usage-meter.ts";

/** `X-App-Usage`: the app-wide share of the call budget, in percent. */
export function appUsageHeader(r: UsageReading): string {
  return JSON.stringify({ call_count: r.callCount, total_cputime: r.totalCputime, total_time: r.totalTime });
}

/**
 * `X-Business-Use-Case-Usage`, keyed by the bare ad account id. `regainMinutes` is
 * `estimated_time_to_regain_access`: 0 while the account is not blocked.
 */
export function bucUsageHeader(accountId: string, r: UsageReading, regainMinutes: number): string {
  return JSON.stringify({
    [accountId]: [
      {
        type: "ads_management",
        call_count: r.callCount,
        total_cputime: r.totalCputime,
        total_time: r.totalTime,
        estimated_time_to_regain_access: regainMinutes,
      },
    ],
  });
}
