import type { FastifyInstance } from "fastify";
import { openToken, sealToken } from "@layers/runtime";
import type { RouteContext } from "../../context.ts";
import type { AppleCredentials } from "./apple-credentials.ts";
import { appleToken, ConnectPlatformError, metaExchange } from "./platform-clients.ts";

/** How long before expiry a token is renewed: Meta's 60-day tokens a week ahead, Apple's one-hour tokens 15 minutes ahead. */
export const RENEW_AHEAD_MS = { meta: 7 * 24 * 3600_000, apple: 15 * 60_000 } as const;

export interface RefreshOutcome {
  renewed: string[];
  failed: string[];
}

/**
 * Renews tokens before they expire, where the platform allows: Meta long-lived user tokens are
 * exchanged again (`fb_exchange_token`) while still valid; Apple access tokens are minted again
 * from the sealed private key (Apple has no refresh token). TikTok advertiser tokens do not
 * expire. Rows are claimed `for update skip locked`, so several gateways never renew one token
 * twice; accounts sharing a grant get the renewed token together. A platform refusal is logged and
 * left to the dispatchers, which mark the account `token_expired` on their next call.
 */
export async function renewExpiringTokens(ctx: RouteContext, now = new Date(), limit = 50): Promise<RefreshOutcome> {
  const out: RefreshOutcome = { renewed: [], failed: [] };
  await ctx.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("ad_accounts")
      .select(["id", "platform", "access_token_enc", "credentials_enc", "grant_id"])
      .where("status", "=", "connected")
      .where("token_expires_at", "is not", null)
      .where((eb) =>
        eb.or([
          eb.and([eb("platform", "=", "meta"), eb("token_expires_at", "<", new Date(now.getTime() + RENEW_AHEAD_MS.meta)), eb("token_expires_at", ">", now)]),
          eb.and([eb("platform", "=", "apple"), eb("token_expires_at", "<", new Date(now.getTime() + RENEW_AHEAD_MS.apple)), eb("credentials_enc", "is not", null)]),
        ]),
      )
      .orderBy("token_expires_at")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    const done = new Set<string>();
    for (const r of rows) {
      if (done.has(r.id)) continue;
      try {
        const fresh =
          r.platform === "meta"
            ? await metaExchange(ctx.connect, openToken(r.access_token_enc, ctx.connect.tokenKey))
            : await appleToken(ctx.connect, JSON.parse(openToken(r.credentials_enc!, ctx.connect.tokenKey)) as AppleCredentials);
        const sealed = sealToken(fresh.accessToken, ctx.connect.tokenKey);
        const updated = await trx
          .updateTable("ad_accounts")
          .set({ access_token_enc: sealed, token_expires_at: fresh.expiresAt ?? null })
          .where("status", "=", "connected")
          .where((eb) => (r.grant_id ? eb("grant_id", "=", r.grant_id) : eb("id", "=", r.id)))
          .returning("id")
          .execute();
        for (const u of updated) {
          done.add(u.id);
          out.renewed.push(u.id);
        }
      } catch (err) {
        if (!(err instanceof ConnectPlatformError)) throw err;
        out.failed.push(r.id);
        ctx.log.warn({ err, adAccountId: r.id, platform: r.platform }, "could not renew the token before expiry");
      }
    }
  });
  return out;
}

/** Runs `renewExpiringTokens` every `everyMs` (0 disables); stopped with the app. */
export function scheduleTokenRenewal(app: FastifyInstance, ctx: RouteContext, everyMs: number): void {
  if (everyMs <= 0) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    renewExpiringTokens(ctx)
      .then((o) => {
        if (o.renewed.length > 0) ctx.log.info({ renewed: o.renewed.length }, "tokens renewed before expiry");
      })
      .catch((err: unknown) => ctx.log.warn({ err }, "token renewal pass failed"))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  app.addHook("onClose", async () => clearInterval(timer));
}

