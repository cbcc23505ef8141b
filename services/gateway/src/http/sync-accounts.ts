import type { Platform } from "@layers/contracts";
import { syncAccountReplySchema } from "@layers/contracts";
import type { RouteContext } from "../context.ts";

/**
 * Asks the platform dispatchers to refresh each connected account before a campaign list, in
 * parallel and bounded by SYNC_TIMEOUT_MS. A missing or slow dispatcher is not an error: the
 * list then serves what Postgres already has.
 */
export async function syncAccounts(ctx: RouteContext, accounts: Array<{ id: string; platform: Platform }>, requestId: string): Promise<void> {
  await Promise.allSettled(
    accounts.map(async (a) => {
      try {
        const msg = await ctx.nc.request(ctx.names.subjects.syncAccount(a.platform), JSON.stringify({ adAccountId: a.id }), {
          timeout: ctx.syncTimeoutMs,
        });
        const reply = syncAccountReplySchema.safeParse(msg.json());
        if (!reply.success || !reply.data.ok) ctx.log.warn({ adAccountId: a.id, requestId, error: reply.success ? reply.data.error : "bad reply" }, "account sync failed");
      } catch (err) {
        ctx.log.debug({ err, adAccountId: a.id, requestId }, "account sync unavailable; serving stored campaigns");
      }
    }),
  );
}

/**
 * Asks the platform's dispatcher to refresh one campaign's ad sets / ad groups, ads and keywords
 * before a list below it, bounded by SYNC_TIMEOUT_MS; as for accounts, no answer is not an error.
 */
export async function syncCampaign(ctx: RouteContext, platform: Platform, campaignId: string, requestId: string): Promise<void> {
  try {
    const msg = await ctx.nc.request(ctx.names.subjects.syncCampaign(platform), JSON.stringify({ campaignId }), { timeout: ctx.syncTimeoutMs });
    const reply = syncAccountReplySchema.safeParse(msg.json());
    if (!reply.success || !reply.data.ok) ctx.log.warn({ campaignId, requestId, error: reply.success ? reply.data.error : "bad reply" }, "campaign sync failed");
  } catch (err) {
    ctx.log.debug({ err, campaignId, requestId }, "campaign sync unavailable; serving stored entities");
  }
}
