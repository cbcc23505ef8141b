import { randomBytes } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { adAccountEventDataSchema, type ConnectErrorCode, type Platform } from "@layers/contracts";
import type { OauthStateRow } from "@layers/db";
import type { OutboxEvent } from "@layers/lifecycle";
import { sealToken } from "@layers/runtime";
import type { RouteContext } from "../../context.ts";
import { requestContext } from "../../http/tenancy.ts";
import { ensureLayer, findProjectAdAccount, upsertConnectedAccount } from "../../repositories/connect.repository.ts";
import { stageEvent } from "../../writes/stage-event.ts";
import type { Grant } from "./platform-clients.ts";
import { outcomeUrl } from "./return-url.ts";

/** `returnUrl?status=error&code=…` for a connection whose state was good but which failed. */
export function errorRedirect(state: OauthStateRow, code: ConnectErrorCode): string {
  return outcomeUrl(state.return_url, { status: "error", code });
}

/**
 * Stores every account a grant covers on the project's layer for the platform (made if missing),
 * with the grant's token sealed, emits `ads.account.connected` for each, and answers the return
 * URL to redirect to. A re-authorization (`adAccountId` on the state) must cover that account.
 */
export async function finishConnection(
  ctx: RouteContext,
  req: FastifyRequest,
  state: OauthStateRow,
  grant: Grant,
  credentials: string | null,
): Promise<string> {
  const platform = state.platform as Platform;
  if (grant.accounts.length === 0) return errorRedirect(state, "no_ad_accounts");
  let wanted: string | undefined;
  if (state.ad_account_id) {
    const prior = await findProjectAdAccount(ctx.db, state.project_id, state.ad_account_id);
    if (!prior || !grant.accounts.some((a) => a.platformAccountId === prior.platform_account_id)) return errorRedirect(state, "account_not_granted");
    wanted = prior.id;
  }
  const sealed = sealToken(grant.accessToken, ctx.connect.tokenKey);
  const sealedCredentials = credentials === null ? null : sealToken(credentials, ctx.connect.tokenKey);
  const grantId = randomBytes(12).toString("base64url");
  const rc = requestContext(req);
  const staged: OutboxEvent[] = [];
  const ids = await ctx.db.transaction().execute(async (trx) => {
    const layer = await ensureLayer(trx, state.project_id, platform);
    const out: string[] = [];
    for (const account of grant.accounts) {
      const { row, reconnected } = await upsertConnectedAccount(trx, {
        projectId: state.project_id,
        layerId: layer.id,
        platform,
        grantId,
        sealedToken: sealed,
        credentialsEnc: sealedCredentials,
        tokenExpiresAt: grant.expiresAt ?? null,
        account,
      });
      out.push(row.id);
      staged.push(
        await stageEvent(
          trx,
          "ads.account.connected",
          `${row.id}\u0000${row.connected_at.toISOString()}`,
          adAccountEventDataSchema.parse({
            organizationId: state.organization_id,
            projectId: state.project_id,
            layerId: layer.id,
            adAccountId: row.id,
            platform,
            platformAccountId: row.platform_account_id,
            name: row.name,
            reauthorized: reconnected,
          }),
          rc,
        ),
      );
    }
    return out;
  });
  req.log.info({ platform, projectId: state.project_id, adAccountIds: ids }, "ad accounts connected");
  return outcomeUrl(state.return_url, { status: "connected", accountId: wanted ?? ids[0]! });
}
