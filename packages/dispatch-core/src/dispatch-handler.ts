import type { JetStreamClient, JsMsg } from "@nats-io/jetstream";
import { targetOf, type Dispatch, type NatsNames } from "@layers/contracts";
import type { Db } from "@layers/db";
import {
  claimIntent,
  claimIntents,
  deferIntent,
  enqueueEvents,
  failureReason,
  FINISHED_INTENT_STATES,
  handOnMsgId,
  recordOutcome,
  recordSuperseded,
  recordOutcomes,
  releaseIntent,
  type ClaimAttempt,
  type Outcome,
  type OutcomeTarget,
  type Superseder,
  type OutcomeToRecord,
  type Recorded,
  type WaitingWrite,
} from "@layers/lifecycle";
import { createGroupCommitter, hopHeaders, inSpan, PermanentError, RetryableError, type DispatchMetrics, type HandlerOutcome, type HopContext, type Logger } from "@layers/runtime";
import type { DispatchAdapter, PreparedWrite } from "./adapter.ts";
import type { DispatchConfig } from "./config.ts";
import { markTokenExpired, type AdAccountTarget } from "./db/targets.repository.ts";
import { asOutbox, outcomeEvents, supersededEvents, tokenExpiredEvent } from "./events.ts";
import { createEntityHolds } from "./entity-holds.ts";
import { keepLease } from "./lease-keeper.ts";
import { createRowLoader } from "./load-ref.ts";
import { BUDGET_BOOKING_HEADER, type AccountSchedule } from "./budgets/account-schedule.ts";
import type { CallBudgets } from "./budgets/call-budgets.ts";
import { drawForWrite } from "./budgets/draw-for-write.ts";
import { PlatformThrottledError } from "./platform-errors.ts";

export interface DispatchHandlerDeps {
  db: Db;
  js: JetStreamClient;
  names: NatsNames;
  config: DispatchConfig;
  /** The platform's per-account call budgets, shared by every instance. */
  budgets: CallBudgets;
  /** The accounts whose writes the budget waker publishes (a copy from elsewhere is acked unopened). */
  schedule: AccountSchedule;
  /** Attempt latency and outcome, throttles and retries per platform (main registers them). */
  metrics?: DispatchMetrics;
}

export type DispatchContext = HopContext & { msg: JsMsg; log: Logger };

const DONE: HandlerOutcome = { kind: "done" };
/** Marks a hand-on (the next write of an entity whose write just closed). */
const HAND_ON_HEADER = "Layers-Hand-On";

/**
 * One `dispatch.<platform>` message: claim → (reconcile) → call → record → hand on.
 * Returns done/defer or throws; `runConsumer` turns that into ack / nak / term.
 *
 * Per-entity order comes from the structure, not from redelivery: a write whose entity still has
 * an open write ahead of it is acked and waits in Postgres (`allowed`); whoever closes the write
 * ahead (this handler recording an outcome, or the gate's verdict) hands the next one on by
 * publishing its stored dispatch. A backlog on one entity therefore drains at platform speed and
 * holds no consumer slot while it waits, so other entities keep flowing.
 *
 * Claims and records are group-committed: the claims (and the records) of the messages this
 * process handles at once go to Postgres as one statement, each handler getting its own answer —
 * exactly what the single statement would have answered it.
 */
export function createDispatchHandler<Plan>(deps: DispatchHandlerDeps, adapter: DispatchAdapter<Plan>) {
  const { db, config } = deps;
  const { platform, label } = adapter;
  const batching = { maxBatch: config.DISPATCH_BATCH_MAX, maxInFlight: config.DISPATCH_BATCHES_IN_FLIGHT };
  const claims = createGroupCommitter<string, ClaimAttempt>({
    ...batching,
    runBatch: async (ids) => (await claimIntents(db, ids, platform, config.LEASE_MS)).map((ok) => ({ ok })),
    runAlone: (id) => claimIntent(db, id, platform, config.LEASE_MS),
  });
  const records = createGroupCommitter<OutcomeToRecord, Recorded>({
    ...batching,
    runBatch: async (items) => (await recordOutcomes(db, items)).map((ok) => ({ ok })),
    runAlone: (item) => recordOutcome(db, item.target, item.outcome, item.at, item.events),
  });
  const loadRows = createRowLoader({ db, platform: { platform, label }, ...batching });
  const holds = createEntityHolds();
  const ladder = (attempt: number) => config.RETRY_LADDER_MS[Math.min(attempt - 1, config.RETRY_LADDER_MS.length - 1)] ?? 1_000;

  return async function handleDispatch(d: Dispatch, ctx: DispatchContext): Promise<HandlerOutcome> {
    const log = ctx.log.child({ intentId: d.intentId, operation: d.operation, entityKey: d.entityKey, entitySeq: d.entitySeq });
    if (d.platform !== platform) throw new PermanentError("wrong_platform", `dispatcher-${platform} got a ${d.platform} write`);
    // Behind a write this process is landing right now: certainly fenced, and handed on when that one is recorded.
    if (holds.isBehind(d.entityKey, d.entitySeq)) {
      log.debug("waits for an earlier write to the same entity (landing here)");
      return DONE;
    }
    // A write of an account the budget waker schedules: it is `allowed` in Postgres, and the waker
    // publishes it in turn, at the account's rate. Only the waker's copy goes on, so a hot
    // account's backlog costs the others nothing but this lookup. Not a redelivery: that is how a
    // claim a crashed instance held is taken over, and the waker only publishes `allowed` writes.
    const booked = ctx.msg.headers?.has(BUDGET_BOOKING_HEADER) ?? false;
    if (!booked && ctx.msg.info.deliveryCount === 1 && deps.schedule.leavesToWaker(d.adAccountId, Date.now())) {
      log.debug("left to the budget waker: its account is scheduled");
      deps.metrics?.budgetWait(platform, "left_to_waker");
      return DONE;
    }
    const { view, claimed } = await claims.submit(d.intentId);
    if (!view || view.platform !== platform) throw new PermanentError("unknown_intent", `intent ${d.intentId} is not a stored ${label} write`);
    if (claimed === undefined) {
      if (FINISHED_INTENT_STATES.includes(view.state)) {
        log.info({ state: view.state, skipped: true }, view.state === "dispatched" || view.state === "failed" || view.state === "dead" ? "skipped: already landed" : "skipped: nothing left to dispatch");
        return DONE;
      }
      if (view.state === "accepted") {
        log.warn({ state: view.state, skipped: true }, "skipped: the gate has not allowed this write");
        return DONE;
      }
      // Handed on when the write ahead of it closes (or by the gate's sweep after a crash).
      if (view.blocked) {
        log.debug("waits for an earlier write to the same entity");
        return DONE;
      }
      // Someone else is calling the platform for this very intent; look again when its lease would run out.
      return { kind: "defer", delayMs: Math.min(Math.max(view.leaseRemainingMs, config.FENCE_DELAY_MS), 5_000) };
    }
    const attempts = claimed;
    const claimedAt = performance.now();
    const seconds = () => (performance.now() - claimedAt) / 1000;
    const target: OutcomeTarget = {
      intentId: d.intentId,
      attempts,
      jobId: d.jobId,
      operation: d.operation,
      entityKey: d.entityKey,
      entitySeq: d.entitySeq,
      campaignId: typeof d.params.campaignId === "string" ? d.params.campaignId : undefined,
      entity: targetOf(d.operation, d.params),
      pendingActionId: d.pendingActionId,
    };
    const claimLog = log.child({ attempt: attempts });
    const keeper = keepLease({ db, msg: ctx.msg, intentId: d.intentId, attempts, leaseMs: config.LEASE_MS, ackWaitMs: config.ACK_WAIT_MS, log: claimLog });
    let account: AdAccountTarget | undefined;
    let outcome: Outcome;
    // Set when the write goes back to `allowed` instead of calling: `refund` when no call was made.
    // `holdMs`: nobody publishes it before then (a rule of its own entity); 0: the budget waker publishes it in turn.
    let deferred: { refund: boolean; holdMs: number } | undefined;
    holds.hold(d.entityKey, d.entitySeq);
    try {
      // Only a crash loop gets here: normal failures are marked dead when the last attempt fails.
      if (attempts > config.MAX_ATTEMPTS) throw new PermanentError("attempts_exhausted", `claimed ${attempts} times`);
      const write = await adapter.prepare(d, { db, log: claimLog, loadRows });
      target.entity = write.entity;
      checkAccount(d, write);
      account = write.account;
      // Reached late on its first delivery: the stream is backed up, and this account's writes wait for the waker from now on.
      // Not a hand-on: it is its entity's turn, and a chain on one entity is no backlog in the stream.
      const lagging = ctx.msg.info.deliveryCount === 1 && !ctx.msg.headers?.has(HAND_ON_HEADER) && Date.now() - ctx.msg.time.getTime() > config.CALL_BUDGET_LAG_MS;
      const ticket = await drawForWrite(
        { budgets: deps.budgets, schedule: deps.schedule, maxWaitMs: 2 * config.CALL_BUDGET_WAKE_MS },
        { platformAccountId: account.platformAccountId, adAccountId: account.id, intentId: d.intentId, booked, lagging },
      );
      if (!ticket.go) {
        claimLog.debug({ waitMs: ticket.waitMs, reason: ticket.reason, booked }, "waits for the account's call budget");
        deps.metrics?.budgetWait(platform, "deferred");
        deferred = { refund: true, holdMs: 0 };
        return DONE;
      }
      // A platform rule on the entity itself (Meta: an ad set's budget changes per hour) may close or hold the write.
      const hold = await adapter.beforeCall?.(write, d, { db, log: claimLog, mayHaveLanded: attempts > 1 });
      if (hold?.kind === "superseded") {
        // Dropped before the record, as for any outcome: the hand-on it publishes must find the entity free here.
        holds.release(d.entityKey, d.entitySeq);
        return await supersede(d, target, hold.by, account, ctx, claimLog);
      }
      if (hold?.kind === "wait") {
        claimLog.info({ waitMs: hold.waitMs, reason: hold.reason }, "waits: the platform would refuse this change now");
        deferred = { refund: true, holdMs: hold.waitMs };
        return DONE;
      }
      // The platform call is a client span of its own under the dispatch's consumer span.
      const landed = await inSpan({ name: `${platform} ${d.operation}`, kind: "client", attributes: { "layers.platform": platform, "layers.intent_id": d.intentId, "layers.attempt": attempts } }, ctx.traceparent, () =>
        adapter.land(write, { db, log: claimLog, mayHaveLanded: attempts > 1 }),
      );
      void deps.budgets.observe(account.platformAccountId, { kind: "landed" }).catch((err: unknown) => claimLog.warn({ err }, "could not update the call budget"));
      outcome = { kind: "landed", platformId: landed.platformId, reconciled: landed.reconciled, created: write.created, row: { ...write.row, ...landed.row } };
    } catch (err) {
      if (err instanceof PlatformThrottledError) deps.metrics?.throttled(platform);
      if (err instanceof PlatformThrottledError && account !== undefined) {
        // Throttled despite the budget: the account pauses for the regain time and its rate drops; the write waits, never dies of it.
        await deps.budgets.observe(account.platformAccountId, { kind: "throttle", retryAfterMs: err.retryAfterMs });
        claimLog.warn({ retryAfterMs: err.retryAfterMs }, "throttled by the platform; the account's writes wait for its budget");
        deferred = { refund: false, holdMs: 0 };
        return DONE;
      }
      if (err instanceof PermanentError && err.code !== "attempts_exhausted") {
        // `account.status` is what we read before calling: only a token that was good until now is news.
        if (adapter.isTokenExpired(err) && account?.status === "connected") await expireToken(d, account, ctx);
        outcome = { kind: "failed", code: err.code, message: err.message };
      } else if (attempts >= config.MAX_ATTEMPTS) {
        const what = err instanceof Error ? err.message : String(err);
        outcome = { kind: "dead", code: "attempts_exhausted", message: `gave up after ${attempts} attempts: ${what}` };
      } else {
        const what = err instanceof Error ? err.message : String(err);
        const retryAfterMs = (err instanceof RetryableError ? err.retryAfterMs : undefined) ?? ladder(attempts);
        await releaseIntent(db, d.intentId, attempts, retryAfterMs);
        deps.metrics?.attempt(platform, "retry", seconds());
        throw new RetryableError(`attempt ${attempts} failed: ${what}`, { cause: err, retryAfterMs });
      }
    } finally {
      // Before the record: the hand-on it publishes must find the entity free here.
      holds.release(d.entityKey, d.entitySeq);
      keeper.stop();
      if (deferred !== undefined) await deferIntent(db, d.intentId, attempts, deferred);
    }
    const recorded = await record(d, target, outcome, account, ctx, claimLog);
    if (recorded) deps.metrics?.attempt(platform, outcome.kind, seconds());
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

  /** Records the outcome with its events and hands on the next write; false when the claim was lost (the new holder will reconcile and record). */
  async function record(d: Dispatch, target: OutcomeTarget, outcome: Outcome, account: AdAccountTarget | undefined, ctx: DispatchContext, log: Logger): Promise<boolean> {
    const at = new Date();
    const events = asOutbox(outcomeEvents(d, target.campaignId, outcome, at, target.entity), ctx);
    const { recorded, next } = await records.submit({ target, outcome, at, events });
    if (!recorded) {
      log.warn("lease lost before recording; the instance holding it reconciles and records this write");
      return false;
    }
    if (outcome.kind === "landed") log.info({ platformId: outcome.platformId, entity: target.entity, reconciled: outcome.reconciled }, `landed on ${label}`);
    else log.warn({ code: outcome.code, reason: outcome.message, state: outcome.kind }, "write failed");
    if (next) await handOn(d.intentId, next, account, log);
    return true;
  }

  /** Closes the write as superseded (no call was made) with its event, and hands on the next write. */
  async function supersede(d: Dispatch, target: OutcomeTarget, by: Superseder, account: AdAccountTarget, ctx: DispatchContext, log: Logger): Promise<HandlerOutcome> {
    const at = new Date();
    const events = asOutbox(supersededEvents(d, target.campaignId, by, at, target.entity), ctx);
    const { recorded, next, supersederGone } = await recordSuperseded(db, target, by, at, events);
    if (!recorded && supersederGone) {
      // The newer write was closed meanwhile: this one must land after all. Handed back with its
      // attempt spent, so the next claim lands it instead of looking for a superseder again.
      log.info({ supersededBy: by.intentId }, "the superseding write no longer waits; this write lands after all");
      await releaseIntent(db, d.intentId, target.attempts, 0);
      return { kind: "defer", delayMs: config.FENCE_DELAY_MS };
    }
    if (!recorded) {
      log.warn("lease lost before recording; the instance holding it decides this write");
      return DONE;
    }
    log.info({ supersededBy: by.intentId, entity: target.entity }, "superseded: a newer write to the same entity waits behind it");
    if (next) await handOn(d.intentId, next, account, log);
    return DONE;
  }

  /**
   * Publishes the dispatch of the write waiting behind the one just closed. A failed publish is
   * only logged: the gate's sweep hands on waiting writes nobody handed on. For a scheduled
   * account the next write is booked first: it is its entity's turn, so it may draw without
   * waiting for a waker tick (a chain of writes on one entity keeps its pace).
   */
  async function handOn(closedIntentId: string, next: WaitingWrite, account: AdAccountTarget | undefined, log: Logger): Promise<void> {
    try {
      let booked = false;
      if (account !== undefined && deps.schedule.isScheduled(account.id, Date.now())) {
        // Unbooked (Postgres away), the write is still published and left to the waker.
        booked = await deps.budgets.book(account.platformAccountId, next.id, config.CALL_BUDGET_BOOK_MS).then(
          () => true,
          (err: unknown) => (log.warn({ err, next: next.id }, "could not book the next write; the budget waker publishes it"), false),
        );
      }
      await deps.js.publish(deps.names.subjects.dispatch(next.dispatch.platform), JSON.stringify(next.dispatch), {
        msgID: handOnMsgId(next.id, closedIntentId),
        headers: hopHeaders({ requestId: next.requestId, traceparent: next.traceparent ?? "" }, { [HAND_ON_HEADER]: "1", ...(booked ? { [BUDGET_BOOKING_HEADER]: "1" } : {}) }),
      });
    } catch (err) {
      log.warn({ err, next: next.id }, "could not hand on the next write; the gate's sweep will");
    }
  }

  async function expireToken(d: Dispatch, account: AdAccountTarget, ctx: DispatchContext): Promise<void> {
    await announceTokenExpired(deps, { organizationId: d.organizationId, platform, account }, ctx);
  }
}

/**
 * Stores `ads.account.token_expired` in the outbox and marks the account `token_expired`, in one
 * transaction. The event id derives from the connection, so several writes finding out at once
 * still make one event. Shared by the dispatch handler and platform RPCs (e.g. sync-account).
 */
export async function announceTokenExpired(
  deps: { db: Db },
  a: { organizationId: string; platform: DispatchAdapter["platform"]; account: AdAccountTarget },
  ctx: HopContext,
): Promise<void> {
  const { account } = a;
  const e = tokenExpiredEvent({ organizationId: a.organizationId, projectId: account.projectId, layerId: account.layerId, platform: a.platform, adAccountId: account.id, connectedAt: account.connectedAt }, new Date());
  await deps.db.transaction().execute(async (trx) => {
    await enqueueEvents(trx, asOutbox([e], ctx));
    await markTokenExpired(trx, account.id);
  });
}
