import type { DayMetrics, EntityFacts, LayerFacts } from "./facts.ts";

/** `n` consecutive days ending on `until`, each with the same numbers. */
export function daysEnding(until: string, n: number, each: Omit<DayMetrics, "date">): DayMetrics[] {
  const end = Date.parse(`${until}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => ({ date: new Date(end - (n - 1 - i) * 86_400_000).toISOString().slice(0, 10), ...each }));
}

export const WINDOW = { since: "2026-11-01", until: "2026-11-30" };

export function entity(o: Partial<EntityFacts> & Pick<EntityFacts, "id" | "level">): EntityFacts {
  return { name: o.id, campaignId: "cmp_1", status: "active", dailyBudgetCents: null, days: [], ...o };
}

export function layer(o: Partial<LayerFacts>): LayerFacts {
  return { platform: "meta", currency: "USD", window: WINDOW, maxDailyBudgetCents: null, entities: [], pool: [], ...o };
}
