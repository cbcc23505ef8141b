import { followingWrites, type BeforeCall, type PreparedWrite } from "@layers/dispatch-core";
import type { Dispatch } from "@layers/contracts";
import type { Db } from "@layers/db";
import { RetryableError, type Logger } from "@layers/runtime";
import { adSetBudgetWrite, COALESCE_LOOKAHEAD, supersederOf } from "./adset-budget-coalescing.ts";
import { blockBudgetChanges, reserveBudgetChange, type AdSetBudgetRule } from "./db/adset-budget-changes.repository.ts";
import type { MetaCall } from "./meta-plan.ts";
import { MetaThrottledError } from "./meta/index.ts";

const CALL: BeforeCall = { kind: "call" };
/** The subcode of Meta's account-level code 17; the ad set budget limit is a code 17 without it. */
const ACCOUNT_LIMIT_SUBCODE = 2446079;

/** Meta refused an ad set budget change over its limit although we counted room (it changed elsewhere). Retried; the next claim waits. */
export class AdSetBudgetLimitError extends RetryableError {
  override readonly name = "AdSetBudgetLimitError";
}

/**
 * Meta's "4 budget changes per ad set per hour", kept by coalescing and waiting instead of failing
 * at the platform (the adapter's `beforeCall`). For an ad set budget write, after the claim:
 * 1. a newer budget write of the same ad set already waiting behind it supersedes it (nothing is
 *    sent; its job is answered `superseded`; the newer one is handed on), unless an earlier claim
 *    may already have called;
 * 2. otherwise it reserves one of the ad set's changes in the window and calls, or, with none
 *    left, waits in Postgres until the oldest change leaves the window (no attempt spent); when it
 *    is woken, writes that queued behind it meanwhile supersede it in turn, so the newest lands.
 */
export function createAdSetBudgetLimit(rule: AdSetBudgetRule) {
  return {
    async beforeCall(d: Dispatch, ctx: { db: Db; log: Logger; mayHaveLanded: boolean }): Promise<BeforeCall> {
      const mine = adSetBudgetWrite(d);
      if (mine === undefined) return CALL;
      if (!ctx.mayHaveLanded) {
        const by = supersederOf(d, await followingWrites(ctx.db, d.entityKey, d.entitySeq, COALESCE_LOOKAHEAD));
        if (by !== undefined) return { kind: "superseded", by };
      }
      const r = await reserveBudgetChange(ctx.db, mine.adSetId, d.intentId, rule);
      if (r.ok) return CALL;
      return { kind: "wait", waitMs: r.waitMs, reason: "adset_budget_changes" };
    },

    /** Turns Meta's refusal of an ad set budget change into a block of the ad set and a retry (never an account pause). */
    async onLandError(err: unknown, write: PreparedWrite<MetaCall>, db: Db): Promise<unknown> {
      const { plan, entity } = write;
      const budgetOfAdSet = plan.kind === "update" && plan.level === "adset" && entity.kind === "adset" && ("daily_budget" in plan.fields || "lifetime_budget" in plan.fields);
      if (!budgetOfAdSet || !(err instanceof MetaThrottledError)) return err;
      if (err.detail.code !== 17 || err.detail.subcode === ACCOUNT_LIMIT_SUBCODE) return err;
      await blockBudgetChanges(db, entity.id, rule);
      return new AdSetBudgetLimitError(`Meta refused a budget change of ad set ${entity.id}: its budget changed too often; the write waits for the window`, { cause: err });
    },
  };
}
