import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { SCOPE_OF_OPERATION, authorityFromModes, createCampaignBodySchemaFor, createCampaignParamsSchema, newId, surfaceOf, writeAcceptedSchema, type Platform } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { ApiError } from "../../errors.ts";
import { assertRepresentable } from "../../http/money.ts";
import { parseBody } from "../../http/parse.ts";
import { assertFieldsAllowed, assertImpliedAgree } from "../../http/surface.ts";
import { assertActive, layerFor, platformOf, projectFor } from "../../http/tenancy.ts";
import { findAdAccount } from "../../repositories/ad-accounts.repository.ts";
import { assertAccountConnected } from "../ad-accounts/account-conflict.ts";
import { submitEntityWrite } from "../../writes/submit-entity-write.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

const BODY = { meta: createCampaignBodySchemaFor("meta"), tiktok: createCampaignBodySchemaFor("tiktok"), apple: createCampaignBodySchemaFor("apple") };

const DOC = routeDoc({
  operationId: "createCampaign",
  tag: "Campaigns",
  summary: "Create a campaign (starts PAUSED unless asked)",
  description: "The body is the one of the path's platform (`meta`, `tiktok`, `apple`); each adds its own extras.",
  body: z.union([BODY.meta, BODY.tiktok, BODY.apple]),
  examples: {
    meta: {
      summary: "A Meta traffic campaign, managed with approvals",
      value: { adAccountId: "aa_01jd8x3k5m2n4p6q8r0s2t4v6w", name: "Spring sale", outcome: "traffic", dailyBudgetCents: 5000, campaignManagementMode: "draft", creativeMode: "draft" },
    },
  },
  responses: { 202: writeAcceptedSchema },
  problems: [409],
});

/**
 * POST …/ads/:platform/campaigns — the simplified create (SPEC §5), with each platform's extras
 * (Meta special ad categories, TikTok special industries and CBO, Apple `adamId` and
 * `countriesOrRegions`). New campaigns start PAUSED unless asked. The campaign id is allocated
 * here so the partner can address it at once; the gate inserts the row when it allows or queues.
 */
export function registerCreateCampaign(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: { projectId: string; platform: string } }>(
    "/v1/projects/:projectId/ads/:platform/campaigns",
    { config: { auth: { anyOf: [SCOPE_OF_OPERATION.create_campaign] }, idempotent: true, doc: DOC } },
    async (req, reply) => {
      const project = await projectFor(ctx, req, req.params.projectId);
      const platform: Platform = platformOf(req.params.platform);
      const body = parseBody(BODY[platform], req.body);
      // Budget kinds the platform does not take (Apple: no lifetime budget on either API) are
      // read from the surface table, like every other level's budget write.
      assertFieldsAllowed(platform, "campaign", { dailyBudgetCents: body.dailyBudgetCents, lifetimeBudgetCents: body.lifetimeBudgetCents }, surfaceOf(platform, "campaign")?.budget);
      assertImpliedAgree(platform, "campaign", body);
      assertActive(project);
      const layer = await layerFor(ctx, project, platform);
      assertRepresentable(platform, layer.currency, { dailyBudgetCents: body.dailyBudgetCents, lifetimeBudgetCents: body.lifetimeBudgetCents });
      const account = await findAdAccount(ctx.db, body.adAccountId);
      if (!account || account.layer_id !== layer.id) {
        throw new ApiError("VALIDATION", "the request body is not valid", {
          errors: [{ pointer: "/adAccountId", detail: `no ad account with this id is connected to this project's ${platform} layer` }],
        });
      }
      assertAccountConnected(account.status);
      const campaignId = newId("campaign");
      const { campaignManagementMode, creativeMode, status, ...rest } = body;
      const extras = rest as Record<string, unknown>;
      const params = createCampaignParamsSchema.parse({
        ...rest,
        campaignId,
        authority: authorityFromModes(campaignManagementMode, creativeMode),
        status: status ?? "PAUSED",
        specialAdCategories: (extras.specialAdCategories as string[] | undefined) ?? [],
      });
      const { campaignId: _c, ...withoutId } = params;
      return submitEntityWrite(ctx, req, reply, { project, platform, layerId: layer.id, operation: "create_campaign", campaignId, params: withoutId });
    },
  );
}
