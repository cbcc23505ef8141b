import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "@layers/contracts";
import { json } from "@layers/db";
import type { DispatcherMeta } from "./app.ts";
import { captureLogger } from "./test-support/capture-logger.ts";
import { createHarness, type Harness, type SeededAccount } from "./test-support/harness.ts";

describe("dispatcher-meta: landing writes", () => {
  let h: Harness;
  let app: DispatcherMeta;
  let a: SeededAccount;
  const logs = captureLogger();

  beforeAll(async () => {
    h = await createHarness();
    a = await h.seedAccount();
    app = await h.start({ log: logs.log });
  });
  afterAll(async () => {
    await app.stop();
    await h.cleanup();
  });

  it("create - lands once with the mapped objective, budget, categories and marker", async () => {
    const { campaignId, dispatch } = await h.allowCreate(a, { outcome: "traffic", dailyBudgetCents: 4200, specialAdCategories: ["HOUSING"], name: "Spring" });
    await h.publish(dispatch);
    await h.waitForStates([dispatch.intentId]);

    const row = await h.env.db.selectFrom("campaigns").selectAll().where("id", "=", campaignId).executeTakeFirstOrThrow();
    expect(row.platform_campaign_id).toMatch(/^\d+$/);
    expect(row).toMatchObject({ status: "paused", objective: "OUTCOME_TRAFFIC", daily_budget_cents: 4200 });

    const ledger = await h.sbx.ledger({ account: a.actId, objectId: row.platform_campaign_id! });
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      op: "create",
      fields: { name: "Spring", objective: "OUTCOME_TRAFFIC", status: "PAUSED", daily_budget: 4200, special_ad_categories: ["HOUSING"], adlabels: [{ name: `layers:${campaignId}` }] },
    });
    const onMeta = await fetch(`${h.sandbox.url}/v21.0/${row.platform_campaign_id}?fields=objective,daily_budget,status&access_token=${a.accessToken}`).then((r) => r.json());
    expect(onMeta).toEqual({ id: row.platform_campaign_id, objective: "OUTCOME_TRAFFIC", daily_budget: "4200", status: "PAUSED" });

    const intent = await h.intent(dispatch.intentId);
    expect(intent).toMatchObject({ state: "dispatched", attempts: 1, lease_until: null });
    expect(intent.platform_result).toMatchObject({ platformId: row.platform_campaign_id, reconciled: false });
    expect(intent.finished_at).toBeInstanceOf(Date);
    const job = await h.env.db.selectFrom("jobs").selectAll().where("id", "=", dispatch.jobId).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: "completed", error: null });
    expect(job.result).toMatchObject({ platformId: row.platform_campaign_id, campaignId, operation: "create_campaign" });
    expect(job.completed_at).toBeInstanceOf(Date);

    const executed = (await h.events()).filter((e) => e.type === "ads.write.executed" && e.data.intentId === dispatch.intentId);
    expect(executed).toHaveLength(1);
    expect(executed[0]!.data).toMatchObject({
      organizationId: a.organizationId,
      projectId: a.projectId,
      layerId: a.layerId,
      platform: "meta",
      operation: "create_campaign",
      campaignId,
      platformCampaignId: row.platform_campaign_id,
      jobId: dispatch.jobId,
      verdictId: dispatch.verdictId,
    });
  });

  it("budget, pause, resume, archive and delete land in order and update the campaign row", async () => {
    const { campaignId, dispatch: create } = await h.allowCreate(a, { dailyBudgetCents: 1000 });
    const writes = [
      create,
      await h.allowWrite(a, campaignId, "update_budget", { dailyBudgetCents: 7500 }),
      await h.allowWrite(a, campaignId, "resume_campaign"),
      await h.allowWrite(a, campaignId, "pause_campaign"),
      await h.allowWrite(a, campaignId, "archive_campaign"),
    ];
    for (const d of writes) await h.publish(d);
    await h.waitForStates(writes.map((w) => w.intentId), ["dispatched"]);

    const row = await h.env.db.selectFrom("campaigns").selectAll().where("id", "=", campaignId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "archived", daily_budget_cents: 7500 });
    const ledger = await h.sbx.ledger({ objectId: row.platform_campaign_id! });
    expect(ledger.map((e) => [e.op, e.fields.status ?? e.fields.daily_budget])).toEqual([
      ["create", "PAUSED"],
      ["update", 7500],
      ["update", "ACTIVE"],
      ["update", "PAUSED"],
      ["update", "ARCHIVED"],
    ]);

    const del = await h.allowWrite(a, campaignId, "delete_campaign");
    await h.publish(del);
    await h.waitForStates([del.intentId], ["dispatched"]);
    expect((await h.sbx.ledger({ objectId: row.platform_campaign_id! })).at(-1)?.fields).toEqual({ status: "DELETED" });
    expect((await h.env.db.selectFrom("campaigns").select("status").where("id", "=", campaignId).executeTakeFirstOrThrow()).status).toBe("deleted");
  });

  it("redelivery and replay - an already-dispatched intent is skipped, reported, and never reaches Meta again", async () => {
    const { dispatch } = await h.allowCreate(a);
    await h.publish(dispatch);
    await h.waitForStates([dispatch.intentId], ["dispatched"]);
    const before = await h.sbx.ledger({ account: a.actId });

    const dup = await h.publish(dispatch);
    expect(dup.duplicate).toBe(true); // inside the dedupe window JetStream drops it outright
    await h.publish(dispatch, `${dispatch.intentId}:replay-1`); // an ops replay gets past the window
    await h.publish(dispatch, `${dispatch.intentId}:replay-2`);
    const skipped = await waitForLines(() => logs.lines.filter((l) => l.intentId === dispatch.intentId && l.msg === "skipped: already landed"), 2);
    expect(skipped.every((l) => l.state === "dispatched" && l.skipped === true)).toBe(true);

    expect(await h.sbx.ledger({ account: a.actId })).toEqual(before);
    expect((await h.intent(dispatch.intentId)).attempts).toBe(1);
    // Re-emitted events keep their id, so consumers see one executed event (and one job.completed) per write.
    const ids = new Set((await h.events()).filter((e) => e.data.intentId === dispatch.intentId).map((e) => e.id));
    expect(ids.size).toBe(2);
  });

  it("approval re-run - marks the pending action dispatched and emits approval.dispatched", async () => {
    const { campaignId, dispatch: create } = await h.allowCreate(a);
    await h.publish(create);
    await h.waitForStates([create.intentId], ["dispatched"]);
    const pendingActionId = newId("pendingAction");
    const budget = await h.allowWrite(a, campaignId, "update_budget", { dailyBudgetCents: 9900 }, { pendingActionId });
    await h.env.db
      .insertInto("pending_actions")
      .values({
        id: pendingActionId,
        organization_id: a.organizationId,
        project_id: a.projectId,
        layer_id: a.layerId,
        platform: "meta",
        campaign_id: campaignId,
        intent_id: newId("intent"),
        job_id: budget.jobId,
        action_type: "update_budget",
        proposed_action: json({ detail: { dailyBudgetCents: 9900 } }),
        status: "approved",
        actor_type: "optimizer",
        approval_intent_id: budget.intentId,
      })
      .execute();
    await h.publish(budget);
    await h.waitForStates([budget.intentId], ["dispatched"]);

    const pa = await h.env.db.selectFrom("pending_actions").selectAll().where("id", "=", pendingActionId).executeTakeFirstOrThrow();
    expect(pa.status).toBe("dispatched");
    expect(pa.dispatched_at).toBeInstanceOf(Date);
    expect(pa.dispatched_failure_reason).toBeNull();
    const evs = (await h.events()).filter((e) => e.data.intentId === budget.intentId).map((e) => e.type).sort();
    expect(evs).toEqual(["ads.write.executed", "approval.dispatched", "job.completed"]);
  });

  it("refusals - Meta's own, operations Meta lacks and campaigns that never reached Meta fail the job, once", async () => {
    // Meta refuses a budget below the account minimum (100 minor units by default in the sandbox).
    const { campaignId: tooLow, dispatch: lowCreate } = await h.allowCreate(a, { dailyBudgetCents: 50 });
    // An update to a campaign whose create never landed.
    const ghost = newId("campaign");
    await h.env.db
      .insertInto("campaigns")
      .values({ id: ghost, project_id: a.projectId, layer_id: a.layerId, ad_account_id: a.adAccountId, platform: "meta", name: "ghost", status: "pending", origin: "layers" })
      .execute();
    const ghostPause = await h.allowWrite(a, ghost, "pause_campaign");
    const pendingActionId = newId("pendingAction");
    // An ad group is TikTok's level: Meta has no such operation.
    const bid = await h.allowWrite(a, ghost, "update_adgroup", { entityKind: "adgroup", entityId: "ag_01jq0000000000000000000000", name: "x" }, { pendingActionId });
    await h.env.db
      .insertInto("pending_actions")
      .values({
        id: pendingActionId, organization_id: a.organizationId, project_id: a.projectId, layer_id: a.layerId, platform: "meta",
        campaign_id: ghost, intent_id: newId("intent"), job_id: bid.jobId, action_type: "update_adgroup", proposed_action: json({}), status: "approved", actor_type: "partner",
      })
      .execute();
    for (const d of [lowCreate, ghostPause, bid]) await h.publish(d);
    await h.waitForStates([lowCreate.intentId, ghostPause.intentId, bid.intentId], ["failed"]);

    const reasons = await Promise.all([lowCreate, ghostPause, bid].map(async (d) => (await h.intent(d.intentId)).failure_reason));
    expect(reasons[0]).toMatch(/^platform_rejected: \(#100\).*daily_budget must be at least 100/);
    expect(reasons[1]).toMatch(/^entity_not_on_platform: campaign cmp_\w+ was never created on Meta/);
    expect(reasons[2]).toMatch(/^unsupported_operation: /);
    const job = await h.env.db.selectFrom("jobs").selectAll().where("id", "=", lowCreate.jobId).executeTakeFirstOrThrow();
    expect(job.status).toBe("failed");
    expect(job.error).toMatchObject({ code: "PLATFORM_ERROR", reason: "platform_rejected" });
    expect((await h.env.db.selectFrom("campaigns").select("platform_campaign_id").where("id", "=", tooLow).executeTakeFirstOrThrow()).platform_campaign_id).toBeNull();
    const pa = await h.env.db.selectFrom("pending_actions").selectAll().where("id", "=", pendingActionId).executeTakeFirstOrThrow();
    expect(pa).toMatchObject({ status: "dispatch_failed", dispatched_at: null });
    expect(pa.dispatched_failure_reason).toMatch(/^unsupported_operation/);
    const failedEvents = (await h.events()).filter((e) => e.type === "approval.dispatch_failed");
    expect(failedEvents.map((e) => e.data.pendingActionId)).toEqual([pendingActionId]);
    // A refusal is an outcome, not poison: nothing is dead-lettered, nothing reached the ledger.
    expect(await h.env.db.selectFrom("dead_letters").selectAll().execute()).toEqual([]);
    expect((await h.sbx.ledger({ account: a.actId })).filter((e) => e.fields.daily_budget === 50)).toEqual([]);
  });

  it("money - a 3-decimal currency converts to Meta units, and an unrepresentable amount is refused before any call", async () => {
    const kwd = await h.seedAccount({ currency: "KWD" });
    const ok = await h.allowCreate(kwd, { dailyBudgetCents: 12340 });
    const bad = await h.allowCreate(kwd, { dailyBudgetCents: 12345 });
    await h.publish(ok.dispatch);
    await h.publish(bad.dispatch);
    await h.waitForStates([ok.dispatch.intentId, bad.dispatch.intentId]);
    expect((await h.intent(ok.dispatch.intentId)).state).toBe("dispatched");
    expect((await h.intent(bad.dispatch.intentId)).failure_reason).toMatch(/^unrepresentable_amount: /);
    const ledger = await h.sbx.ledger({ account: kwd.actId });
    expect(ledger.map((e) => e.fields.daily_budget)).toEqual([1234]);
    const row = await h.env.db.selectFrom("campaigns").select("daily_budget_cents").where("id", "=", ok.campaignId).executeTakeFirstOrThrow();
    expect(row.daily_budget_cents).toBe(12340);
  });
});

async function waitForLines<T>(get: () => T[], n: number, timeoutMs = 10_000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lines = get();
    if (lines.length >= n) return lines;
    if (Date.now() > deadline) throw new Error(`expected ${n} log lines, saw ${lines.length}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
