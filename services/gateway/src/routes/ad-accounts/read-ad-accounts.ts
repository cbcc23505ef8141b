import type { FastifyInstance } from "fastify";
import { adAccountListSchema, adAccountSchema, type AdAccountList, type AdAccountView } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { projectFor } from "../../http/tenancy.ts";
import { findProjectAdAccount, listProjectAdAccounts, rowToAdAccount } from "../../repositories/connect.repository.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

export const AD_ACCOUNT_ID_RE = /^aa_[0-9a-z]{26}$/;

/** GET …/ads/ad-accounts and …/ads/ad-accounts/:id — never a token or key, only its status and expiry. */
export function registerReadAdAccounts(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { projectId: string } }>(
    "/v1/projects/:projectId/ads/ad-accounts",
    { config: { auth: { anyOf: ["ads:read"] }, doc: routeDoc({ operationId: "listAdAccounts", tag: "Ad accounts", summary: "The project's connected ad accounts", responses: { 200: adAccountListSchema } }) } },
    async (req): Promise<AdAccountList> => {
      const project = await projectFor(ctx, req, req.params.projectId);
      return { data: (await listProjectAdAccounts(ctx.db, project.id)).map(rowToAdAccount) };
    },
  );

  app.get<{ Params: { projectId: string; id: string } }>(
    "/v1/projects/:projectId/ads/ad-accounts/:id",
    { config: { auth: { anyOf: ["ads:read"] }, doc: routeDoc({ operationId: "getAdAccount", tag: "Ad accounts", summary: "Get an ad account", responses: { 200: adAccountSchema } }) } },
    async (req): Promise<AdAccountView> => {
      const project = await projectFor(ctx, req, req.params.projectId);
      if (!AD_ACCOUNT_ID_RE.test(req.params.id)) throw notFound("ad account");
      const row = await findProjectAdAccount(ctx.db, project.id, req.params.id);
      if (!row) throw notFound("ad account");
      return rowToAdAccount(row);
    },
  );
}
