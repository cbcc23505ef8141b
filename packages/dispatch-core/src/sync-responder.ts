import type { JetStreamClient } from "@nats-io/jetstream";
import type { Msg, NatsConnection, Subscription } from "@nats-io/transport-node";
import type { z } from "zod";
import { syncAccountReplySchema, syncAccountRequestSchema, syncCampaignRequestSchema, type NatsNames } from "@layers/contracts";
import type { Db } from "@layers/db";
import { hopContextOf, openToken, PermanentError, RetryableError, type Logger } from "@layers/runtime";
import type { DispatchAdapter } from "./adapter.ts";
import { announceTokenExpired } from "./dispatch-handler.ts";
import { upsertSyncedCampaigns, type SyncedCampaign } from "./db/sync.repository.ts";
import { upsertSyncedChildren, type SyncedChild } from "./db/sync-children.repository.ts";
import { loadAdAccount, loadEntityTarget, type AdAccountTarget } from "./db/targets.repository.ts";

type SyncReply = z.infer<typeof syncAccountReplySchema>;

/** What a platform plugs into sync-account: list the account's campaigns, in Layers terms. */
export interface CampaignLister {
  platform: DispatchAdapter["platform"];
  label: string;
  /** Every campaign of the account, archived ones included; `accessToken` is the opened account token. */
  listCampaigns(account: AdAccountTarget, accessToken: string): Promise<SyncedCampaign[]>;
  /** One campaign's ad sets / ad groups, ads and keywords on the platform (answers `rpc.<platform>.sync-campaign`). */
  listChildren?(account: AdAccountTarget, accessToken: string, platformCampaignId: string): Promise<SyncedChild[]>;
  isTokenExpired(err: unknown): boolean;
}

export interface SyncResponderDeps {
  db: Db;
  nc: NatsConnection;
  js: JetStreamClient;
  names: NatsNames;
  /** Opens `ad_accounts.access_token_enc`. */
  tokenKey: string;
  log: Logger;
}

/**
 * Answers `rpc.<platform>.sync-account`: lists the ad account's campaigns on the platform and
 * upserts them. Core NATS in queue group `dispatcher-<platform>`, so each request reaches one instance.
 */
export function startSyncResponder(deps: SyncResponderDeps, lister: CampaignLister): { stop(): Promise<void> } {
  const { platform, label } = lister;
  const account = { platform, label };
  const inFlight = new Set<Promise<void>>();
  const subscribe = (subject: string, run: (msg: Msg, ctx: { requestId: string; traceparent: string }) => Promise<number>): Subscription =>
    deps.nc.subscribe(subject, {
      queue: `dispatcher-${platform}`,
      callback: (err, msg) => {
        if (err) {
          deps.log.warn({ err }, "sync subscription error");
          return;
        }
        const p = answer(msg, run).finally(() => inFlight.delete(p));
        inFlight.add(p);
      },
    });
  const subs: Subscription[] = [subscribe(deps.names.subjects.syncAccount(platform), (msg, ctx) => sync(parseSyncRequest(syncAccountRequestSchema, msg).adAccountId, ctx))];
  const listChildren = lister.listChildren?.bind(lister);
  if (listChildren) subs.push(subscribe(deps.names.subjects.syncCampaign(platform), (msg, ctx) => syncCampaign(parseSyncRequest(syncCampaignRequestSchema, msg).campaignId, ctx, listChildren)));

  async function answer(msg: Msg, run: (msg: Msg, ctx: { requestId: string; traceparent: string }) => Promise<number>): Promise<void> {
    const ctx = hopContextOf(msg.headers, `sync-${Date.now()}`);
    const log = deps.log.child({ requestId: ctx.requestId, traceparent: ctx.traceparent, subject: msg.subject });
    let reply: SyncReply;
    try {
      reply = { ok: true, synced: await run(msg, ctx) };
      log.info({ synced: reply.synced }, "synced");
    } catch (err) {
      // Refusals and platform outages are the caller's business; anything else is ours and stays in our logs.
      if (err instanceof PermanentError) {
        log.warn({ code: err.code, reason: err.message }, "sync refused");
        reply = { ok: false, synced: 0, error: `${err.code}: ${err.message}` };
      } else if (err instanceof RetryableError) {
        log.warn({ err }, `sync failed; ${label} unavailable`);
        reply = { ok: false, synced: 0, error: `platform_unavailable: ${err.message}` };
      } else {
        log.error({ err }, "sync failed");
        reply = { ok: false, synced: 0, error: "sync failed; try again" };
      }
    }
    msg.respond(JSON.stringify(syncAccountReplySchema.parse(reply)));
  }

  async function sync(adAccountId: string, ctx: { requestId: string; traceparent: string }): Promise<number> {
    const target = await loadAdAccount(deps.db, account, adAccountId);
    if (target.status === "token_expired") throw new PermanentError("token_expired", `the ad account's ${label} token has expired; reconnect the account`);
    if (target.status !== "connected") throw new PermanentError("ad_account_disconnected", `ad account ${target.id} is ${target.status}`);
    try {
      const campaigns = await lister.listCampaigns(target, openToken(target.sealedToken, deps.tokenKey));
      return await upsertSyncedCampaigns(deps.db, platform, target, campaigns);
    } catch (err) {
      if (lister.isTokenExpired(err)) await expire(target, ctx);
      throw err;
    }
  }

  async function syncCampaign(campaignId: string, ctx: { requestId: string; traceparent: string }, list: NonNullable<CampaignLister["listChildren"]>): Promise<number> {
    const layer = await deps.db.selectFrom("campaigns").select("layer_id").where("id", "=", campaignId).executeTakeFirst();
    if (!layer) throw new PermanentError("campaign_not_found", `campaign ${campaignId} does not exist`);
    const campaign = await loadEntityTarget(deps.db, account, { kind: "campaign", id: campaignId }, layer.layer_id);
    // Nothing on the platform yet (its create has not landed): nothing below it either.
    if (!campaign.platformId) return 0;
    const target = campaign.account;
    if (target.status === "token_expired") throw new PermanentError("token_expired", `the ad account's ${label} token has expired; reconnect the account`);
    if (target.status !== "connected") throw new PermanentError("ad_account_disconnected", `ad account ${target.id} is ${target.status}`);
    try {
      const children = await list(target, openToken(target.sealedToken, deps.tokenKey), campaign.platformId);
      return await upsertSyncedChildren(deps.db, platform, { campaignId, account: target }, children);
    } catch (err) {
      if (lister.isTokenExpired(err)) await expire(target, ctx);
      throw err;
    }
  }

  /** As in the dispatch handler: announce (deduped by event id), then mark the account. */
  async function expire(target: AdAccountTarget, ctx: { requestId: string; traceparent: string }): Promise<void> {
    const project = await deps.db.selectFrom("projects").select("organization_id").where("id", "=", target.projectId).executeTakeFirstOrThrow();
    await announceTokenExpired(deps, { organizationId: project.organization_id, platform, account: target }, ctx);
  }

  return {
    async stop() {
      for (const sub of subs) sub.unsubscribe();
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** Parses a sync request body; a malformed one is the caller's bug, answered `ok: false`. */
function parseSyncRequest<T>(schema: z.ZodType<T>, msg: Msg): T {
  let body: unknown;
  try {
    body = msg.json();
  } catch {
    throw new PermanentError("bad_request", "request is not JSON");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new PermanentError("bad_request", parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  return parsed.data;
}
