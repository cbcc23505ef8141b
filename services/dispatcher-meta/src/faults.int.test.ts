import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createHarness, countingFetch, waitFor, type Harness, type SeededAccount } from "./test-support/harness.ts";

describe("dispatcher-meta: platform faults", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.stopApps();
    await h.sbx.clearFaults();
  });
  afterAll(async () => h.cleanup());

  async function landedCampaign(a: SeededAccount, dailyBudgetCents = 1000) {
    const { campaignId, dispatch } = await h.allowCreate(a, { dailyBudgetCents });
    await h.publish(dispatch);
    await h.waitForStates([dispatch.intentId], ["dispatched"]);
    const row = await h.env.db.selectFrom("campaigns").select("platform_campaign_id").where("id", "=", campaignId).executeTakeFirstOrThrow();
    return { campaignId, platformId: row.platform_campaign_id! };
  }

  it("5xx - transient failures are retried until the write lands exactly once", async () => {
    const app = await h.start();
    const a = await h.seedAccount();
    // 5 refusals: more than one delivery's quick retries, so the message also goes back to the stream.
    await h.sbx.setFaults({ platform: "meta", account: a.actId, fail5xx: 5 });
    const { dispatch } = await h.allowCreate(a);
    await h.publish(dispatch);
    await h.waitForStates([dispatch.intentId], ["dispatched"]);
    const intent = await h.intent(dispatch.intentId);
    expect(intent.attempts).toBeGreaterThan(1);
    expect((await h.sbx.ledger({ account: a.actId })).filter((e) => e.op === "create")).toHaveLength(1);
    expect((await h.sbx.faults())[0]?.fail5xx).toBe(0);
    await app.stop();
  });

  it("throttle - short throttles are waited out in the handler and land once", async () => {
    const app = await h.start();
    const a = await h.seedAccount();
    const { campaignId, platformId } = await landedCampaign(a);
    await h.sbx.setFaults({ platform: "meta", account: a.actId, throttle: 4, throttleCode: 17, throttleRegainMinutes: 0 });
    const budget = await h.allowWrite(a, campaignId, "update_budget", { dailyBudgetCents: 2500 });
    await h.publish(budget);
    await h.waitForStates([budget.intentId], ["dispatched"]);
    const updates = (await h.sbx.ledger({ objectId: platformId })).filter((e) => e.op === "update");
    expect(updates.map((e) => e.fields)).toEqual([{ daily_budget: 2500 }]);
    expect((await h.sbx.faults())[0]?.throttle).toBe(0);
    await app.stop();
  });

  it("throttle - a long regain time pauses the account's writes in Postgres instead of hammering Meta; they land once it passes", async () => {
    const counter = countingFetch();
    const app = await h.start({ fetch: counter.fetch });
    const a = await h.seedAccount();
    const deadLetters = async () => (await h.env.db.selectFrom("dead_letters").select("id").execute()).length;
    const deadBefore = await deadLetters();
    await h.sbx.setFaults({ platform: "meta", account: a.actId, throttle: 1, throttleRegainMinutes: 1 });
    const { dispatch } = await h.allowCreate(a);
    await h.publish(dispatch);
    // The intent goes back to `allowed` with its attempt kept (a call was made) and waits for the account's budget.
    await waitFor(async () => {
      const i = await h.intent(dispatch.intentId);
      return i.state === "allowed" && i.attempts === 1;
    });
    const budget = await h.env.db.selectFrom("call_budgets").selectAll().where("platform", "=", "meta").where("account_key", "=", a.platformAccountId).executeTakeFirstOrThrow();
    expect(budget.paused_until!.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(Number(budget.throttles)).toBe(1);
    // Scheduled past the pause: the waker alone publishes the account's writes, and none before the pause ends.
    expect(budget.scheduled_until!.getTime()).toBeGreaterThan(budget.paused_until!.getTime());
    // A replay (new msg id) during the regain time makes no call either: the account is paused, not the message.
    await h.publish(dispatch, `${dispatch.intentId}:after-throttle`);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(counter.calls()).toBe(1);
    expect(await h.intent(dispatch.intentId)).toMatchObject({ state: "allowed", attempts: 1 });
    expect(await h.env.db.selectFrom("call_budget_waits").select("intent_id").execute()).toEqual([]);
    // The regain time passing (played by moving the pause) lets the waker publish it: it lands once, never dead-lettered.
    await h.env.db.updateTable("call_budgets").set({ paused_until: new Date() }).where("account_key", "=", a.platformAccountId).execute();
    await h.waitForStates([dispatch.intentId], ["dispatched"]);
    expect(await h.sbx.ledger({ account: a.actId })).toHaveLength(1);
    expect(await deadLetters()).toBe(deadBefore);
    await app.stop();
  });

  it("slow Meta - a call longer than ack_wait and the lease keeps its claim: no second instance calls again", async () => {
    // ack_wait and lease are 2 s (FAST_CONFIG); the call takes 3.5 s.
    await h.start({ config: { META_TIMEOUT_MS: "8000" } });
    await h.start({ config: { META_TIMEOUT_MS: "8000" } });
    const a = await h.seedAccount();
    await h.sbx.setFaults({ platform: "meta", account: a.actId, latencyMs: 3_500 });
    const { dispatch } = await h.allowCreate(a);
    await h.publish(dispatch);
    await h.waitForStates([dispatch.intentId], ["dispatched"]);
    expect(await h.sbx.ledger({ account: a.actId })).toHaveLength(1);
    expect((await h.intent(dispatch.intentId)).attempts).toBe(1);
  });

  it("failAfterApply - a create whose answer was lost is found by its marker, not created twice", async () => {
    const app = await h.start();
    const a = await h.seedAccount();
    await h.sbx.setFaults({ platform: "meta", account: a.actId, failAfterApply: 1 });
    const { campaignId, dispatch } = await h.allowCreate(a);
    await h.publish(dispatch);
    await h.waitForStates([dispatch.intentId], ["dispatched"]);
    const creates = (await h.sbx.ledger({ account: a.actId })).filter((e) => e.op === "create");
    expect(creates).toHaveLength(1);
    const row = await h.env.db.selectFrom("campaigns").select("platform_campaign_id").where("id", "=", campaignId).executeTakeFirstOrThrow();
    expect(row.platform_campaign_id).toBe(creates[0]!.objectId);
    expect((await h.intent(dispatch.intentId)).platform_result).toMatchObject({ reconciled: true, platformId: creates[0]!.objectId });
    await app.stop();
  });

  it("failAfterApply - across deliveries: the next claim reads the campaign and skips an update Meta already holds", async () => {
    // No quick retries: the lost answer ends this delivery, and the redelivery's claim (attempt 2) reconciles.
    const app = await h.start({ config: { QUICK_RETRIES: "0" } });
    const a = await h.seedAccount();
    const { campaignId, platformId } = await landedCampaign(a);
    await h.sbx.setFaults({ platform: "meta", account: a.actId, failAfterApply: 1 });
    const resume = await h.allowWrite(a, campaignId, "resume_campaign");
    const budget = await h.allowWrite(a, campaignId, "update_budget", { dailyBudgetCents: 3300 });
    await h.publish(resume);
    await h.publish(budget);
    await h.waitForStates([resume.intentId, budget.intentId], ["dispatched"]);
    const updates = (await h.sbx.ledger({ objectId: platformId })).filter((e) => e.op === "update").map((e) => e.fields);
    expect(updates).toEqual([{ status: "ACTIVE" }, { daily_budget: 3300 }]);
    expect(await h.intent(resume.intentId)).toMatchObject({ attempts: 2, platform_result: expect.objectContaining({ reconciled: true }) });
    await app.stop();
  });

  it("expired token - jobs fail, the account is marked once, one event, and no retry storm", async () => {
    const counter = countingFetch();
    const app = await h.start({ fetch: counter.fetch, config: { DISPATCH_CONCURRENCY: "1" } });
    const a = await h.seedAccount();
    await h.sbx.setFaults({ platform: "meta", account: a.actId, expiredToken: true });
    const writes = [(await h.allowCreate(a)).dispatch, (await h.allowCreate(a)).dispatch, (await h.allowCreate(a)).dispatch];
    for (const d of writes) await h.publish(d);
    await h.waitForStates(writes.map((w) => w.intentId), ["failed"]);

    // One call found out; the account is then known to be expired and later writes fail without calling.
    expect(counter.calls()).toBe(1);
    for (const d of writes) {
      expect((await h.intent(d.intentId)).failure_reason).toMatch(/^token_expired: /);
      const job = await h.env.db.selectFrom("jobs").selectAll().where("id", "=", d.jobId).executeTakeFirstOrThrow();
      expect(job).toMatchObject({ status: "failed", error: expect.objectContaining({ code: "PLATFORM_ERROR", reason: "token_expired" }) });
    }
    const acct = await h.env.db.selectFrom("ad_accounts").select("status").where("id", "=", a.adAccountId).executeTakeFirstOrThrow();
    expect(acct.status).toBe("token_expired");
    const expired = (await h.events()).filter((e) => e.type === "ads.account.token_expired");
    expect(expired).toHaveLength(1);
    expect(expired[0]!.data).toMatchObject({ organizationId: a.organizationId, adAccountId: a.adAccountId, platform: "meta" });
    expect(await h.sbx.ledger({ account: a.actId })).toEqual([]);
    expect(await h.env.db.selectFrom("dead_letters").selectAll().where("intent_id", "in", writes.map((w) => w.intentId)).execute()).toEqual([]);
    await app.stop();
  });

  it("attempts exhausted - the intent ends dead, the job fails and the message is kept as a dead letter", async () => {
    const counter = countingFetch();
    const app = await h.start({ fetch: counter.fetch, config: { MAX_ATTEMPTS: "3", QUICK_RETRIES: "0" } });
    const a = await h.seedAccount();
    await h.sbx.setFaults({ platform: "meta", account: a.actId, fail5xx: 100 });
    const { dispatch } = await h.allowCreate(a);
    await h.publish(dispatch);
    await h.waitForStates([dispatch.intentId], ["dead"]);
    const dl = await waitFor(async () => (await h.env.db.selectFrom("dead_letters").selectAll().where("intent_id", "=", dispatch.intentId).execute())[0]);
    expect(dl).toMatchObject({ consumer: "dispatcher-meta", stream: h.env.names.streams.dispatch, subject: h.env.names.subjects.dispatch("meta") });
    expect(dl.reason).toMatch(/attempts_exhausted/);
    expect(JSON.parse(dl.payload)).toMatchObject({ intentId: dispatch.intentId });

    const intent = await h.intent(dispatch.intentId);
    expect(intent).toMatchObject({ state: "dead", attempts: 3 });
    expect(intent.failure_reason).toMatch(/^attempts_exhausted: gave up after 3 attempts/);
    const job = await h.env.db.selectFrom("jobs").selectAll().where("id", "=", dispatch.jobId).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: "failed", error: expect.objectContaining({ code: "PLATFORM_ERROR", reason: "attempts_exhausted" }) });
    // Bounded: exactly one Meta call per attempt, then silence.
    await new Promise((r) => setTimeout(r, 500));
    expect(counter.calls()).toBe(3);
    expect((await h.sbx.faults())[0]?.fail5xx).toBe(97);
    expect(await h.sbx.ledger({ account: a.actId })).toEqual([]);
    await app.stop();
  });
});
