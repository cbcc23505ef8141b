import type { Kysely } from "kysely";
import { authorityBlockSchema } from "@layers/contracts";
import type { Database, LayerRow } from "@layers/db";
import type { LayerPolicy } from "../domain/decide.ts";

/** `lock`: the caller is about to change the layer (policy operations); plain writes read it unlocked. */
export async function loadLayer(db: Kysely<Database>, id: string, opts: { lock: boolean }): Promise<LayerRow | undefined> {
  const q = db.selectFrom("layers").selectAll().where("id", "=", id);
  // no key update: creates that insert campaigns referencing this layer (key share) are not blocked.
  return (opts.lock ? q.forNoKeyUpdate() : q).executeTakeFirst();
}

export function rowToLayerPolicy(row: LayerRow): LayerPolicy & { killSwitchReason: string | null } {
  return {
    platform: row.platform,
    killSwitchActive: row.kill_switch_active,
    killSwitchReason: row.kill_switch_reason,
    partnerWritesEnabled: row.partner_writes_enabled,
    ceiling: authorityBlockSchema.parse(row.ceiling),
    defaults: authorityBlockSchema.parse(row.defaults),
    maxDailyBudgetCents: row.max_daily_budget_cents,
    writerPreset: row.writer_preset,
  };
}

export async function layerCurrency(db: Kysely<Database>, id: string): Promise<string | undefined> {
  const row = await db.selectFrom("layers").select("currency").where("id", "=", id).executeTakeFirst();
  return row?.currency;
}
