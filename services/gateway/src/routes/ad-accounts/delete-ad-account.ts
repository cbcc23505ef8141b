import type { FastifyInstance } from "fastify";
import { adAccountEventDataSchema, adAccountSchema, type AdAccountView, type Platform } from "@layers/contracts";
import type { OutboxEvent } from "@layers/lifecycle";
import { openToken } from "@layers/runtime";
import type { RouteContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { projectFor, requestContext } from "../../http/tenancy.ts";
import { disconnectAccount, findProjectAdAccount, rowToAdAccount } from "../../repositories/connect.repository.ts";
import { stageEvent } from "../../writes/stage-event.ts";
import { tiktokRevoke } from "../oauth/platform-clients.ts";
import { AD_ACCOUNT_ID_RE } from "./read-ad-accounts.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/**
 * DELETE …/ads/ad-accounts/:id — disconnects: the token is wiped in the same transaction that
 * stores `ads.account.disconnected`; then the token is revoked at TikTok when no other connected
 * account shares its grant. A revoke that fails is logged: the account is
 * disconnected in Layers either way and the token is no longer stored. Disconnecting twice is a no-op.
 */
export function registerDeleteAdAccount(app: FastifyInstance, ctx: RouteContext): void {
  app.delete<{ Params: { projectId: string; id: string } }>(
    "/v1/projects/:projectId/ads/ad-accounts/:id",
    { config: { auth: { anyOf: ["ads:write:connect"] }, doc: routeDoc({ operationId: "disconnectAdAccount", tag: "Ad accounts", summary: "Disconnect an ad account (its token is dropped)", responses: { 200: adAccountSchema } }) } },
    async (req): Promise<AdAccountView> => {
      const project = await projectFor(ctx, req, req.params.projectId);
      if (!AD_ACCOUNT_ID_RE.test(req.params.id) || !(await findProjectAdAccount(ctx.db, project.id, req.params.id))) throw notFound("ad account");
      let staged: OutboxEvent | undefined;
      const done = await ctx.db.transaction().execute(async (trx) => {
        const d = await disconnectAccount(trx, req.params.id);
        if (!d || d.before.status === "disconnected") return d;
        const data = adAccountEventDataSchema.parse({
          organizationId: project.organization_id,
          projectId: project.id,
          layerId: d.before.layer_id,
          adAccountId: d.before.id,
          platform: d.before.platform as Platform,
          platformAccountId: d.before.platform_account_id,
        });
        staged = await stageEvent(trx, "ads.account.disconnected", `${d.before.id}\u0000disconnected\u0000${d.before.connected_at.toISOString()}`, data, requestContext(req));
        return d;
      });
      if (!done) throw notFound("ad account");
      if (staged && !done.grantStillUsed && done.before.access_token_enc !== "") {
        const platform = done.before.platform as Platform;
        try {
          const token = openToken(done.before.access_token_enc, ctx.connect.tokenKey);
          // Only TikTok revokes one token. Meta's DELETE /me/permissions removes the app for every
          // connection of that person (other projects' too), and Apple has no revoke call: there the
          // token is only forgotten (Meta's expires within 60 days; the customer removes Apple's key).
          if (platform === "tiktok") await tiktokRevoke(ctx.connect, token);
        } catch (err) {
          req.log.warn({ err, adAccountId: done.before.id, platform }, "token not revoked at the platform (the account is disconnected in Layers)");
        }
      }
      const after = await findProjectAdAccount(ctx.db, project.id, req.params.id);
      return rowToAdAccount(after!);
    },
  );
}
