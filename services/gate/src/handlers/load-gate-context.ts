import type { Kysely } from "kysely";
import { authorityBlockSchema, type AuthorityBlock, type WriteIntent } from "@layers/contracts";
import type { CampaignRow, Database, LayerRow, PendingActionRow } from "@layers/db";
import type { LayerPolicy } from "../domain/decide.ts";
import type { IntentParams } from "../domain/intent-params.ts";
import { adAccountInLayer, loadCampaign } from "../db/campaign-repository.ts";
import { loadEntity } from "../db/entity-repository.ts";
import { loadLayer, rowToLayerPolicy } from "../db/layer-repository.ts";
import { lockPendingAction } from "@layers/lifecycle";
import type { IntentWithPolicy } from "../db/intent-with-policy-repository.ts";

/** Everything the gate reads before deciding one intent. */
export interface GateContext {
  layer: LayerRow;
  layerPolicy: LayerPolicy & { killSwitchReason: string | null };
  /** The target campaign; for a create only when an approval re-run finds the row its queueing made. */
  campaign: CampaignRow | null;
  /** The campaign's own block (null: the layer defaults govern). */
  campaignAuthority: AuthorityBlock | null;
  pendingAction: PendingActionRow | null;
  approvedRerun: boolean;
}

export type ContextResult = { ok: true; ctx: GateContext } | { ok: false; code: "NOT_FOUND" | "CONFLICT" | "INTERNAL"; message: string };

const LAYER_WRITES = new Set(["update_defaults", "set_kill_switch", "update_policy"]);

/**
 * Loads the policy state of one intent, checking that everything it names belongs to its project
 * and layer. Rows it will change are locked (layer for layer policy, campaign for authority).
 * `prefetched`: the layer and campaign read with the intent's lock (`lockIntentWithPolicyNowait`);
 * used only where this function would read the same row unlocked, so nothing loses a lock.
 */
export async function loadGateContext(
  trx: Kysely<Database>,
  intent: WriteIntent,
  params: IntentParams,
  prefetched?: Pick<IntentWithPolicy, "layer" | "campaign">,
): Promise<ContextResult> {
  const op = intent.operation;
  const lockLayer = LAYER_WRITES.has(op);
  const layer =
    prefetched && !lockLayer && (prefetched.layer === null || prefetched.layer.id === intent.layerId)
      ? (prefetched.layer ?? undefined)
      : await loadLayer(trx, intent.layerId, { lock: lockLayer });
  if (!layer || layer.project_id !== intent.projectId || layer.platform !== intent.platform) {
    return { ok: false, code: "NOT_FOUND", message: `layer ${intent.layerId} (${intent.platform}) not found in project ${intent.projectId}` };
  }
  let layerPolicy: GateContext["layerPolicy"];
  try {
    layerPolicy = rowToLayerPolicy(layer);
  } catch (err) {
    return { ok: false, code: "INTERNAL", message: `layer ${layer.id} holds an invalid policy: ${String(err).slice(0, 300)}` };
  }

  let pendingAction: PendingActionRow | null = null;
  if (intent.source === "approval") {
    if (!intent.pendingActionId) return { ok: false, code: "CONFLICT", message: "an approval re-run must name its pending action" };
    pendingAction = (await lockPendingAction(trx, intent.pendingActionId)) ?? null;
    if (!pendingAction || pendingAction.project_id !== intent.projectId || pendingAction.layer_id !== intent.layerId) {
      return { ok: false, code: "NOT_FOUND", message: `pending action ${intent.pendingActionId} not found on layer ${intent.layerId}` };
    }
    if (pendingAction.status !== "approved") {
      return { ok: false, code: "CONFLICT", message: `pending action ${pendingAction.id} is ${pendingAction.status}, not approved` };
    }
  }
  const approvedRerun = pendingAction !== null;

  let campaign: CampaignRow | null = null;
  if (op === "create_campaign" && params.create) {
    if (!(await adAccountInLayer(trx, params.create.adAccountId, intent.layerId))) {
      return { ok: false, code: "NOT_FOUND", message: `ad account ${params.create.adAccountId} not found on layer ${intent.layerId}` };
    }
    campaign = (await loadCampaign(trx, params.create.campaignId, { lock: false })) ?? null;
    // Only the re-run of a queued create finds its own row; any other hit is an id clash.
    if (campaign && (!approvedRerun || campaign.layer_id !== intent.layerId)) {
      return { ok: false, code: "CONFLICT", message: `campaign id ${params.create.campaignId} is already taken` };
    }
  } else if (params.campaignId !== undefined) {
    const lockCampaign = op === "update_authority";
    // The prefetch joined on the same payload field params.campaignId comes from: null is "no such row".
    campaign =
      prefetched && !lockCampaign && (prefetched.campaign === null || prefetched.campaign.id === params.campaignId)
        ? prefetched.campaign
        : ((await loadCampaign(trx, params.campaignId, { lock: lockCampaign })) ?? null);
    if (!campaign || campaign.project_id !== intent.projectId || campaign.layer_id !== intent.layerId) {
      return { ok: false, code: "NOT_FOUND", message: `campaign ${params.campaignId} not found on layer ${intent.layerId}` };
    }
  }

  const child = params.createChild;
  if (child && campaign) {
    const clash = await loadEntity(trx, child.entityId);
    // Only the re-run of a queued create finds its own row; any other hit is an id clash.
    if (clash && (!approvedRerun || clash.campaign_id !== campaign.id)) {
      return { ok: false, code: "CONFLICT", message: `${child.kind} id ${child.entityId} is already taken` };
    }
    if (child.parentId !== null) {
      const parent = await loadEntity(trx, child.parentId);
      if (!parent || parent.campaign_id !== campaign.id) {
        return { ok: false, code: "NOT_FOUND", message: `parent ${child.parentId} not found in campaign ${campaign.id}` };
      }
    }
  }

  let campaignAuthority: AuthorityBlock | null = null;
  if (op !== "create_campaign" && campaign?.authority != null) {
    const parsed = authorityBlockSchema.safeParse(campaign.authority);
    // Never guess authority: a broken block must not fall back to (possibly wider) defaults.
    if (!parsed.success) return { ok: false, code: "INTERNAL", message: `campaign ${campaign.id} holds an invalid authority block` };
    campaignAuthority = parsed.data;
  }
  return { ok: true, ctx: { layer, layerPolicy, campaign, campaignAuthority, pendingAction, approvedRerun } };
}
