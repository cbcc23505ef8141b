import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId, newLayerId, NEW_LAYER_CEILING, type WriteIntent } from "@layers/contracts";
import { json } from "@layers/db";
import { createTestEnv, type TestEnv } from "@layers/testkit";
import { acceptWrite, claimIntent, claimIntents, recordOutcome, recordOutcomes, storeDecision, type OutboxEvent, type OutcomeTarget, type OutcomeToRecord } from "./index.ts";

/**
 * The dispatcher's group commit: `claimIntents` / `recordOutcomes` answer each item of a mixed
 * batch as the single call would, in one statement.
 */
let env: TestEnv;
let org: string;
let project: string;
let layer: string;
let account: string;
beforeAll(async () => {
  env = await createTestEnv();
  org = newId("organization");
  project = randomUUID();
  layer = newLayerId();
  account = newId("adAccount");
  await env.db.insertInto("organizations").values({ id: org, name: "Partner" }).execute();
  await env.db.insertInto("projects").values({ id: project, organization_id: org, name: "Customer" }).execute();
  await env.db
    .insertInto("layers")
    .values({ id: layer, project_id: project, platform: "meta", currency: "USD", defaults: json({ creative: "auto", tactical: "auto", structural: "auto" }), ceiling: json(NEW_LAYER_CEILING), partner_writes_enabled: true })
    .execute();
  await env.db
    .insertInto("ad_accounts")
    .values({ id: account, project_id: project, layer_id: layer, platform: "meta", platform_account_id: "act_1", name: "Account", currency: "USD", access_token_enc: "x" })
    .execute();
});
afterAll(async () => env.cleanup());

async function campaign(): Promise<string> {
  const id = newId("campaign");
  await env.db
    .insertInto("campaigns")
    .values({ id, project_id: project, layer_id: layer, ad_account_id: account, platform: "meta", platform_campaign_id: null, name: "C", outcome: null, objective: "OUTCOME_TRAFFIC", status: "active", daily_budget_cents: 1_000, authority: null, origin: "layers" })
    .execute();
  return id;
}

async function adSet(campaignId: string): Promise<string> {
  const id = newId("adSet");
  await env.db
    .insertInto("ad_entities")
    .values({ id, kind: "adset", project_id: project, layer_id: layer, ad_account_id: account, platform: "meta", campaign_id: campaignId, parent_id: null, platform_entity_id: "77", name: "S", status: "active", origin: "layers" })
    .execute();
  return id;
}

async function allowed(campaignId: string, platform: "meta" | "tiktok" = "meta"): Promise<WriteIntent> {
  const i = await acceptWrite(env.db, {
    intent: {
      organizationId: org,
      projectId: project,
      layerId: layer,
      platform,
      operation: "update_budget",
      entityKey: `campaign:${campaignId}`,
      params: { campaignId, dailyBudgetCents: 2_000 },
      actor: { type: "partner", organizationId: org },
      source: "api",
      requestId: `req-${randomUUID()}`,
    },
    traceparent: "",
    replyTo: null,
  });
  const verdictId = randomUUID();
  await storeDecision(env.db, {
    move: "allow",
    audit: { id: verdictId, organization_id: org, project_id: project, layer_id: layer, platform, actor_type: "partner", operation: i.operation, axis: "tactical", decision: "allow", intent_id: i.intentId, entity_key: i.entityKey, intent: json(i) },
    intentId: i.intentId,
    jobId: i.jobId,
    at: new Date(),
    pendingActionId: null,
    dispatch: { ...i, verdictId, currency: "USD" } as never,
    events: [],
    entityKey: i.entityKey,
    entitySeq: i.entitySeq,
  });
  return i;
}

const targetOf = (i: WriteIntent, attempts: number, extra: Partial<OutcomeTarget> = {}): OutcomeTarget => ({
  intentId: i.intentId,
  attempts,
  jobId: i.jobId,
  operation: i.operation,
  entityKey: i.entityKey,
  entitySeq: i.entitySeq,
  campaignId: i.params.campaignId as string,
  ...extra,
});

const event = (id: string): OutboxEvent => ({ event: { id, type: "ads.write.executed" } as never, requestId: "req", traceparent: null });
const intentRow = (id: string) => env.db.selectFrom("write_intents").select(["state", "attempts", "failure", "finished_at"]).where("id", "=", id).executeTakeFirstOrThrow();
const jobStatus = async (id: string) => (await env.db.selectFrom("jobs").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
const storedEvents = async (ids: string[]) => (await env.db.selectFrom("event_outbox").select("id").where("id", "in", ids).execute()).map((r) => r.id).sort();

describe("claimIntents: one statement, each answer as claimIntent's", () => {
  it("claims the claimable, fences the blocked, skips the finished, leaves a running lease, takes over an expired one, and claims a repeated id once", async () => {
    const free = await allowed(await campaign());
    const hot = await campaign();
    const [ahead, behind] = [await allowed(hot), await allowed(hot)];
    const finished = await allowed(await campaign());
    await claimIntent(env.db, finished.intentId, "meta", 60_000);
    await recordOutcome(env.db, targetOf(finished, 1), { kind: "landed", platformId: "9", reconciled: false, created: false, row: {} }, new Date(), []);
    const leased = await allowed(await campaign());
    await claimIntent(env.db, leased.intentId, "meta", 60_000);
    const expired = await allowed(await campaign());
    await claimIntent(env.db, expired.intentId, "meta", 60_000);
    await env.db.updateTable("write_intents").set({ lease_until: new Date(Date.now() - 1_000) }).where("id", "=", expired.intentId).execute();
    const other = await allowed(await campaign(), "tiktok");
    const unknown = newId("intent");

    const ids = [behind.intentId, free.intentId, ahead.intentId, finished.intentId, leased.intentId, expired.intentId, other.intentId, unknown, free.intentId];
    const r = await claimIntents(env.db, ids, "meta", 30_000);

    expect(r).toHaveLength(ids.length);
    // Two open writes to one entity in one batch: only the earlier is claimed, whatever the order named.
    expect(r[0]).toMatchObject({ claimed: undefined, view: { state: "allowed", blocked: true } });
    expect(r[2]).toMatchObject({ claimed: 1, view: { state: "allowed", blocked: false } });
    expect(r[1]).toMatchObject({ claimed: 1, view: { state: "allowed", attempts: 0 } });
    expect(r[3]).toMatchObject({ claimed: undefined, view: { state: "dispatched" } });
    expect(r[4]!.claimed).toBeUndefined();
    expect(r[4]!.view).toMatchObject({ state: "dispatching", blocked: false });
    expect(r[4]!.view!.leaseRemainingMs).toBeGreaterThan(30_000);
    expect(r[5]).toMatchObject({ claimed: 2, view: { state: "dispatching", leaseRemainingMs: 0 } });
    // Another platform's intent is seen but never claimed here.
    expect(r[6]).toMatchObject({ claimed: undefined, view: { platform: "tiktok", state: "allowed" } });
    expect(r[7]).toEqual({ view: undefined, claimed: undefined });
    // The repeat finds the first mention's claim running.
    expect(r[8]).toMatchObject({ claimed: undefined, view: { state: "dispatching", attempts: 1, leaseRemainingMs: 30_000 } });

    expect(await intentRow(free.intentId)).toMatchObject({ state: "dispatching", attempts: 1 });
    expect(await intentRow(behind.intentId)).toMatchObject({ state: "allowed", attempts: 0 });
    expect(await intentRow(leased.intentId)).toMatchObject({ state: "dispatching", attempts: 1 });
    expect(await intentRow(expired.intentId)).toMatchObject({ state: "dispatching", attempts: 2 });
    expect(await intentRow(other.intentId)).toMatchObject({ state: "allowed", attempts: 0 });
    expect(await intentRow(finished.intentId)).toMatchObject({ state: "dispatched", attempts: 1 });
  });

  it("of two batches racing for the same intents, each intent is claimed by exactly one", async () => {
    const writes = await Promise.all(Array.from({ length: 20 }, async () => allowed(await campaign())));
    const ids = writes.map((w) => w.intentId);
    const [x, y] = await Promise.all([claimIntents(env.db, ids, "meta", 30_000), claimIntents(env.db, [...ids].reverse(), "meta", 30_000)]);
    const wins = ids.map((id, k) => [x[k]!.claimed, y[ids.length - 1 - k]!.claimed].filter((c) => c !== undefined).length);
    expect(wins).toEqual(ids.map(() => 1));
  });
});

describe("recordOutcomes: one statement, each answer as recordOutcome's", () => {
  it("records landed and failed claims with their rows and events, records nothing of a lost claim, and records a repeated claim once", async () => {
    // A landed campaign write with a write waiting behind it.
    const c1 = await campaign();
    const [landed, waiting] = [await allowed(c1), await allowed(c1)];
    // A landed child write (updates its ad set row), and a refused write of an approved action.
    const c2 = await campaign();
    const set = await adSet(c2);
    const child = await allowed(c2);
    const refused = await allowed(await campaign());
    const pendingId = newId("pendingAction");
    await env.db
      .insertInto("pending_actions")
      .values({ id: pendingId, organization_id: org, project_id: project, layer_id: layer, platform: "meta", campaign_id: null, intent_id: refused.intentId, job_id: refused.jobId, action_type: "update_budget", entity_name: null, current_value: null, new_value: null, rationale: null, proposed_action: json({}), status: "approved", actor_type: "partner", actor_organization_id: org, actor_api_key_id: null, actor_user_id: null })
      .execute();
    // A claim that was taken over: its holder's record must change nothing.
    const lost = await allowed(await campaign());
    for (const w of [landed, child, refused, lost]) expect((await claimIntent(env.db, w.intentId, "meta", 60_000)).claimed).toBe(1);
    await env.db.updateTable("write_intents").set({ attempts: 2 }).where("id", "=", lost.intentId).execute();

    const at = new Date();
    const ev = (tag: string) => `evt-${tag}-${randomUUID()}`;
    const e = { landed: ev("landed"), child: ev("child"), refused: ev("refused"), lost: ev("lost") };
    const items: OutcomeToRecord[] = [
      { target: targetOf(landed, 1), outcome: { kind: "landed", platformId: "111", reconciled: false, created: false, row: { dailyBudgetCents: 2_000, objective: "OUTCOME_SALES" } }, at, events: [event(e.landed)] },
      { target: targetOf(child, 1, { entity: { kind: "adset", id: set } }), outcome: { kind: "landed", platformId: "77", reconciled: true, created: false, row: { bidCents: 45, attributes: { k: "v" } } }, at, events: [event(e.child)] },
      { target: targetOf(refused, 1, { pendingActionId: pendingId }), outcome: { kind: "failed", code: "platform_rejected", message: "no" }, at, events: [event(e.refused)] },
      { target: targetOf(lost, 1), outcome: { kind: "landed", platformId: "1", reconciled: false, created: false, row: { dailyBudgetCents: 5 } }, at, events: [event(e.lost)] },
      { target: targetOf(landed, 1), outcome: { kind: "failed", code: "x", message: "a repeat" }, at, events: [] },
    ];
    const r = await recordOutcomes(env.db, items);

    expect(r.map((x) => x.recorded)).toEqual([true, true, true, false, false]);
    expect(r[0]!.next).toMatchObject({ id: waiting.intentId, dispatch: { intentId: waiting.intentId } });
    expect(r[1]!.next).toBeNull();
    expect(r[3]!.next).toBeNull();
    expect(r[4]!.next).toBeNull();

    expect(await intentRow(landed.intentId)).toMatchObject({ state: "dispatched", failure: null });
    expect(await jobStatus(landed.jobId)).toBe("completed");
    expect(await env.db.selectFrom("campaigns").select(["daily_budget_cents", "objective"]).where("id", "=", c1).executeTakeFirstOrThrow()).toEqual({ daily_budget_cents: 2_000, objective: "OUTCOME_SALES" });

    expect(await intentRow(child.intentId)).toMatchObject({ state: "dispatched" });
    expect(await env.db.selectFrom("ad_entities").select(["bid_cents", "attributes"]).where("id", "=", set).executeTakeFirstOrThrow()).toEqual({ bid_cents: 45, attributes: { k: "v" } });
    // The child's write never touches its campaign's row.
    expect((await env.db.selectFrom("campaigns").select("daily_budget_cents").where("id", "=", c2).executeTakeFirstOrThrow()).daily_budget_cents).toBe(1_000);

    expect(await intentRow(refused.intentId)).toMatchObject({ state: "failed", failure: { code: "platform_rejected", message: "no" } });
    expect(await jobStatus(refused.jobId)).toBe("failed");
    expect(await env.db.selectFrom("pending_actions").select(["status", "dispatched_failure_reason"]).where("id", "=", pendingId).executeTakeFirstOrThrow()).toEqual({ status: "dispatch_failed", dispatched_failure_reason: "platform_rejected: no" });

    expect(await intentRow(lost.intentId)).toMatchObject({ state: "dispatching", attempts: 2, finished_at: null });
    expect(await jobStatus(lost.jobId)).toBe("running");
    // Events of recorded outcomes only.
    expect(await storedEvents(Object.values(e))).toEqual([e.landed, e.child, e.refused].sort());
  });

  it("answers like recordOutcome for a batch of one", async () => {
    const w = await allowed(await campaign());
    await claimIntent(env.db, w.intentId, "meta", 60_000);
    expect(await recordOutcome(env.db, targetOf(w, 1), { kind: "dead", code: "attempts_exhausted", message: "gave up" }, new Date(), [])).toEqual({ recorded: true, next: null });
    expect(await intentRow(w.intentId)).toMatchObject({ state: "dead", failure: { code: "attempts_exhausted" } });
    expect(await recordOutcomes(env.db, [])).toEqual([]);
    expect(await claimIntents(env.db, [], "meta", 1_000)).toEqual([]);
  });
});
