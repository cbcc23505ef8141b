import type { FastifyReply, FastifyRequest } from "fastify";
import { entityKeyOfCampaign, type Operation, type Platform, type WriteAccepted } from "@layers/contracts";
import type { ProjectRow } from "@layers/db";
import type { RouteContext } from "../context.ts";
import { actorOf } from "../domain/principal.ts";
import { requestContext } from "../http/tenancy.ts";
import { principalOf } from "../plugins/auth.ts";
import { answerWrite } from "./answer.ts";
import { submitWrite } from "./submit-write.ts";

export interface EntityWrite {
  project: ProjectRow;
  platform: Platform;
  layerId: string;
  operation: Operation;
  /** Every write in a campaign's tree is ordered and gated by its campaign. */
  campaignId: string;
  /** The ad set / ad group / ad / keyword written, or created; absent for campaign writes. */
  entityId?: string;
  /** The operation's params besides `campaignId`. */
  params: Record<string, unknown>;
}

/** Submits one gated platform write and answers it (202 dispatching / pending_approval, 403, or 202 accepted). */
export async function submitEntityWrite(ctx: RouteContext, req: FastifyRequest, reply: FastifyReply, w: EntityWrite): Promise<WriteAccepted> {
  const outcome = await submitWrite(
    ctx.writes,
    {
      organizationId: w.project.organization_id,
      projectId: w.project.id,
      layerId: w.layerId,
      platform: w.platform,
      operation: w.operation,
      entityKey: entityKeyOfCampaign(w.campaignId),
      params: { campaignId: w.campaignId, ...w.params },
      actor: actorOf(principalOf(req)),
    },
    requestContext(req),
    { campaignId: w.campaignId, ...(w.entityId ? { entityId: w.entityId } : {}) },
  );
  return answerWrite(reply, outcome);
}
