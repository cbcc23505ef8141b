import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId, newLayerId } from "@layers/contracts";
import { createCallBudgets, type CallBudgets } from "@layers/dispatch-core";
import { acceptWrite } from "@layers/lifecycle";
import { createLogger } from "@layers/runtime";
import { createTestEnv, type TestEnv } from "@layers/testkit";

/**
 * Draws of the handlers running at once share one statement (group commit). Each is answered as if
 * the batch's draws ran one after the other: the bucket is refilled once, and only as many writes
 * as it holds tokens go; paused accounts and scheduled accounts (only the waker's bookings draw)
 * keep their rules, and a batch that leaves any write without a token schedules the account.
 */
const SCHEDULED_MS = 3_000;
let env: TestEnv;
let budgets: CallBudgets;
let org: string;
let project: string;
beforeAll(async () => {
  env = await createTestEnv();
  // Burst 5, refill so slow that no token comes back during the test.
  budgets = createCallBudgets({ db: env.db, platform: "meta", shape: { rate: 0.001, burst: 5 }, reportsUsage: true, scheduledMs: SCHEDULED_MS, log: createLogger({ service: "test", level: "silent" }), batch: { maxBatch: 64, maxInFlight: 1 } });
  org = newId("organization");
  project = randomUUID();
  await env.db.insertInto("organizations").values({ id: org, name: "Partner" }).execute();
  await env.db.insertInto("projects").values({ id: project, organization_id: org, name: "Customer" }).execute();
});
afterAll(async () => env.cleanup());

/** A stored intent (call_budget_waits rows name one). */
async function intent(): Promise<string> {
  const campaignId = newId("campaign");
  const i = await acceptWrite(env.db, {
    intent: { organizationId: org, projectId: project, layerId: newLayerId(), platform: "meta", operation: "pause_campaign", entityKey: `campaign:${campaignId}`, params: { campaignId }, actor: { type: "partner", organizationId: org }, source: "api", requestId: `req-${randomUUID()}` },
    traceparent: "",
    replyTo: null,
  });
  return i.intentId;
}

const tokens = async (account: string) => (await env.db.selectFrom("call_budgets").select("tokens").where("platform", "=", "meta").where("account_key", "=", account).executeTakeFirstOrThrow()).tokens;

describe("call budgets: batched draws", () => {
  it("of concurrent draws on two accounts, each account gives exactly as many tokens as it holds", async () => {
    // Known accounts first, so the concurrent draws below go to the batch and not to row creation.
    await budgets.acquire("act_a", newId("intent"));
    await budgets.acquire("act_b", newId("intent"));
    const draws = [
      ...Array.from({ length: 8 }, () => budgets.acquire("act_a", newId("intent"))),
      ...Array.from({ length: 3 }, () => budgets.acquire("act_b", newId("intent"))),
    ];
    const tickets = await Promise.all(draws);
    // act_a had 4 tokens left, act_b 4: a draws 4 of 8, b all 3.
    expect(tickets.slice(0, 8).filter((t) => t.go)).toHaveLength(4);
    expect(tickets.slice(0, 8).filter((t) => !t.go).every((t) => !t.go && t.reason === "empty")).toBe(true);
    expect(tickets.slice(8).every((t) => t.go)).toBe(true);
    expect(await tokens("a")).toBeLessThan(1);
    expect(Math.floor(await tokens("b"))).toBe(1);
  });

  it("a paused account lets none of a batch go", async () => {
    await budgets.acquire("act_p", newId("intent"));
    await env.db.updateTable("call_budgets").set({ paused_until: new Date(Date.now() + 60_000) }).where("account_key", "=", "p").execute();
    const tickets = await Promise.all(Array.from({ length: 4 }, () => budgets.acquire("act_p", newId("intent"))));
    expect(tickets.every((t) => !t.go && t.reason === "paused")).toBe(true);
  });

  it("with the account scheduled, only the waker's booked write goes; the others wait, and no booking outlives its draw", async () => {
    await budgets.acquire("act_q", newId("intent"));
    await env.db.updateTable("call_budgets").set({ scheduled_until: new Date(Date.now() + 60_000) }).where("account_key", "=", "q").execute();
    const [booked, refusedBooking] = [await intent(), await intent()];
    const until = new Date(Date.now() + 5_000);
    await env.db.insertInto("call_budget_waits").values([booked, refusedBooking].map((id) => ({ intent_id: id, platform: "meta", account_key: "q", booked_until: until }))).execute();
    const tickets = await Promise.all([budgets.acquire("act_q", newId("intent")), budgets.acquire("act_q", newId("intent")), budgets.acquire("act_q", booked), budgets.acquire("act_q", newId("intent"))]);
    expect(tickets.map((t) => t.go)).toEqual([false, false, true, false]);
    expect(tickets.filter((t) => !t.go).every((t) => !t.go && t.reason === "scheduled" && t.scheduledMs > 55_000)).toBe(true);
    // Paused: even a booked write waits, and its booking ends so the waker publishes it again later.
    await env.db.updateTable("call_budgets").set({ paused_until: new Date(Date.now() + 60_000) }).where("account_key", "=", "q").execute();
    expect(await budgets.acquire("act_q", refusedBooking)).toMatchObject({ go: false, reason: "paused" });
    expect(await env.db.selectFrom("call_budget_waits").select("intent_id").where("account_key", "=", "q").execute()).toEqual([]);
  });

  it("a booked write that comes before its token keeps its booking and may draw again; unbook ends it", async () => {
    await budgets.acquire("act_e", newId("intent"));
    await env.db.updateTable("call_budgets").set({ tokens: 0, refilled_at: new Date(), scheduled_until: new Date(Date.now() + 60_000) }).where("account_key", "=", "e").execute();
    const early = await intent();
    await budgets.book("act_e", early, 5_000);
    expect(await budgets.acquire("act_e", early)).toMatchObject({ go: false, reason: "empty" });
    const left = async () => (await env.db.selectFrom("call_budget_waits").select("intent_id").where("account_key", "=", "e").execute()).map((w) => w.intent_id);
    expect(await left()).toEqual([early]);
    await budgets.unbook(early);
    expect(await left()).toEqual([]);
  });

  it("a draw that finds no room schedules the account; a draw with room leaves an unscheduled account alone", async () => {
    const ticket = async () => budgets.acquire("act_s", newId("intent"));
    const scheduledUntil = async () => (await env.db.selectFrom("call_budgets").select("scheduled_until").where("account_key", "=", "s").executeTakeFirstOrThrow()).scheduled_until;
    for (let i = 0; i < 5; i++) expect((await ticket()).go).toBe(true);
    expect(await scheduledUntil()).toBeNull();
    const refused = await ticket();
    expect(refused).toMatchObject({ go: false, reason: "empty" });
    expect(!refused.go && refused.scheduledMs).toBeGreaterThan(SCHEDULED_MS - 500);
    expect(!refused.go && refused.scheduledMs).toBeLessThanOrEqual(SCHEDULED_MS);
    const at = (await scheduledUntil())!.getTime();
    expect(Math.abs(at - (Date.now() + SCHEDULED_MS))).toBeLessThan(1_000);
  });
});
