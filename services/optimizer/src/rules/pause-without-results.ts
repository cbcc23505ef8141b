import { daysOfData, formatMoney, layerCpa, totals, type LayerFacts, type Proposal } from "./facts.ts";

export interface PauseThresholds {
  minDays: number;
  /** Spend at least this multiple of the layer's CPA with zero conversions. */
  cpaMultiple: number;
  /** Spend threshold (minor units) when the layer has no conversions. */
  floorCents: number;
}

/**
 * Pause spend without results: an active ad (Apple: keyword, its third tier) with at least
 * `minDays` of data whose spend in the window is at least `cpaMultiple` × the layer's CPA (or
 * `floorCents` when the layer has no conversions) and zero conversions → `pause_ad` / `pause_keyword`.
 */
export function pauseWithoutResults(facts: LayerFacts, t: PauseThresholds): Proposal[] {
  const leaf = facts.platform === "apple" ? "keyword" : "ad";
  const layer = layerCpa(facts);
  const threshold = layer.cpaCents === null ? t.floorCents : t.cpaMultiple * layer.cpaCents;
  const money = (m: number) => formatMoney(Math.round(m), facts.currency);
  const out: Proposal[] = [];
  for (const e of facts.entities) {
    if (e.level !== leaf || e.status !== "active") continue;
    const days = daysOfData(e.days, facts.window.until);
    if (days < t.minDays) continue;
    const sum = totals(e.days);
    if (sum.conversions > 0 || sum.spendCents === 0 || sum.spendCents < threshold) continue;
    const basis = layer.cpaCents === null ? `the layer has no conversions yet, so the floor of ${money(t.floorCents)} applies` : `the layer's CPA is ${money(layer.cpaCents)}`;
    out.push({
      rule: "pause_without_results",
      actionType: leaf === "ad" ? "pause_ad" : "pause_keyword",
      entity: { level: e.level, id: e.id, name: e.name },
      campaignId: e.campaignId,
      currentValue: { status: "active" },
      newValue: { status: "paused" },
      rationale: `Spent ${money(sum.spendCents)} over ${days} days with 0 conversions; ${basis}.`,
      evidence: {
        window: facts.window,
        daysOfData: days,
        spendCents: sum.spendCents,
        impressions: sum.impressions,
        clicks: sum.clicks,
        conversions: 0,
        layerSpendCents: layer.spendCents,
        layerConversions: layer.conversions,
        layerCpaCents: layer.cpaCents === null ? null : Math.round(layer.cpaCents),
        thresholdCents: Math.round(threshold),
      },
      params: { campaignId: e.campaignId, entityKind: e.level, entityId: e.id },
    });
  }
  return out;
}
