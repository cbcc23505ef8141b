import type { z } from "zod";
import type { EntityRowPatch } from "@layers/dispatch-core";
import { PermanentError } from "@layers/runtime";
import { toMetaAmount } from "./meta/index.ts";

/** Helpers the planners share: contract params in, Graph fields and the Layers row out. */

/**
 * The params typed by the operation's schema. No second parse: the dispatch contract
 * (`dispatchSchema`) checked them against that schema when the message was parsed at the edge.
 */
export function parseParams<S extends z.ZodType>(_schema: S, params: Record<string, unknown>): z.infer<S> {
  return params as z.infer<S>;
}

/** Meta status → Layers status (`ACTIVE` → `active`). */
export function layersStatus(metaStatus: string): string {
  return metaStatus.toLowerCase();
}

/** The adlabel every Layers-made campaign, ad set and ad carries, so a create whose answer was lost can be found. */
export function markerLabel(entityId: string): string {
  return `layers:${entityId}`;
}

type Budget = { dailyBudgetCents?: number | undefined; lifetimeBudgetCents?: number | undefined };

/** Budgets in Meta units (exact or `unrepresentable_amount`). Meta keeps one budget type per object. */
export function budgetFields(p: Budget, currency: string): { fields: Record<string, number>; row: EntityRowPatch } {
  if (p.dailyBudgetCents !== undefined && p.lifetimeBudgetCents !== undefined) {
    throw new PermanentError("invalid_params", "Meta takes either a daily or a lifetime budget, not both");
  }
  const fields: Record<string, number> = {};
  const row: EntityRowPatch = {};
  if (p.dailyBudgetCents !== undefined) {
    fields.daily_budget = toMetaAmount(p.dailyBudgetCents, currency);
    row.dailyBudgetCents = p.dailyBudgetCents;
  }
  if (p.lifetimeBudgetCents !== undefined) {
    fields.lifetime_budget = toMetaAmount(p.lifetimeBudgetCents, currency);
    row.lifetimeBudgetCents = p.lifetimeBudgetCents;
  }
  return { fields, row };
}

/** Refuses a bid strategy Meta does not know at this level. */
export function checkBidStrategy(strategy: string | undefined, known: readonly string[] | undefined): void {
  if (strategy !== undefined && !(known ?? []).includes(strategy)) {
    throw new PermanentError("invalid_params", `bid strategy ${strategy} is not one of ${(known ?? []).join(", ")}`);
  }
}
