import { describe, expect, it } from "vitest";
import { deterministicEventId, newId, type WriteIntent } from "@layers/contracts";
import { claimIntent, followingWrites, recordSuperseded } from "./index.ts";
import { useLifecycleFixture } from "./test-support/lifecycle-fixture.ts";

const f = useLifecycleFixture();
/** An ad set budget write on `campaign`'s entity order, accepted (the gate has not decided it). */
const accepted = (campaign: string, cents: number) =>
  f.accepted(campaign, { operation: "update_budget", params: { campaignId: campaign, entityKind: "adset", entityId: "as_1", dailyBudgetCents: cents } });
const allow = (i: WriteIntent) => f.allow(i, "tactical");

const targetOf = (i: WriteIntent, attempts: number) => ({
  intentId: i.intentId,
  attempts,
  jobId: i.jobId,
  operation: i.operation,
  entityKey: i.entityKey,
  entitySeq: i.entitySeq,
  campaignId: String(i.params.campaignId),
  entity: { kind: "adset" as const, id: "as_1" },
});

describe("lifecycle - supersede", () => {
  it("closes a claimed write as superseded: job answered with the write that replaces it, event stored, the next write handed on", async () => {
    const campaign = newId("campaign");
    const [a, b, c] = [await accepted(campaign, 1000), await accepted(campaign, 2000), await accepted(campaign, 3000)];
    await allow(a);
    await allow(b);
    // What a coalescing rule reads behind `a`: `b` allowed with its dispatch's params, `c` as accepted.
    expect(await followingWrites(f.env.db, a.entityKey, a.entitySeq, 10)).toEqual([
      { id: b.intentId, jobId: b.jobId, state: "allowed", operation: "update_budget", params: b.params, pendingActionId: null },
      { id: c.intentId, jobId: c.jobId, state: "accepted", operation: "update_budget", params: c.params, pendingActionId: null },
    ]);
    expect(await followingWrites(f.env.db, a.entityKey, a.entitySeq, 1)).toHaveLength(1);

    const claim = await claimIntent(f.env.db, a.intentId, "meta", 60_000);
    const event = { id: deterministicEventId(a.intentId, "ads.write.superseded"), type: "ads.write.superseded" as const, createdAt: new Date().toISOString(), data: { organizationId: f.org } };
    const rec = await recordSuperseded(f.env.db, targetOf(a, claim.claimed!), { intentId: b.intentId, jobId: b.jobId }, new Date(), [{ event, requestId: null, traceparent: null }]);
    expect(rec).toMatchObject({ recorded: true, next: { id: b.intentId }, supersederGone: false });

    const result = { outcome: "superseded", supersededBy: { intentId: b.intentId, jobId: b.jobId }, campaignId: campaign, entityKind: "adset", entityId: "as_1", operation: "update_budget" };
    const intent = await f.env.db.selectFrom("write_intents").select(["state", "platform_result", "finished_at", "lease_until"]).where("id", "=", a.intentId).executeTakeFirstOrThrow();
    expect(intent).toMatchObject({ state: "superseded", platform_result: result, lease_until: null });
    expect(intent.finished_at).not.toBeNull();
    expect(await f.env.db.selectFrom("jobs").select(["status", "result", "error"]).where("id", "=", a.jobId).executeTakeFirstOrThrow()).toEqual({ status: "completed", result, error: null });
    expect(await f.env.db.selectFrom("event_outbox").select("subject_type").where("id", "=", event.id).executeTakeFirst()).toEqual({ subject_type: "ads.write.superseded" });

    // Finished: a redelivery is skipped, it no longer holds back the write behind it, and a second record changes nothing.
    expect(await claimIntent(f.env.db, a.intentId, "meta", 60_000)).toMatchObject({ view: { state: "superseded" }, claimed: undefined });
    expect((await claimIntent(f.env.db, b.intentId, "meta", 60_000)).claimed).toBe(1);
    expect(await recordSuperseded(f.env.db, targetOf(a, claim.claimed!), { intentId: b.intentId, jobId: b.jobId }, new Date(), [])).toMatchObject({ recorded: false, next: null });
  });

  it("only a claim holding the lease supersedes: an unclaimed write or a stale fencing token changes nothing", async () => {
    const campaign = newId("campaign");
    const [a, b] = [await accepted(campaign, 1000), await accepted(campaign, 2000)];
    await allow(a);
    await allow(b);
    const by = { intentId: b.intentId, jobId: b.jobId };
    expect(await recordSuperseded(f.env.db, targetOf(a, 1), by, new Date(), [])).toEqual({ recorded: false, next: null, supersederGone: false });
    const claim = await claimIntent(f.env.db, a.intentId, "meta", 60_000);
    expect(await recordSuperseded(f.env.db, targetOf(a, claim.claimed! + 1), by, new Date(), [])).toMatchObject({ recorded: false, next: null, supersederGone: false });
    const row = await f.env.db.selectFrom("write_intents").select("state").where("id", "=", a.intentId).executeTakeFirstOrThrow();
    expect(row.state).toBe("dispatching");
    expect((await f.env.db.selectFrom("jobs").select("status").where("id", "=", a.jobId).executeTakeFirstOrThrow()).status).toBe("running");
  });

  it("a superseder that no longer waits (not allowed) supersedes nothing, and says so: the write must land after all", async () => {
    const campaign = newId("campaign");
    const [a, b] = [await accepted(campaign, 1000), await accepted(campaign, 2000)];
    await allow(a);
    // `b` is still `accepted` here: not (or no longer) a write that is going to land.
    const claim = await claimIntent(f.env.db, a.intentId, "meta", 60_000);
    expect(await recordSuperseded(f.env.db, targetOf(a, claim.claimed!), { intentId: b.intentId, jobId: b.jobId }, new Date(), [])).toEqual({ recorded: false, next: null, supersederGone: true });
    expect((await f.env.db.selectFrom("write_intents").select("state").where("id", "=", a.intentId).executeTakeFirstOrThrow()).state).toBe("dispatching");
  });

  it("a write carrying a pending action is never superseded", async () => {
    const a = await accepted(newId("campaign"), 1000);
    await expect(recordSuperseded(f.env.db, { ...targetOf(a, 1), pendingActionId: newId("pendingAction") }, { intentId: "int_x", jobId: "job_x" }, new Date(), [])).rejects.toThrow(/never superseded/);
  });
});
