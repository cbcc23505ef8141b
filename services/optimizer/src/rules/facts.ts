import { currencyExponent, type CreativeSpec, type EntityKind, type Platform } from "@layers/contracts";

/** One day of one entity (money in minor units of the layer currency). */
export interface DayMetrics {
  date: string;
  spendCents: number;
  impressions: number;
  clicks: number;
  conversions: number;
}

/** An entity of the layer as the rules see it: Layers state plus its synced days in the window. */
export interface EntityFacts {
  id: string;
  level: EntityKind;
  name: string;
  campaignId: string;
  status: string;
  dailyBudgetCents: number | null;
  /** Ads: the id of the creative they show in the project's pool. */
  creativeId?: string;
  /** Days with delivery, oldest first (days without a row had none). */
  days: readonly DayMetrics[];
}

/** A creative of the project's pool, scored from the metrics of the ads showing it. */
export interface PoolCreative {
  id: string;
  spec: CreativeSpec;
  /** Click-through rate over the window, as a fraction; null when too few impressions to score. */
  score: number | null;
  override: "include" | "exclude" | null;
}

/** Everything the rules read for one layer and window. Pure data, so rules are table-tested. */
export interface LayerFacts {
  platform: Platform;
  currency: string;
  window: { since: string; until: string };
  maxDailyBudgetCents: number | null;
  entities: readonly EntityFacts[];
  pool: readonly PoolCreative[];
}

/** A change a rule proposes; becomes a write by actor `optimizer` through the gate. */
export interface Proposal {
  rule: "pause_without_results" | "move_budget" | "replace_fatigued_creative";
  actionType: "pause_ad" | "pause_keyword" | "update_budget" | "replace_creative";
  entity: { level: EntityKind; id: string; name: string };
  campaignId: string;
  currentValue: unknown;
  newValue: unknown;
  rationale: string;
  evidence: Record<string, unknown>;
  /** The write's params (`PLATFORM_OPERATION_PARAMS[actionType]`). */
  params: Record<string, unknown>;
}

/** A note for the run summary when a rule wanted to act but could not (e.g. no eligible creative). */
export interface RuleNote {
  rule: Proposal["rule"];
  entityId: string;
  note: string;
}

export interface RuleOutput {
  proposals: Proposal[];
  notes: RuleNote[];
}

export function totals(days: readonly DayMetrics[]): Omit<DayMetrics, "date"> {
  return days.reduce((t, d) => ({ spendCents: t.spendCents + d.spendCents, impressions: t.impressions + d.impressions, clicks: t.clicks + d.clicks, conversions: t.conversions + d.conversions }), { spendCents: 0, impressions: 0, clicks: 0, conversions: 0 });
}

/** Days from the entity's first delivery in the window to the window's end, inclusive (0 without delivery). */
export function daysOfData(days: readonly DayMetrics[], until: string): number {
  const first = days.find((d) => d.impressions > 0 || d.spendCents > 0);
  if (first === undefined) return 0;
  return Math.floor((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${first.date}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The layer's CPA over the window: total spend ÷ total conversions of its campaigns; null without conversions. */
export function layerCpa(facts: LayerFacts): { spendCents: number; conversions: number; cpaCents: number | null } {
  const t = totals(facts.entities.filter((e) => e.level === "campaign").flatMap((e) => e.days));
  return { spendCents: t.spendCents, conversions: t.conversions, cpaCents: t.conversions === 0 ? null : t.spendCents / t.conversions };
}

/** Money for a sentence: `$210.00`, `¥5,000`, `BHD 1.505`. */
export function formatMoney(minor: number, currency: string): string {
  // The contract's exponent, not Intl's: the amount is a count of the contract's minor unit.
  const digits = currencyExponent(currency);
  return new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits })
    .format(minor / 10 ** digits)
    // Intl puts a no-break space between a code and the amount; rationales are plain text.
    .replace(/\u00a0/g, " ");
}
