import { daysOfData, type DayMetrics, type LayerFacts, type Proposal, type RuleOutput } from "./facts.ts";

export interface FatigueThresholds {
  /** CTR drop, percent, from the ad's first 7 days to the window's last 7 that marks fatigue. */
  dropPercent: number;
  /** Impressions each 7-day half needs before its CTR is trusted. */
  minImpressions: number;
}

const HALF = 7;

function ctrOf(days: readonly DayMetrics[]): { impressions: number; clicks: number; ctr: number } {
  const impressions = days.reduce((s, d) => s + d.impressions, 0);
  const clicks = days.reduce((s, d) => s + d.clicks, 0);
  return { impressions, clicks, ctr: impressions === 0 ? 0 : clicks / impressions };
}

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

/**
 * Replace fatigued creatives: an active ad with two full weeks of data whose CTR over the last 7
 * days fell at least `dropPercent` from its first 7 days of delivery, each week with at least
 * `minImpressions` → `replace_creative` with the best-scoring eligible creative of the pool (not
 * excluded, not its own, and either included or scoring above the ad's recent CTR). None eligible
 * → no proposal and a note for the run summary. Ads showing an excluded creative are never touched.
 */
export function replaceFatiguedCreative(facts: LayerFacts, t: FatigueThresholds): RuleOutput {
  const out: RuleOutput = { proposals: [], notes: [] };
  if (facts.platform === "apple") return out; // no ad entity on Apple's partner surface
  const excluded = new Set(facts.pool.filter((c) => c.override === "exclude").map((c) => c.id));
  const untilMs = Date.parse(`${facts.window.until}T00:00:00Z`);
  const lastStart = new Date(untilMs - (HALF - 1) * 86_400_000).toISOString().slice(0, 10);
  for (const e of facts.entities) {
    if (e.level !== "ad" || e.status !== "active" || e.creativeId === undefined || excluded.has(e.creativeId)) continue;
    if (daysOfData(e.days, facts.window.until) < 2 * HALF) continue;
    const firstDay = e.days.find((d) => d.impressions > 0 || d.spendCents > 0)!.date;
    const firstEnd = new Date(Date.parse(`${firstDay}T00:00:00Z`) + (HALF - 1) * 86_400_000).toISOString().slice(0, 10);
    const early = ctrOf(e.days.filter((d) => d.date >= firstDay && d.date <= firstEnd));
    const late = ctrOf(e.days.filter((d) => d.date >= lastStart));
    if (early.impressions < t.minImpressions || late.impressions < t.minImpressions || early.ctr === 0) continue;
    const drop = (early.ctr - late.ctr) / early.ctr;
    if (drop * 100 < t.dropPercent) continue;
    const eligible = facts.pool
      .filter((c) => c.id !== e.creativeId && c.override !== "exclude" && (c.override === "include" || (c.score !== null && c.score > late.ctr)))
      .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.id.localeCompare(b.id));
    const pick = eligible[0];
    if (pick === undefined) {
      out.notes.push({ rule: "replace_fatigued_creative", entityId: e.id, note: `${e.name}: CTR fell ${(drop * 100).toFixed(0)} % (from ${pct(early.ctr)} to ${pct(late.ctr)}) but no eligible creative is in the pool.` });
      continue;
    }
    const proposal: Proposal = {
      rule: "replace_fatigued_creative",
      actionType: "replace_creative",
      entity: { level: "ad", id: e.id, name: e.name },
      campaignId: e.campaignId,
      currentValue: { creativeId: e.creativeId },
      newValue: { creativeId: pick.id, creative: pick.spec },
      rationale: `CTR fell ${(drop * 100).toFixed(0)} % from ${pct(early.ctr)} in its first 7 days to ${pct(late.ctr)} in the last 7; replacing its creative with ${pick.id}${pick.score === null ? "" : ` (CTR ${pct(pick.score)})`}${pick.override === "include" ? ", included by the customer" : ""}.`,
      evidence: { window: facts.window, early: { since: firstDay, until: firstEnd, ...early }, late: { since: lastStart, until: facts.window.until, ...late }, dropPercent: Math.round(drop * 1000) / 10, creativeId: pick.id, creativeScore: pick.score, override: pick.override },
      params: { campaignId: e.campaignId, entityKind: "ad", entityId: e.id, creative: pick.spec },
    };
    out.proposals.push(proposal);
  }
  return out;
}
