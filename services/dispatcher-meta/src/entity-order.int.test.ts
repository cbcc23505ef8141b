import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dispatch } from "@layers/contracts";
import type { DispatcherMeta } from "./app.ts";
import { createHarness, type Harness, type SeededAccount } from "./test-support/harness.ts";

/**
 * Per-entity order by structure: a backlog on one campaign waits in Postgres and is handed on write
 * by write as each lands, so it drains without a single redelivery (no fence polling), and writes
 * to other accounts keep landing while it drains.
 */
describe("dispatcher-meta: a backlog on one entity", () => {
  let h: Harness;
  let app: DispatcherMeta;
  let hot: SeededAccount;
  let other: SeededAccount;
  const BACKLOG = 300;

  beforeAll(async () => {
    h = await createHarness();
    hot = await h.seedAccount();
    other = await h.seedAccount();
    app = await h.start({ config: { DISPATCH_CONCURRENCY: "16" } });
  });
  const campaignRow = (id: string) => h.env.db.selectFrom("campaigns").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  afterAll(async () => {
    await app.stop();
    await h.cleanup();
  });

  it("drains in entity order with no redelivery, while another account's create lands before it is done", async () => {
    const { campaignId, platformId } = await h.landCampaign(hot, { dailyBudgetCents: 1000 });
    // Every write pays a platform round trip, as on Meta.
    await h.sbx.setFaults({ platform: "meta", account: hot.actId, latencyMs: 5 });
    const backlog: Dispatch[] = [];
    for (let i = 1; i <= BACKLOG; i++) backlog.push(await h.allowWrite(hot, campaignId, "update_budget", { dailyBudgetCents: 1000 + i }));
    const consumer = () => h.env.nats.jsm.consumers.info(h.env.names.streams.dispatch, h.env.names.consumers.dispatcher("meta"));
    const redeliveredBefore = (await consumer()).num_redelivered;

    // The whole backlog is delivered at once (in reverse, the worst order), then the other customer's create.
    for (const d of [...backlog].reverse()) await h.publish(d);
    const { campaignId: otherCampaign, dispatch: otherCreate } = await h.allowCreate(other);
    await h.publish(otherCreate);

    await h.waitForStates(backlog.map((d) => d.intentId), ["dispatched"], 60_000);
    await h.waitForStates([otherCreate.intentId], ["dispatched"]);

    // Landed on Meta in the order accepted: each budget exactly once, ascending.
    const updates = (await h.sbx.ledger({ account: hot.actId, objectId: platformId })).filter((e) => e.op === "update");
    expect(updates.map((e) => e.fields.daily_budget)).toEqual(backlog.map((_, i) => 1001 + i));
    const rows = await h.env.db
      .selectFrom("write_intents")
      .select(["id", "entity_seq", "finished_at", "attempts"])
      .where("id", "in", [...backlog.map((d) => d.intentId), otherCreate.intentId])
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const finished = backlog.map((d) => byId.get(d.intentId)!.finished_at!.getTime());
    expect([...finished].sort((x, y) => x - y)).toEqual(finished);
    expect(backlog.every((d) => byId.get(d.intentId)!.attempts === 1)).toBe(true);

    // The other customer did not wait for the backlog: its create landed before the backlog's last write.
    expect(byId.get(otherCreate.intentId)!.finished_at!.getTime()).toBeLessThan(finished.at(-1)!);
    expect((await campaignRow(otherCampaign)).platform_campaign_id).toMatch(/^\d+$/);

    // Order came from hand-ons, not from naking messages until their turn.
    expect((await consumer()).num_redelivered - redeliveredBefore).toBe(0);
    expect((await campaignRow(campaignId)).daily_budget_cents).toBe(1000 + BACKLOG);
  });
});
