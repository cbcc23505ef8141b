import type { Kysely } from "kysely";
import { NEW_LAYER_CEILING, NEW_LAYER_DEFAULTS, newLayerId, type AuthorityBlock, type Platform, type WriterPreset } from "@layers/contracts";
import { json } from "./db.ts";
import type { Database, LayerRow } from "./schema.ts";

// Table `layers` has this one owner: every insert and update of a layer goes through here (the
// gateway creates layers with a project or on connect; the gate applies policy changes). Reads
// stay with their callers.

/**
 * A layer per platform for the project, starting conservative (SPEC §3): draft on every axis,
 * ceiling auto, consent off, kill switch off, USD, Apple on ADGROUP_GRAIN. A platform the project
 * already has a layer for is left as it is and not returned. `at` stamps `created_at` and
 * `updated_at` (without it Postgres' clock does). Joins the caller's transaction when given one.
 */
export async function insertLayers(db: Kysely<Database>, projectId: string, platforms: readonly Platform[], at?: Date): Promise<LayerRow[]> {
  if (platforms.length === 0) return [];
  return db
    .insertInto("layers")
    .values(
      platforms.map((platform) => ({
        id: newLayerId(),
        project_id: projectId,
        platform,
        currency: "USD",
        defaults: json(NEW_LAYER_DEFAULTS),
        ceiling: json(NEW_LAYER_CEILING),
        kill_switch_active: false,
        partner_writes_enabled: false,
        max_daily_budget_cents: null,
        writer_preset: platform === "apple" ? ("ADGROUP_GRAIN" as const) : null,
        ...(at ? { created_at: at, updated_at: at } : {}),
      })),
    )
    .onConflict((oc) => oc.columns(["project_id", "platform"]).doNothing())
    .returningAll()
    .execute();
}

/** Layer columns a policy operation may change (undefined = unchanged). */
export interface LayerPolicyPatch {
  defaults?: AuthorityBlock;
  ceiling?: AuthorityBlock;
  killSwitchActive?: boolean;
  killSwitchReason?: string | null;
  partnerWritesEnabled?: boolean;
  maxDailyBudgetCents?: number | null;
  writerPreset?: WriterPreset;
}

/** Applies a policy change to one layer (the gate's policy operations), in the caller's transaction. */
export async function updateLayerPolicy(db: Kysely<Database>, id: string, patch: LayerPolicyPatch, at: Date): Promise<void> {
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
