import type { JetStreamClient, JsMsg } from "@nats-io/jetstream";
import { targetOf, type Dispatch, type NatsNames } from "@layers/contracts";
import type { Db } from "@layers/db";
import { PermanentError, RetryableError, type HandlerOutcome, type HopContext, type Logger } from "@layers/runtime";
import type { DispatchAdapter, PreparedWrite } from "./adapter.ts";
import type { DispatchConfig } from "./config.ts";
import { fenceAndClaim, LANDED_STATES, releaseIntent, type IntentView } from "./db/intents.repository.ts";
import { failureReason, recordOutcome, type Outcome, type OutcomeTarget } from "./db/outcome.repository.ts";
import { markTokenExpired, type AdAccountTarget } from "./db/targets.repository.ts";
import { outcomeEvents, publishEvents, storedOutcome, tokenExpiredEvent } from "./events.ts";
import { keepLease } from "./lease-keeper.ts";

export interface DispatchHandlerDeps {
  db: Db;
  js: JetStreamClient;
  names: NatsNames;
  config: DispatchConfig;
}

export type DispatchContext = HopContext & { msg: JsMsg; log: Logger };

const DONE: HandlerOutcome = { kind: "done" };
/** A crash between commit and publish is redelivered within ack_wait; older re-runs are ops replays whose events went out. */
const REEMIT_WINDOW_MS = 10 * 60_000;

/**
 * One `dispatch.<platform>` message: fence → claim → (reconcile) → call → record → publish.
 * Returns done/defer or throws; `runConsumer` turns that into ack / nak / term.
 */
export function createDispatchHandler<Plan>(deps: DispatchHandlerDeps, adapter: DispatchAdapter<Plan>) {
  const { db, config } = deps;
  const { platform, label } = adapter;
  const ladder = (attempt: number) => config.RETRY_LADDER_MS[Math.min(attempt - 1, config.RETRY_LADDER_MS.length - 1)] ?? 1_000;

  return async function handleDispatch(d: Dispatch, ctx: DispatchContext): Promise<HandlerOutcome> {
    const log = ctx.log.child({ intentId: d.intentId, operation: d.operation, entityKey: d.entityKey, entitySeq: d.entitySeq });
    if (d.platform !== platform) throw new PermanentError("wrong_platform", `dispatcher-${platform} got a ${d.platform} write`);
    const { view, claimed } = await fenceAndClaim(db, d.intentId, platform, config.LEASE_MS);
    if (!view || view.platform !== platform) throw new PermanentError("unknown_intent", `intent ${d.intentId} is not a stored ${label} write`);
    if (claimed === undefined) {
      if (LANDED_STATES.includes(view.state)) {
        log.info({ state: view.state, skipped: true }, "skipped: already landed");
        await reemit(d, view, ctx);
        return DONE;
      }
      if (view.state !== "allowed" && view.state !== "dispatching") {
        log.warn({ state: view.state, skipped: true }, "skipped: the gate did not allow this write");
        return DONE;
      }
      if (view.blocked) return { kind: "defer", delayMs: config.FENCE_DELAY_MS };
      // Someone else is calling the platform for this very intent; look again when its lease would run out.
      return { kind: "defer", delayMs: Math.min(Math.max(view.leaseRemainingMs, config.FENCE_DELAY_MS), 5_000) };
    }
    const attempts = claimed;
    const target: OutcomeTarget = {
      intentId: d.intentId,
      attempts,
      jobId: d.jobId,
      operation: d.operation,
      campaignId: typeof d.params.campaignId === "string" ? d.params.campaignId : undefined,
      entity: targetOf(d.operation, d.params),
      pendingActionId: d.pendingActionId,
    };
    const claimLog = log.child({ attempt: attempts });
    const keeper = keepLease({ db, msg: ctx.msg, intentId: d.intentId, attempts, leaseMs: config.LEASE_MS, ackWaitMs: config.ACK_WAIT_MS, log: claimLog });
    let account: AdAccountTarget | undefined;
    let outcome: Outcome;
    try {
      // Only a crash loop gets here: normal failures are marked dead when the last attempt fails.
      if (attempts > config.MAX_ATTEMPTS) throw new PermanentError("attempts_exhausted", `claimed ${attempts} times`);
      const write = await adapter.prepare(d, { db, log: claimLog });
      target.entity = write.entity;
      checkAccount(d, write);
      account = write.account;
      const landed = await adapter.land(write, { db, log: claimLog, mayHaveLanded: attempts > 1 });
      outcome = { kind: "landed", platformId: landed.platformId, reconciled: landed.reconciled, created: write.created, row: { ...write.row, ...landed.row } };
    } catch (err) {
      if (err instanceof PermanentError && err.code !== "attempts_exhausted") {
        // `account.status` is what we read before calling: only a token that was good until now is news.
        if (adapter.isTokenExpired(err) && account?.status === "connected") await expireToken(d, account, ctx);
        outcome = { kind: "failed", code: err.code, message: err.message };
      } else if (attempts >= config.MAX_ATTEMPTS) {
        const what = err instanceof Error ? err.message : String(err);
        outcome = { kind: "dead", code: "attempts_exhausted", message: `gave up after ${attempts} attempts: ${what}` };
      } else {
        await releaseIntent(db, d.intentId, attempts);
        const what = err instanceof Error ? err.message : String(err);
        const retryAfterMs = (err instanceof RetryableError ? err.retryAfterMs : undefined) ?? ladder(attempts);
        throw new RetryableError(`attempt ${attempts} failed: ${what}`, { cause: err, retryAfterMs });
      }
    } finally {
      keeper.stop();
    }
    const recorded = await record(d, target, outcome, ctx, claimLog);
    // A dead write is also dead-lettered (runConsumer terms the message and keeps it) for inspection and redrive.
    if (recorded && outcome.kind === "dead") throw new PermanentError(outcome.code, failureReason(outcome));
    return DONE;
  };

  /** Checks that hold for every platform, before any call: the account's currency and connection. */
  function checkAccount(d: Dispatch, write: PreparedWrite<Plan>): void {
    const { account, row } = write;
    const carriesMoney = row.dailyBudgetCents !== undefined || row.lifetimeBudgetCents !== undefined || row.bidCents !== undefined;
    if (carriesMoney && account.currency !== d.currency) {
      throw new PermanentError("currency_mismatch", `budget is in ${d.currency} but the ad account bills in ${account.currency}`);
    }
    // No call with a token the platform already refused: one refusal per connection, not one per queued write.
    if (account.status === "token_expired") throw new PermanentError("token_expired", `the ad account's ${label} token has expired; reconnect the account`);
    if (account.status !== "connected") throw new PermanentError("ad_account_disconnected", `ad account ${account.id} is ${account.status}`);
  }

  /** Records and announces the outcome; false when the claim was lost (the new holder will reconcile and record). */
  async function record(d: Dispatch, target: OutcomeTarget, outcome: Outcome, ctx: DispatchContext, log: Logger): Promise<boolean> {
    const at = new Date();
    if (!(await recordOutcome(db, target, outcome, at))) {
      log.warn("lease lost before recording; the instance holding it reconciles and records this write");
      return false;
    }
    if (outcome.kind === "landed") log.info({ platformId: outcome.platformId, entity: target.entity, reconciled: outcome.reconciled }, `landed on ${label}`);
    else log.warn({ code: outcome.code, reason: outcome.message, state: outcome.kind }, "write failed");
    await publishEvents(deps.js, deps.names, ctx, outcomeEvents(d, target.campaignId, outcome, at, target.entity));
    return true;
  }

  /**
   * The platform refused the account's token: tell the partner, then mark the account so later
   * writes fail without calling. The event id derives from the connection, so several writes
   * finding out at once still make one event (JetStream and webhook receivers dedupe on it);
   * publishing before marking means a failed publish is retried rather than lost.
   */
  async function expireToken(d: Dispatch, account: AdAccountTarget, ctx: DispatchContext): Promise<void> {
    await announceTokenExpired(deps, { organizationId: d.organizationId, platform, account }, ctx);
  }

  async function reemit(d: Dispatch, view: IntentView, ctx: DispatchContext): Promise<void> {
    if (!view.finishedAt || Date.now() - view.finishedAt.getTime() > REEMIT_WINDOW_MS) return;
    const o = storedOutcome(view.state, view.platformResult, view.failureReason);
    const campaignId = typeof d.params.campaignId === "string" ? d.params.campaignId : undefined;
    const entity = targetOf(d.operation, d.params);
    if (o) await publishEvents(deps.js, deps.names, ctx, outcomeEvents(d, campaignId, o, view.finishedAt, entity));
  }
}

/**
 * Publishes `ads.account.token_expired` (deduped by its id, one per connection), then marks the
 * account `token_expired`. Shared by the dispatch handler and platform RPCs (e.g. sync-account).
 */
export async function announceTokenExpired(
  deps: { db: Db; js: JetStreamClient; names: NatsNames },
  a: { organizationId: string; platform: DispatchAdapter["platform"]; account: AdAccountTarget },
  ctx: HopContext,
): Promise<void> {
  const { account } = a;
  const e = tokenExpiredEvent({ organizationId: a.organizationId, projectId: account.projectId, layerId: account.layerId, platform: a.platform, adAccountId: account.id, connectedAt: account.connectedAt }, new Date());
  await publishEvents(deps.js, deps.names, ctx, [e]);
  await markTokenExpired(deps.db, account.id);
}
