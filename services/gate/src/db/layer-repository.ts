import type { Kysely } from "kysely";
import { authorityBlockSchema } from "@layers/contracts";
import { json, type Database, type LayerRow } from "@layers/db";
import type { LayerPolicy } from "../domain/decide.ts";
import type { LayerPatch } from "../domain/policy-change.ts";

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

export async function updateLayer(db: Kysely<Database>, id: string, patch: LayerPatch, at: Date): Promise<void> {
  await db
    .updateTable("layers")
    .set({
      updated_at: at,
      ...(patch.defaults ? { defaults: json(patch.defaults) } : {}),
      ...(patch.ceiling ? { ceiling: json(patch.ceiling) } : {}),
      ...(patch.killSwitchActive !== undefined ? { kill_switch_active: patch.killSwitchActive } : {}),
      ...(patch.killSwitchReason !== undefined ? { kill_switch_reason: patch.killSwitchReason } : {}),
      ...(patch.partnerWritesEnabled !== undefined ? { partner_writes_enabled: patch.partnerWritesEnabled } : {}),
      ...(patch.maxDailyBudgetCents !== undefined ? { max_daily_budget_cents: patch.maxDailyBudgetCents } : {}),
      ...(patch.writerPreset !== undefined ? { writer_preset: patch.writerPreset } : {}),
    })
    .where("id", "=", id)
    .execute();
}

export async function layerCurrency(db: Kysely<Database>, id: string): Promise<string | undefined> {
  const row = await db.selectFrom("layers").select("currency").where("id", "=", id).executeTakeFirst();
  return row?.currency;
}
