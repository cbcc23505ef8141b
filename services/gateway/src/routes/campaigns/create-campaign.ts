import type { FastifyInstance } from "fastify";
import { authorityFromModes, createCampaignBodySchema, createCampaignParamsSchema, newId } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { ApiError } from "../../errors.ts";
import { assertRepresentable } from "../../http/money.ts";
import { parseBody } from "../../http/parse.ts";
import { assertActive, layerFor, projectFor, requestContext } from "../../http/tenancy.ts";
import { actorOf } from "../../domain/principal.ts";
import { principalOf } from "../../plugins/auth.ts";
import { findAdAccount } from "../../repositories/ad-accounts.repository.ts";
import { answerWrite } from "../../writes/answer.ts";
import { entityKeyOfCampaign, submitWrite } from "../../writes/submit-write.ts";

/**
 * POST …/ads/meta/campaigns — the simplified create. The campaign id is allocated here so the
 * partner can address it at once; the gate inserts the row when it allows or queues the create.
 */
export function registerCreateCampaign(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: { projectId: string } }>(
    "/v1/projects/:projectId/ads/meta/campaigns",
    { config: { auth: { anyOf: ["ads:write:campaigns"] }, idempotent: true } },
    async (req, reply) => {
      const project = await projectFor(ctx, req, req.params.projectId);
      const body = parseBody(createCampaignBodySchema, req.body);
      assertActive(project);
      const layer = await layerFor(ctx, project, "meta");
      assertRepresentable("meta", layer.currency, { dailyBudgetCents: body.dailyBudgetCents, lifetimeBudgetCents: body.lifetimeBudgetCents });
      const account = await findAdAccount(ctx.db, body.adAccountId);
      if (!account || account.layer_id !== layer.id) {
        throw new ApiError("VALIDATION", "the request body is not valid", {
          errors: [{ pointer: "/adAccountId", detail: "no ad account with this id is connected to this project's meta layer" }],
        });
      }
      if (account.status !== "connected") {
        throw new ApiError("VALIDATION", "the request body is not valid", {
          errors: [{ pointer: "/adAccountId", detail: `the ad account is ${account.status}; reconnect it first` }],
        });
      }
      const campaignId = newId("campaign");
      const { campaignManagementMode, creativeMode, status, specialAdCategories, ...rest } = body;
      const params = createCampaignParamsSchema.parse({
        ...rest,
        campaignId,
        authority: authorityFromModes(campaignManagementMode, creativeMode),
        status: status ?? "PAUSED",
        specialAdCategories: specialAdCategories ?? [],
      });
      const outcome = await submitWrite(
        ctx.writes,
        {
          organizationId: project.organization_id,
          projectId: project.id,
          layerId: layer.id,
          platform: "meta",
          operation: "create_campaign",
          entityKey: entityKeyOfCampaign(campaignId),
          params,
          actor: actorOf(principalOf(req)),
        },
        requestContext(req),
        { campaignId },
      );
      return answerWrite(reply, outcome);
    },
  );
}
