import type { AuthorityBlock, DefaultsView, KillSwitchView, LayerBody, Platform, PolicyView } from "@layers/contracts";
import type { Db, LayerRow } from "@layers/db";

export function rowToLayer(r: LayerRow): LayerBody {
  return {
    id: r.id,
    projectId: r.project_id,
    platform: r.platform,
    currency: r.currency,
    defaults: r.defaults as AuthorityBlock,
    ceiling: r.ceiling as AuthorityBlock,
    killSwitchActive: r.kill_switch_active,
    partnerWritesEnabled: r.partner_writes_enabled,
    maxDailyBudgetCents: r.max_daily_budget_cents,
    writerPreset: r.writer_preset,
    createdAt: r.created_at.toISOString(),
  };
}

/** GET …/defaults: the seed's field names, `kill_switch_active` included. */
export function defaultsView(r: LayerRow): DefaultsView {
  return { layerId: r.id, platform: r.platform, authority: r.defaults as AuthorityBlock, kill_switch_active: r.kill_switch_active };
}

/** GET …/policy (customer only): what partners may and may not do on this layer. */
export function policyView(r: LayerRow): PolicyView {
  return {
    layerId: r.id,
    platform: r.platform,
    ceiling: r.ceiling as AuthorityBlock,
    partnerWritesEnabled: r.partner_writes_enabled,
    maxDailyBudgetCents: r.max_daily_budget_cents,
    writerPreset: r.writer_preset,
    killSwitchActive: r.kill_switch_active,
  };
}

export function killSwitchView(r: LayerRow): KillSwitchView {
  return { layerId: r.id, platform: r.platform, active: r.kill_switch_active, reason: r.kill_switch_reason };
}

const PLATFORM_ORDER: Record<string, number> = { meta: 0, tiktok: 1, apple: 2 };

export async function listLayers(db: Db, projectId: string): Promise<LayerRow[]> {
  const rows = await db.selectFrom("layers").selectAll().where("project_id", "=", projectId).execute();
  return rows.sort((a, b) => (PLATFORM_ORDER[a.platform] ?? 9) - (PLATFORM_ORDER[b.platform] ?? 9));
}

export async function findLayer(db: Db, projectId: string, platform: Platform): Promise<LayerRow | undefined> {
  return db.selectFrom("layers").selectAll().where("project_id", "=", projectId).where("platform", "=", platform).executeTakeFirst();
}
