import type { FastifyRequest } from "fastify";
import type { Operation, Platform } from "@layers/contracts";
import type { LayerRow, ProjectRow } from "@layers/db";
import type { RouteContext } from "../context.ts";
import { actorOf } from "../domain/principal.ts";
import { requestContext } from "../http/tenancy.ts";
import { principalOf } from "../plugins/auth.ts";
import { entityKeyOfLayer, submitWrite, type WriteOutcome } from "./submit-write.ts";

/**
 * A policy write on a layer (defaults, kill switch, policy): submitted by the caller, ordered on the
 * layer's entity key with the layer's other policy writes, decided by the gate.
 */
export function submitLayerWrite(
  ctx: RouteContext,
  req: FastifyRequest,
  target: { project: ProjectRow; layer: LayerRow; platform: Platform },
  operation: Extract<Operation, "update_defaults" | "set_kill_switch" | "update_policy">,
  params: Record<string, unknown>,
): Promise<WriteOutcome> {
  return submitWrite(
    ctx.writes,
    {
      organizationId: target.project.organization_id,
      projectId: target.project.id,
      layerId: target.layer.id,
      platform: target.platform,
      operation,
      entityKey: entityKeyOfLayer(target.layer.id),
      params,
      actor: actorOf(principalOf(req)),
    },
    requestContext(req),
  );
}
