import { authorityBlockSchema, type AuthorityBlock, type EvaluateReply, type EvaluateRequest } from "@layers/contracts";
import type { Db } from "@layers/db";
import { decide } from "../domain/decide.ts";
import { loadCampaign } from "../db/campaign-repository.ts";
import { loadLayer, rowToLayerPolicy } from "../db/layer-repository.ts";
import { evaluateInputOf } from "./evaluate-input.ts";

/**
 * Dry run: reads the same policy state a real intent's decision reads (layer; the campaign's own
 * authority block when a campaign is named) and runs the same pure `decide()`. Selects only — no
 * audit row, intent, job, pending action or event.
 */
export async function evaluate(db: Db, req: EvaluateRequest): Promise<EvaluateReply> {
  const layer = await loadLayer(db, req.layerId, { lock: false });
  if (!layer || layer.project_id !== req.projectId || layer.platform !== req.platform) {
    return { ok: false, code: "NOT_FOUND", message: `layer ${req.layerId} (${req.platform}) not found in project ${req.projectId}` };
  }
  let campaignAuthority: AuthorityBlock | null = null;
  if (req.campaignId !== undefined) {
    const campaign = await loadCampaign(db, req.campaignId, { lock: false });
    if (!campaign || campaign.project_id !== req.projectId || campaign.layer_id !== req.layerId) {
      return { ok: false, code: "NOT_FOUND", message: `campaign ${req.campaignId} not found on layer ${req.layerId}` };
    }
    if (campaign.authority != null) {
      const parsed = authorityBlockSchema.safeParse(campaign.authority);
      // As for real intents: never fall back to (possibly wider) defaults over a broken block.
      if (!parsed.success) return { ok: false, code: "INTERNAL", message: `campaign ${campaign.id} holds an invalid authority block` };
      campaignAuthority = parsed.data;
    }
  }
  let policy;
  try {
    policy = rowToLayerPolicy(layer);
  } catch {
    return { ok: false, code: "INTERNAL", message: `layer ${layer.id} holds an invalid policy` };
  }
  const verdict = decide(evaluateInputOf(req), { layer: policy, campaignAuthority });
  return { ok: true, decision: verdict.decision, axis: verdict.axis, ...(verdict.reason ? { reason: verdict.reason } : {}) };
}
