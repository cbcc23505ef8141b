import { BID_STRATEGIES, SPECIAL_AD_CATEGORIES } from "./enums.ts";
import { invalidParam } from "./graph-errors.ts";
import { readEnum, readEnumArray, readJsonArray, readString, readUnsignedInt, type GraphParams } from "./graph-params.ts";
import { parseGraphTime } from "./graph-time.ts";

/**
 * Readers for the campaign parameters that create and update share (ad sets reuse the budget,
 * time and name readers). Values come back
 * normalised (ints as numbers, times as ISO strings) so the ledger and the store agree.
 */

export interface BudgetRules {
  /** Lowest accepted budget in the account currency's Meta minimum unit. */
  minDailyBudget: number;
}

export function readBudget(params: GraphParams, key: "daily_budget" | "lifetime_budget", rules: BudgetRules): number | undefined {
  const v = readUnsignedInt(params, key);
  if (v !== undefined && v < rules.minDailyBudget) {
    throw invalidParam(key, `The ${key} must be at least ${rules.minDailyBudget} in the account currency's minimum unit.`, {
      title: "Budget Is Too Low",
    });
  }
  return v;
}

export function readBudgets(params: GraphParams, rules: BudgetRules, owner = "a campaign"): { dailyBudget?: number; lifetimeBudget?: number } {
  const dailyBudget = readBudget(params, "daily_budget", rules);
  const lifetimeBudget = readBudget(params, "lifetime_budget", rules);
  if (dailyBudget !== undefined && lifetimeBudget !== undefined) {
    throw invalidParam("lifetime_budget", `Only one of daily_budget or lifetime_budget can be set on ${owner}.`);
  }
  return { ...(dailyBudget === undefined ? {} : { dailyBudget }), ...(lifetimeBudget === undefined ? {} : { lifetimeBudget }) };
}

export function readTime(params: GraphParams, key: "start_time" | "stop_time" | "end_time"): string | undefined {
  const raw = params[key];
  if (raw === undefined) return undefined;
  const d = typeof raw === "number" || typeof raw === "string" ? parseGraphTime(raw) : undefined;
  if (!d) throw invalidParam(key, `Param ${key} must be a valid ISO 8601 datetime or a Unix timestamp`);
  return d.toISOString();
}

export function readBidStrategy(params: GraphParams): string | undefined {
  return readEnum(params, "bid_strategy", BID_STRATEGIES);
}

export function readSpecialAdCategories(params: GraphParams): string[] | undefined {
  return readEnumArray(params, "special_ad_categories", SPECIAL_AD_CATEGORIES);
}

export function readCountries(params: GraphParams): string[] | undefined {
  const list = readJsonArray(params, "special_ad_category_country");
  if (list === undefined) return undefined;
  return list.map((c) => {
    if (typeof c !== "string" || !/^[A-Z]{2}$/.test(c)) {
      throw invalidParam("special_ad_category_country", "special_ad_category_country must list ISO 3166 alpha-2 country codes");
    }
    return c;
  });
}

export function readName(params: GraphParams): string | undefined {
  const name = readString(params, "name");
  if (name !== undefined && name.trim() === "") throw invalidParam("name", "Param name must be a non-empty string");
  return name;
}
