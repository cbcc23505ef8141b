import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { deterministicEventId, newId, type Actor, type WriteIntent } from "@layers/contracts";
import { json } from "@layers/db";
import { acceptWrite, approvePending, cancelJob, claimIntent, deferIntent, IllegalTransitionError, lockPendingAction, recordOutcome, releaseIntent, storeDecision, type VerdictMove } from "./index.ts";
import { useLifecycleFixture } from "./test-support/lifecycle-fixture.ts";

const f = useLifecycleFixture();
const accepted = (entity: string) => f.accepted(entity);
let by: Actor;
beforeAll(() => {
  by = { type: "partner", organizationId: f.org, apiKeyId: "key_1" };
});

async function decide(i: WriteIntent, move: Extract<VerdictMove, "allow" | "queue">, pendingActionId: string | null = null): Promise<void> {
  const verdictId = randomUUID();
  const decision = move === "allow" ? "allow" : "queue_for_approval";
  await storeDecision(f.env.db, {
    move,
    audit: { id: verdictId, organization_id: f.org, project_id: f.project, layer_id: f.layer, platform: "meta", actor_type: "partner", operation: i.operation, axis: "structural", decision, intent_id: i.intentId, entity_key: i.entityKey, intent: json(i) },
    intentId: i.intentId,
    jobId: i.jobId,
    at: new Date(),
    pendingActionId,
    ...(move === "allow" ? { dispatch: { ...i, verdictId, currency: "USD" } as never } : {}),
    events: [],
    entityKey: i.entityKey,
    entitySeq: i.entitySeq,
  });
}

const cancel = (jobId: string) => cancelJob(f.env.db, { jobId, by, requestId: `req-${randomUUID()}`, traceparent: null });
const intentState = async (id: string) => (await f.env.db.selectFrom("write_intents").select("state").where("id", "=", id).executeTakeFirstOrThrow()).state;
const jobStatus = async (id: string) => (await f.env.db.selectFrom("jobs").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
const landed = { kind: "landed", platformId: "1", reconciled: false, created: false, row: {} } as const;

describe("cancel - the move is what the database lets through", () => {
  it("an accepted write is canceled with an audit row, the job.canceled event and the job's status history", async () => {
    const i = await accepted(newId("campaign"));
    const r = await cancel(i.jobId);
    expect(r).toMatchObject({ canceled: true, job: { status: "canceled", error: { code: "CANCELED" } }, pendingActionId: null, next: null });
    expect(await intentState(i.intentId)).toBe("canceled");
    const audit = await f.env.db.selectFrom("audit_log").selectAll().where("decision", "=", "cancel").where("entity_key", "=", i.entityKey).execute();
    expect(audit).toMatchObject([{ actor_type: "partner", actor_api_key_id: "key_1", operation: "pause_campaign", intent_id: null }]);
    const ev = await f.env.db.selectFrom("event_outbox").selectAll().where("id", "=", deterministicEventId(i.intentId, "job.canceled")).executeTakeFirstOrThrow();
    expect(ev.payload).toMatchObject({ type: "job.canceled", data: { organizationId: f.org, jobId: i.jobId, status: "canceled" } });
    const history = await f.env.db.selectFrom("job_events").select(["seq", "status"]).where("job_id", "=", i.jobId).orderBy("seq").execute();
    expect(history).toEqual([{ seq: 1, status: "queued" }, { seq: 2, status: "canceled" }]);
    // A second cancel is refused with the job's status, and changes nothing.
    expect(await cancel(i.jobId)).toEqual({ canceled: false, status: "canceled" });
    expect(await f.env.db.selectFrom("job_events").select("seq").where("job_id", "=", i.jobId).execute()).toHaveLength(2);
  });

  /** A write the gate queued for approval, with its pending action. */
  async function queuedForApproval(): Promise<{ i: WriteIntent; pa: string }> {
    const i = await accepted(newId("campaign"));
    const pa = newId("pendingAction");
    await f.env.db
      .insertInto("pending_actions")
      .values({ id: pa, organization_id: f.org, project_id: f.project, layer_id: f.layer, platform: "meta", intent_id: i.intentId, job_id: i.jobId, action_type: i.operation, proposed_action: json({}), status: "pending", actor_type: "partner", created_at: new Date(), updated_at: new Date() })
      .execute();
    await decide(i, "queue", pa);
    return { i, pa };
  }

  it("a write queued for approval is canceled and its pending action withdrawn", async () => {
    const { i, pa } = await queuedForApproval();
    expect(await cancel(i.jobId)).toMatchObject({ canceled: true, pendingActionId: pa });
    expect((await f.env.db.selectFrom("pending_actions").select("status").where("id", "=", pa).executeTakeFirstOrThrow()).status).toBe("canceled");
  });

  it("canceling the write an entity's next write waits behind returns that write, to hand it on", async () => {
    const entity = newId("campaign");
    const [a, b] = [await accepted(entity), await accepted(entity)];
    await decide(b, "allow");
    expect((await claimIntent(f.env.db, b.intentId, "meta", 60_000)).view).toMatchObject({ blocked: true });
    expect(await cancel(a.jobId)).toMatchObject({ canceled: true, closedIntentId: a.intentId, next: { id: b.intentId, dispatch: { intentId: b.intentId } } });
    expect((await claimIntent(f.env.db, b.intentId, "meta", 60_000)).claimed).toBe(1);
  });

  it("a write a dispatcher holds, or one it already tried, or a finished one, is not cancellable", async () => {
    const held = await accepted(newId("campaign"));
    await decide(held, "allow");
    await claimIntent(f.env.db, held.intentId, "meta", 60_000);
    expect(await cancel(held.jobId)).toEqual({ canceled: false, status: "running" });

    // Released after an attempt (a retry is due): the platform may have applied it.
    const tried = await accepted(newId("campaign"));
    await decide(tried, "allow");
    await claimIntent(f.env.db, tried.intentId, "meta", 60_000);
    await releaseIntent(f.env.db, tried.intentId, 1, 0);
    expect(await intentState(tried.intentId)).toBe("allowed");
    expect(await cancel(tried.jobId)).toEqual({ canceled: false, status: "running" });

    // Deferred for budget with no call made (attempt refunded): still cancellable.
    const deferred = await accepted(newId("campaign"));
    await decide(deferred, "allow");
    await claimIntent(f.env.db, deferred.intentId, "meta", 60_000);
    await deferIntent(f.env.db, deferred.intentId, 1, { refund: true, holdMs: 0 });
    expect(await cancel(deferred.jobId)).toMatchObject({ canceled: true });

    const done = await accepted(newId("campaign"));
    await decide(done, "allow");
    const c = await claimIntent(f.env.db, done.intentId, "meta", 60_000);
    await recordOutcome(f.env.db, { intentId: done.intentId, attempts: c.claimed!, jobId: done.jobId, operation: done.operation, entityKey: done.entityKey, entitySeq: done.entitySeq }, landed, new Date(), []);
    expect(await cancel(done.jobId)).toEqual({ canceled: false, status: "completed" });
    expect(await jobStatus(done.jobId)).toBe("completed");
    expect(await cancel(newId("job"))).toBeUndefined();
  });

  it("a cancel racing an approval never deadlocks: either the approval finds the action canceled, or the cancel follows the job to its re-run", async () => {
    for (let n = 0; n < 15; n++) {
      const { i, pa } = await queuedForApproval();
      // The gateway's approve: lock the action, accept the re-run on the same job, mark it approved.
      const approve = f.env.db.transaction().execute(async (trx) => {
        const row = await lockPendingAction(trx, pa);
        const rerun = await acceptWrite(trx, {
          intent: { ...i, source: "approval", pendingActionId: pa, requestId: `req-${randomUUID()}` },
          traceparent: "",
          replyTo: null,
          existingJobId: i.jobId,
        });
        await approvePending(trx, row!, by, undefined, rerun.intentId);
        return rerun;
      });
      const [c, a] = await Promise.allSettled([cancel(i.jobId), approve]);
      expect(c.status, `round ${n}: ${c.status === "rejected" ? String(c.reason) : ""}`).toBe("fulfilled");
      const pending = (await f.env.db.selectFrom("pending_actions").select("status").where("id", "=", pa).executeTakeFirstOrThrow()).status;
      if (a.status === "rejected") {
        // The cancel came first: the approval finds the action no longer pending.
        expect(a.reason).toBeInstanceOf(IllegalTransitionError);
        expect([pending, await jobStatus(i.jobId)]).toEqual(["canceled", "canceled"]);
      } else if (c.status === "fulfilled" && c.value?.canceled) {
        // The approval came first: the cancel followed the job to its re-run and withdrew the approved action.
        expect([pending, await jobStatus(i.jobId), await intentState(a.value.intentId)]).toEqual(["canceled", "canceled", "canceled"]);
      } else {
        throw new Error(`round ${n}: neither won`);
      }
    }
  });

  it("a cancel racing a claim: exactly one of them wins, every time", async () => {
    let canceled = 0;
    let claimed = 0;
    for (let n = 0; n < 40; n++) {
      const i = await accepted(newId("campaign"));
      await decide(i, "allow");
      const [c, k] = await Promise.all([cancel(i.jobId), claimIntent(f.env.db, i.intentId, "meta", 60_000)]);
      const won = [c?.canceled === true, k.claimed !== undefined];
      expect(won.filter(Boolean), `round ${n}`).toHaveLength(1);
      expect(await intentState(i.intentId)).toBe(won[0] ? "canceled" : "dispatching");
      if (won[0]) canceled++;
      else claimed++;
    }
    expect(canceled + claimed).toBe(40);
  });
});
