import { representable, type Platform } from "@layers/contracts";
import { currencyExponent } from "@layers/contracts";
import { daysOfData, formatMoney, totals, type LayerFacts, type Proposal } from "./facts.ts";

export interface BudgetThresholds {
  minDays: number;
  /** Conversions an entity needs in the window for its CPA to count. */
  minConversions: number;
  /** Lower entities whose CPA is at least this multiple of the best. */
  worseMultiple: number;
  /** Largest change per run, percent of the current budget. */
  stepPercent: number;
}

/** Rounds toward the current budget until the platform can take the amount exactly (Meta TWD: whole units). */
function landable(platform: Platform, cents: number, currency: string, towards: "down" | "up"): number | undefined {
  if (representable(platform, cents, currency).ok) return cents;
  const unit = 10 ** currencyExponent(currency);
  const whole = towards === "down" ? Math.floor(cents / unit) * unit : Math.ceil(cents / unit) * unit;
  return whole > 0 && representable(platform, whole, currency).ok ? whole : undefined;
}

/**
 * Move budget toward better CPA: among active budget-holding entities (a daily budget) with at
 * least `minDays` of data and `minConversions`, raise the best CPA's budget and lower those whose
 * CPA is ≥ `worseMultiple` × the best, each by at most `stepPercent`, never above the layer's cap.
 * Needs two comparable entities: with one there is nowhere to move budget from.
 */
export function moveBudget(facts: LayerFacts, t: BudgetThresholds): Proposal[] {
  const money = (m: number) => formatMoney(Math.round(m), facts.currency);
  const candidates = facts.entities
    .filter((e) => e.status === "active" && e.dailyBudgetCents !== null && e.dailyBudgetCents > 0 && (e.level === "campaign" || e.level === "adset" || e.level === "adgroup"))
    .filter((e) => daysOfData(e.days, facts.window.until) >= t.minDays)
    .map((e) => ({ e, sum: totals(e.days) }))
    .filter((c) => c.sum.conversions >= t.minConversions)
    .map((c) => ({ ...c, cpa: c.sum.spendCents / c.sum.conversions }))
    // Campaign and ad set budgets of one tree are not substitutes: compare within a level only.
    .sort((a, b) => a.cpa - b.cpa || a.e.id.localeCompare(b.e.id));
  const out: Proposal[] = [];
  for (const level of ["campaign", "adset", "adgroup"] as const) {
    const atLevel = candidates.filter((c) => c.e.level === level);
    if (atLevel.length < 2) continue;
    const best = atLevel[0]!;
    const step = t.stepPercent / 100;
    const proposal = (c: (typeof atLevel)[number], to: number, why: string): Proposal => ({
      rule: "move_budget",
      actionType: "update_budget",
      entity: { level: c.e.level, id: c.e.id, name: c.e.name },
      campaignId: c.e.campaignId,
      currentValue: { dailyBudgetCents: c.e.dailyBudgetCents },
      newValue: { dailyBudgetCents: to },
      rationale: why,
      evidence: { window: facts.window, spendCents: c.sum.spendCents, conversions: c.sum.conversions, cpaCents: Math.round(c.cpa), bestCpaCents: Math.round(best.cpa), bestEntityId: best.e.id, capCents: facts.maxDailyBudgetCents },
      params: level === "campaign" ? { campaignId: c.e.campaignId, dailyBudgetCents: to } : { campaignId: c.e.campaignId, entityKind: level, entityId: c.e.id, dailyBudgetCents: to },
    });

    const current = best.e.dailyBudgetCents!;
    const cap = facts.maxDailyBudgetCents ?? Number.MAX_SAFE_INTEGER;
    const raised = landable(facts.platform, Math.min(Math.floor(current * (1 + step)), cap), facts.currency, "down");
    if (raised !== undefined && raised > current && atLevel.some((c) => c.cpa >= t.worseMultiple * best.cpa)) {
      out.push(proposal(best, raised, `Best CPA in the layer at ${money(best.cpa)} (${best.sum.conversions} conversions for ${money(best.sum.spendCents)}); raising its daily budget from ${money(current)} to ${money(raised)}${raised === cap ? " (the layer's cap)" : ""}.`));
    }
    for (const c of atLevel.slice(1)) {
      if (c.cpa < t.worseMultiple * best.cpa) continue;
      const from = c.e.dailyBudgetCents!;
      const lowered = landable(facts.platform, Math.ceil(from * (1 - step)), facts.currency, "up");
      if (lowered === undefined || lowered >= from) continue;
      out.push(proposal(c, lowered, `CPA ${money(c.cpa)} is ${(c.cpa / best.cpa).toFixed(1)}× the best in the layer (${money(best.cpa)}, ${best.e.name}); lowering its daily budget from ${money(from)} to ${money(lowered)}.`));
    }
  }
  return out;
}
