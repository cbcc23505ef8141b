import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newId, type WriteIntent } from "@layers/contracts";
import { json } from "@layers/db";
import { claimIntent, deferIntent, IllegalTransitionError, recordOutcome, redriveIntent, storeDecision } from "./index.ts";
import { useLifecycleFixture } from "./test-support/lifecycle-fixture.ts";

const f = useLifecycleFixture();
const accepted = (entity: string) => f.accepted(entity);

const allow = (i: WriteIntent) => f.allow(i);

const state = async (id: string) => (await f.env.db.selectFrom("write_intents").select(["state", "failure", "failure_reason"]).where("id", "=", id).executeTakeFirstOrThrow());
const job = async (id: string) => (await f.env.db.selectFrom("jobs").select(["status"]).where("id", "=", id).executeTakeFirstOrThrow()).status;

describe("lifecycle - the table is what the database enforces", () => {
  it("a second verdict for a decided intent is an IllegalTransitionError and changes nothing", async () => {
    const i = await accepted(newId("campaign"));
    await allow(i);
    await expect(allow(i)).rejects.toThrow();
    const again = f.env.db.transaction().execute(async (trx) => {
      await storeDecision(trx, {
        move: "deny",
        audit: { id: randomUUID(), organization_id: f.org, actor_type: "partner", operation: i.operation, axis: "structural", decision: "deny", intent: json(i) },
        intentId: i.intentId,
        jobId: i.jobId,
        at: new Date(),
        pendingActionId: null,
        events: [],
        entityKey: i.entityKey,
        entitySeq: i.entitySeq,
      });
    });
    await expect(again).rejects.toBeInstanceOf(IllegalTransitionError);
    expect((await state(i.intentId)).state).toBe("allowed");
    expect(await job(i.jobId)).toBe("running");
  });

  it("a refused write keeps a typed failure; redriving it (not dead) is refused by name; a dead one comes back with its job", async () => {
    const i = await accepted(newId("campaign"));
    await allow(i);
    const c = await claimIntent(f.env.db, i.intentId, "meta", 60_000);
    const target = { intentId: i.intentId, attempts: c.claimed!, jobId: i.jobId, operation: i.operation, entityKey: i.entityKey, entitySeq: i.entitySeq };
    await recordOutcome(f.env.db, target, { kind: "failed", code: "platform_rejected", message: "no: really" }, new Date(), []);
    expect(await state(i.intentId)).toMatchObject({ state: "failed", failure: { code: "platform_rejected", message: "no: really" }, failure_reason: "platform_rejected: no: really" });
    await expect(redriveIntent(f.env.db, i.intentId)).rejects.toMatchObject({ name: "IllegalTransitionError", move: "redrive", from: "failed" });

    const d = await accepted(newId("campaign"));
    await allow(d);
    const dc = await claimIntent(f.env.db, d.intentId, "meta", 60_000);
    await recordOutcome(f.env.db, { ...target, intentId: d.intentId, attempts: dc.claimed!, jobId: d.jobId, entityKey: d.entityKey, entitySeq: d.entitySeq }, { kind: "dead", code: "attempts_exhausted", message: "gave up" }, new Date(), []);
    expect(await job(d.jobId)).toBe("failed");
    await redriveIntent(f.env.db, d.intentId);
    expect(await state(d.intentId)).toMatchObject({ state: "allowed", failure: null });
    expect(await job(d.jobId)).toBe("running");
  });

  it("a claim waits behind an open write on its entity and records hand the next one on", async () => {
    const entity = newId("campaign");
    const [a, b] = [await accepted(entity), await accepted(entity)];
    await allow(b);
    expect((await claimIntent(f.env.db, b.intentId, "meta", 60_000)).view).toMatchObject({ blocked: true });
    await allow(a);
    const ca = await claimIntent(f.env.db, a.intentId, "meta", 60_000);
    expect(ca.claimed).toBe(1);
    const rec = await recordOutcome(f.env.db, { intentId: a.intentId, attempts: 1, jobId: a.jobId, operation: a.operation, entityKey: a.entityKey, entitySeq: a.entitySeq }, { kind: "landed", platformId: "1", reconciled: false, created: false, row: {} }, new Date(), []);
    expect(rec).toMatchObject({ recorded: true, next: { id: b.intentId, dispatch: { intentId: b.intentId } } });
    // A stale holder (lost lease) records nothing and hands nothing on.
    expect(await recordOutcome(f.env.db, { intentId: a.intentId, attempts: 1, jobId: a.jobId, operation: a.operation, entityKey: a.entityKey, entitySeq: a.entitySeq }, { kind: "failed", code: "x", message: "y" }, new Date(), [])).toEqual({ recorded: false, next: null });
    expect((await claimIntent(f.env.db, b.intentId, "meta", 60_000)).claimed).toBe(1);
  });

  it("defer hands a claimed write back: refunded when no call was made, kept after a throttled call; a stale holder records nothing", async () => {
    const i = await accepted(newId("campaign"));
    await allow(i);
    const c1 = await claimIntent(f.env.db, i.intentId, "meta", 60_000);
    expect(c1.claimed).toBe(1);
    expect(await deferIntent(f.env.db, i.intentId, 1, { refund: true, holdMs: 30_000 })).toBe(true);
    const row = await f.env.db.selectFrom("write_intents").select(["state", "attempts", "lease_until"]).where("id", "=", i.intentId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: "allowed", attempts: 0 });
    expect(row.lease_until!.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // A second defer of the same claim (or a stale one) matches nothing.
    expect(await deferIntent(f.env.db, i.intentId, 1, { refund: true, holdMs: 0 })).toBe(false);
    const c2 = await claimIntent(f.env.db, i.intentId, "meta", 60_000);
    expect(c2.claimed).toBe(1);
    expect(await deferIntent(f.env.db, i.intentId, 1, { refund: false, holdMs: 0 })).toBe(true);
    expect((await claimIntent(f.env.db, i.intentId, "meta", 60_000)).claimed).toBe(2);
    const target = { intentId: i.intentId, attempts: 1, jobId: i.jobId, operation: i.operation, entityKey: i.entityKey, entitySeq: i.entitySeq };
    expect((await recordOutcome(f.env.db, target, { kind: "failed", code: "x", message: "y" }, new Date(), [])).recorded).toBe(false);
    expect(await state(i.intentId)).toMatchObject({ state: "dispatching" });
  });
});
