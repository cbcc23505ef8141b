/**
 * TikTok budgets: decimals in the advertiser currency's major unit, sent and read back as JSON
 * numbers (`budget: 50.0`). Minimums are TikTok's published USD ones ($50 campaign, $20 ad group
 * per day); other currencies have no published table the sandbox trusts, so they only need > 0.
 */

/** Currencies TikTok bills without minor units; their budgets must be whole numbers. */
const ZERO_DECIMAL = new Set(["JPY", "KRW", "VND", "IDR", "CLP", "HUF", "TWD"]);

export const USD_MIN_CAMPAIGN_BUDGET = 50;
export const USD_MIN_ADGROUP_DAILY_BUDGET = 20;

/** A budget as sent: a finite positive number with at most 2 (or 0) decimals. Error text or the value. */
export function parseBudget(value: unknown, currency: string): { ok: true; value: number } | { ok: false; reason: string } {
  // The SDKs send floats; a numeric string is tolerated the way TikTok's gateway coerces it.
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) return { ok: false, reason: "budget must be a number" };
  if (n <= 0) return { ok: false, reason: "budget must be greater than 0" };
  const decimals = ZERO_DECIMAL.has(currency) ? 0 : 2;
  if (Math.abs(Math.round(n * 10 ** decimals) - n * 10 ** decimals) > 1e-6) {
    return { ok: false, reason: decimals === 0 ? `budget in ${currency} must be a whole number` : "budget allows at most 2 decimal places" };
  }
  return { ok: true, value: Math.round(n * 10 ** decimals) / 10 ** decimals };
}

/** The lowest campaign budget (daily or total), or 0 where none is applied. */
export function minCampaignBudget(currency: string): number {
  return currency === "USD" ? USD_MIN_CAMPAIGN_BUDGET : 0;
}

/** The lowest ad group budget: $20 a day, or $20 × scheduled days for a total budget. */
export function minAdgroupBudget(currency: string, mode: "BUDGET_MODE_DAY" | "BUDGET_MODE_TOTAL", days: number): number {
  if (currency !== "USD") return 0;
  return mode === "BUDGET_MODE_DAY" ? USD_MIN_ADGROUP_DAILY_BUDGET : USD_MIN_ADGROUP_DAILY_BUDGET * Math.max(1, Math.ceil(days));
}
