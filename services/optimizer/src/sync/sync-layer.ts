import type { Platform } from "@layers/contracts";
import type { Db } from "@layers/db";
import { openToken, type Logger } from "@layers/runtime";
import { replaceLayerMetrics, type MetricRow } from "@layers/optimizer-store";
import type { ReportReader, ReportWindow } from "../reports/report-row.ts";

export interface SyncDeps {
  db: Db;
  log: Logger;
  tokenKey: string;
  readers: Record<Platform, ReportReader>;
}

export interface SyncResult {
  layerId: string;
  accounts: number;
  upserted: number;
  removed: number;
  /** Rows for platform objects Layers does not know (not synced into campaigns / ad_entities). */
  unknown: number;
}

export class LayerNotFoundError extends Error {
  readonly retryable = false;
  constructor(layerId: string) {
    super(`layer ${layerId} not found`);
    this.name = "LayerNotFoundError";
  }
}

/**
 * Reads a layer's daily performance from its platform for every connected ad account and stores
 * it per Layers entity (campaigns and `ad_entities` with a platform id). Idempotent: running it
 * twice leaves the same rows.
 */
export async function syncLayerMetrics(deps: SyncDeps, layerId: string, window: ReportWindow): Promise<SyncResult> {
  const layer = await deps.db.selectFrom("layers").select(["id", "project_id", "platform"]).where("id", "=", layerId).executeTakeFirst();
  if (layer === undefined) throw new LayerNotFoundError(layerId);
  const accounts = await deps.db
    .selectFrom("ad_accounts")
    .select(["id", "platform_account_id", "currency", "access_token_enc"])
    .where("layer_id", "=", layerId)
    .where("status", "=", "connected")
    .execute();
  const known = await knownEntities(deps.db, layerId);
  const rows: MetricRow[] = [];
  let unknown = 0;
  for (const a of accounts) {
    const read = deps.readers[layer.platform];
    const report = await read({ platformAccountId: a.platform_account_id, accessToken: openToken(a.access_token_enc, deps.tokenKey), currency: a.currency }, window);
    for (const r of report) {
      const entityId = known.get(`${a.id}|${r.level}|${r.platformId}`);
      if (entityId === undefined) {
        unknown++;
        continue;
      }
      rows.push({ entityId, level: r.level as MetricRow["level"], date: r.date, spendCents: r.spendCents, impressions: r.impressions, clicks: r.clicks, conversions: r.conversions });
    }
  }
  const { upserted, removed } = await replaceLayerMetrics(deps.db, { layerId, projectId: layer.project_id, platform: layer.platform }, window, rows);
  deps.log.debug({ layerId, accounts: accounts.length, upserted, removed, unknown }, "metrics synced");
  return { layerId, accounts: accounts.length, upserted, removed, unknown };
}

/** `<adAccountId>|<level>|<platform id>` → Layers id, for every entity of the layer on its platform. */
async function knownEntities(db: Db, layerId: string): Promise<Map<string, string>> {
  const campaigns = await db.selectFrom("campaigns").select(["id", "ad_account_id", "platform_campaign_id"]).where("layer_id", "=", layerId).where("platform_campaign_id", "is not", null).execute();
  const children = await db.selectFrom("ad_entities").select(["id", "kind", "ad_account_id", "platform_entity_id"]).where("layer_id", "=", layerId).where("platform_entity_id", "is not", null).execute();
  const out = new Map<string, string>();
  for (const c of campaigns) out.set(`${c.ad_account_id}|campaign|${c.platform_campaign_id}`, c.id);
  for (const e of children) out.set(`${e.ad_account_id}|${e.kind}|${e.platform_entity_id}`, e.id);
  return out;
}

/** The window ending yesterday (UTC) of `days` days. */
export function windowEndingYesterday(now: Date, days: number): ReportWindow {
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 86_400_000;
  return { since: new Date(end - (days - 1) * 86_400_000).toISOString().slice(0, 10), until: new Date(end).toISOString().slice(0, 10) };
}
