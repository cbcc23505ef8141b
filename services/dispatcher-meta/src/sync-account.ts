import type { JetStreamClient } from "@nats-io/jetstream";
import type { Msg, NatsConnection, Subscription } from "@nats-io/transport-node";
import type { z } from "zod";
import { syncAccountReplySchema, syncAccountRequestSchema, type NatsNames } from "@layers/contracts";
import type { Db } from "@layers/db";
import { hopContextOf, openToken, PermanentError, RetryableError, type Logger } from "@layers/runtime";
import { announceTokenExpired, loadAdAccount, type AdAccountTarget } from "@layers/dispatch-core";
import { upsertSyncedCampaigns } from "./db/sync.repository.ts";
import { campaignFromMeta } from "./map-campaign.ts";
import { META } from "./meta-adapter.ts";
import { MetaTokenError, type MetaClient } from "./meta/index.ts";

type SyncReply = z.infer<typeof syncAccountReplySchema>;

export interface SyncResponderDeps {
  db: Db;
  nc: NatsConnection;
  js: JetStreamClient;
  names: NatsNames;
  meta: MetaClient;
  tokenKey: string;
  log: Logger;
}

const SYNC_FIELDS = ["id", "name", "status", "objective", "daily_budget", "lifetime_budget", "adlabels"] as const;
const MARKER = /^layers:(cmp_[0-9a-z]{26})$/;

/**
 * Answers `rpc.meta.sync-account`: lists the ad account's campaigns on Meta and upserts them.
 * Core NATS in queue group `dispatcher-meta`, so each request reaches one instance.
 */
export function startSyncResponder(deps: SyncResponderDeps): { stop(): Promise<void> } {
  const inFlight = new Set<Promise<void>>();
  const sub: Subscription = deps.nc.subscribe(deps.names.subjects.syncAccount("meta"), {
    queue: "dispatcher-meta",
    callback: (err, msg) => {
      if (err) {
        deps.log.warn({ err }, "sync subscription error");
        return;
      }
      const p = answer(msg).finally(() => inFlight.delete(p));
      inFlight.add(p);
    },
  });

  async function answer(msg: Msg): Promise<void> {
    const ctx = hopContextOf(msg.headers, `sync-${Date.now()}`);
    const log = deps.log.child({ requestId: ctx.requestId, traceparent: ctx.traceparent });
    let reply: SyncReply;
    try {
      reply = { ok: true, synced: await sync(parseRequest(msg), ctx) };
      log.info({ synced: reply.synced }, "synced ad account");
    } catch (err) {
      // Refusals and Meta outages are the caller's business; anything else is ours and stays in our logs.
      if (err instanceof PermanentError) {
        log.warn({ code: err.code, reason: err.message }, "sync refused");
        reply = { ok: false, synced: 0, error: `${err.code}: ${err.message}` };
      } else if (err instanceof RetryableError) {
        log.warn({ err }, "sync failed; Meta unavailable");
        reply = { ok: false, synced: 0, error: `platform_unavailable: ${err.message}` };
      } else {
        log.error({ err }, "sync failed");
        reply = { ok: false, synced: 0, error: "sync failed; try again" };
      }
    }
    msg.respond(JSON.stringify(syncAccountReplySchema.parse(reply)));
  }

  async function sync(adAccountId: string, ctx: { requestId: string; traceparent: string }): Promise<number> {
    const account = await loadAdAccount(deps.db, META, adAccountId);
    if (account.status === "token_expired") throw new MetaTokenError("the ad account's Meta token has expired; reconnect the account", {});
    if (account.status !== "connected") throw new PermanentError("ad_account_disconnected", `ad account ${account.id} is ${account.status}`);
    try {
      const list = await deps.meta.listCampaigns(account.platformAccountId, SYNC_FIELDS, { accessToken: openToken(account.sealedToken, deps.tokenKey) }, { includeArchived: true });
      const campaigns = list.map((c) => ({
        ...campaignFromMeta(c, account.currency),
        markerCampaignId: c.adlabels?.map((l) => MARKER.exec(l.name)?.[1]).find((id) => id !== undefined),
      }));
      return await upsertSyncedCampaigns(deps.db, account, campaigns);
    } catch (err) {
      if (err instanceof MetaTokenError) await expire(account, ctx);
      throw err;
    }
  }

  /** As in the dispatch handler: announce (deduped by event id), then mark the account. */
  async function expire(account: AdAccountTarget, ctx: { requestId: string; traceparent: string }): Promise<void> {
    const project = await deps.db.selectFrom("projects").select("organization_id").where("id", "=", account.projectId).executeTakeFirstOrThrow();
    await announceTokenExpired(deps, { organizationId: project.organization_id, platform: META.platform, account }, ctx);
  }

  return {
    async stop() {
      sub.unsubscribe();
      await Promise.allSettled([...inFlight]);
    },
  };
}

function parseRequest(msg: Msg): string {
  let body: unknown;
  try {
    body = msg.json();
  } catch {
    throw new PermanentError("bad_request", "request is not JSON");
  }
  const parsed = syncAccountRequestSchema.safeParse(body);
  if (!parsed.success) throw new PermanentError("bad_request", parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  return parsed.data.adAccountId;
}
