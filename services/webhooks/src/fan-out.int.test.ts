import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { newId, type EventType } from "@layers/contracts";
import { waitFor } from "./test-support/harness.ts";
import { useHarness } from "./test-support/use-harness.ts";

describe("webhooks: fan-out from the events stream", () => {
  const ctx = useHarness();
  const { newOrg, receiver } = ctx;


  /** Waits until the durable has handed out and settled everything in the stream. */
  async function consumerIdle(): Promise<void> {
    await waitFor(
      async () => {
        const info = await ctx.h.env.nats.jsm.consumers.info(ctx.h.env.names.streams.events, ctx.h.env.names.consumers.webhooks);
        return info.num_pending === 0 && info.num_ack_pending === 0;
      },
      15_000,
      25,
      "the webhooks durable to be idle",
    );
  }

  it("exactly once - duplicate publishes, a republish under a new msg id and a full redelivery create one delivery per (event, endpoint)", async () => {
    const org = await newOrg();
    const [ra, rb] = [await receiver(), await receiver()];
    const [a, b] = [await ctx.h.endpoint(org, ra.url), await ctx.h.endpoint(org, rb.url)];
    ra.secrets = [a.secret];
    rb.secrets = [b.secret];
    const app = await ctx.h.start();
    const events = Array.from({ length: 5 }, (_, i) => ctx.h.event(org, "ads.write.executed", { n: i }));
    for (const e of events) {
      await ctx.h.publish(e);
      await ctx.h.publish(e); // same msg id: JetStream drops it
      await ctx.h.publish(e, `${e.id}-replayed`); // a new msg id, as an ops replay of the stream would publish it
    }
    await ctx.h.waitForDeliveries(a.id, 5, ["succeeded"]);
    await ctx.h.waitForDeliveries(b.id, 5, ["succeeded"]);
    await consumerIdle();

    // Redeliver the whole stream: drop the durable and start again (a fresh durable reads from the start).
    await app.stop();
    await ctx.h.env.nats.jsm.consumers.delete(ctx.h.env.names.streams.events, ctx.h.env.names.consumers.webhooks);
    await ctx.h.start();
    await consumerIdle();
    await sleep(300); // anything wrongly created would now be claimed and sent

    for (const [ep, rx] of [
      [a, ra],
      [b, rb],
    ] as const) {
      const rows = await ctx.h.deliveriesOf(ep.id);
      expect(rows).toHaveLength(5);
      expect(new Set(rows.map((r) => r.event_id))).toEqual(new Set(events.map((e) => e.id)));
      expect(rows.every((r) => r.status === "succeeded" && r.attempt_count === 1 && r.origin === "event")).toBe(true);
      expect(rx.received).toHaveLength(5);
      expect(new Set(rx.received.map((x) => x.webhookId)).size).toBe(5);
      expect(rx.received.every((x) => x.verified[0]!.standard && x.verified[0]!.svix)).toBe(true);
    }
    const stored = await ctx.h.env.db.selectFrom("events").select(["id", "organization_id", "type"]).where("organization_id", "=", org).execute();
    expect(stored).toHaveLength(5);
  });

  it("filters - exact types, prefix wildcards, * and no filter; another org's endpoints get nothing", async () => {
    const org = await newOrg();
    const other = await newOrg();
    const rx = await receiver();
    const filters: Record<string, string[] | null> = {
      all: null,
      star: ["*"],
      writes: ["ads.write.*"],
      mixed: ["job.completed", "approval.*"],
      denied: ["ads.write.denied"],
      ads: ["ads.*"],
    };
    const eps = new Map<string, string>();
    for (const [name, events] of Object.entries(filters)) eps.set(name, (await ctx.h.endpoint(org, `${rx.url}?${name}`, { events })).id);
    const stranger = await ctx.h.endpoint(other, `${rx.url}?stranger`);
    await ctx.h.start();

    const types: EventType[] = ["ads.write.executed", "ads.write.denied", "job.completed", "approval.approved", "kill_switch.tripped", "ads.account.connected"];
    const sent = new Map<EventType, string>();
    for (const t of types) {
      const e = ctx.h.event(org, t);
      sent.set(t, e.id);
      await ctx.h.publish(e);
    }
    await consumerIdle();

    const expected: Record<string, EventType[]> = {
      all: types,
      star: types,
      writes: ["ads.write.executed", "ads.write.denied"],
      mixed: ["job.completed", "approval.approved"],
      denied: ["ads.write.denied"],
      ads: ["ads.write.executed", "ads.write.denied", "ads.account.connected"],
    };
    for (const [name, want] of Object.entries(expected)) {
      const rows = await ctx.h.deliveriesOf(eps.get(name)!);
      expect(rows.map((r) => r.event_type).sort(), name).toEqual([...want].sort());
      expect(rows.map((r) => r.event_id).sort(), name).toEqual(want.map((t) => sent.get(t)!).sort());
    }
    expect(await ctx.h.deliveriesOf(stranger.id)).toHaveLength(0);
    const total = Object.values(expected).reduce((n, l) => n + l.length, 0);
    await waitFor(() => rx.received.length === total, 10_000, 25, `${total} requests`);
    expect(rx.received.filter((x) => x.path.endsWith("stranger"))).toHaveLength(0);
  });

  it("webhook.test events are stored but never fanned out", async () => {
    const org = await newOrg();
    const rx = await receiver();
    const ep = await ctx.h.endpoint(org, rx.url);
    await ctx.h.start();
    const test = ctx.h.event(org, "webhook.test", { endpointId: ep.id });
    await ctx.h.publish(test);
    const after = ctx.h.event(org, "job.completed");
    await ctx.h.publish(after);
    await ctx.h.waitForDeliveries(ep.id, 1, ["succeeded"]);
    await consumerIdle();
    const stored = await ctx.h.env.db.selectFrom("events").select(["id", "type"]).where("id", "=", test.id).executeTakeFirst();
    expect(stored).toEqual({ id: test.id, type: "webhook.test" });
    expect((await ctx.h.deliveriesOf(ep.id)).map((d) => d.event_id)).toEqual([after.id]);
  });

  it("a test delivery the gateway creates is sent like any other", async () => {
    const org = await newOrg();
    const rx = await receiver();
    const ep = await ctx.h.endpoint(org, rx.url);
    rx.secrets = [ep.secret];
    await ctx.h.start();
    // As the gateway's POST …/test does: the event row and one delivery, origin test, due now.
    const test = ctx.h.event(org, "webhook.test", { endpointId: ep.id });
    await ctx.h.env.db
      .insertInto("events")
      .values({ id: test.id, organization_id: org, type: test.type, created_at: test.createdAt, payload: JSON.stringify(test) })
      .execute();
    await ctx.h.env.db
      .insertInto("webhook_deliveries")
      .values({
        id: newId("webhookDelivery"),
        endpoint_id: ep.id,
        organization_id: org,
        event_id: test.id,
        event_type: test.type,
        origin: "test",
        status: "pending",
        attempt_count: 0,
        next_attempt_at: new Date(),
        lease_until: null,
        last_status_code: null,
        last_error: null,
        completed_at: null,
      })
      .execute();
    const [d] = await ctx.h.waitForDeliveries(ep.id, 1, ["succeeded"]);
    expect(d).toMatchObject({ origin: "test", attempt_count: 1 });
    expect(rx.received).toHaveLength(1);
    expect(JSON.parse(rx.received[0]!.body)).toEqual(test);
    expect(rx.received[0]!.verified[0]).toEqual({ standard: true, svix: true });
  });

  it("disabled and deleted endpoints get no new deliveries, and their pending ones stop with the reason", async () => {
    const org = await newOrg();
    const rx = await receiver();
    rx.respond = (r) => (r.path.endsWith("paused") ? { status: 500 } : { status: 200 });
    const live = await ctx.h.endpoint(org, `${rx.url}?live`);
    const disabled = await ctx.h.endpoint(org, `${rx.url}?disabled`);
    const deleted = await ctx.h.endpoint(org, `${rx.url}?deleted`);
    const paused = await ctx.h.endpoint(org, `${rx.url}?paused`);
    await ctx.h.env.db.updateTable("webhook_endpoints").set({ enabled: false, disabled_reason: "paused by the partner" }).where("id", "=", disabled.id).execute();
    await ctx.h.env.db.updateTable("webhook_endpoints").set({ deleted_at: new Date() }).where("id", "=", deleted.id).execute();
    await ctx.h.start({ config: { WEBHOOK_RETRY_SCHEDULE_MS: "0,60000" } });

    await ctx.h.publish(ctx.h.event(org, "job.completed"));
    await ctx.h.waitForDeliveries(live.id, 1, ["succeeded"]);
    // The failing endpoint now waits a minute for its second attempt.
    const [waiting] = await ctx.h.waitForDeliveries(paused.id, 1, ["pending"]);
    await waitFor(async () => (await ctx.h.attemptsOf(waiting!.id)).length === 1);
    expect(await ctx.h.deliveriesOf(disabled.id)).toHaveLength(0);
    expect(await ctx.h.deliveriesOf(deleted.id)).toHaveLength(0);

    await ctx.h.env.db.updateTable("webhook_endpoints").set({ enabled: false, disabled_reason: "maintenance" }).where("id", "=", paused.id).execute();
    const [stopped] = await ctx.h.waitForDeliveries(paused.id, 1, ["failed"]);
    expect(stopped).toMatchObject({ last_error: "the endpoint is disabled: maintenance", next_attempt_at: null, attempt_count: 1 });

    const other = await ctx.h.endpoint(org, `${rx.url}?other`);
    await ctx.h.publish(ctx.h.event(org, "job.completed"));
    await ctx.h.waitForDeliveries(other.id, 1, ["succeeded"]);
    await ctx.h.env.db.updateTable("webhook_endpoints").set({ deleted_at: new Date() }).where("id", "=", other.id).execute();
    await ctx.h.env.db
      .updateTable("webhook_deliveries")
      .set({ status: "pending", next_attempt_at: new Date(Date.now() + 60_000) })
      .where("endpoint_id", "=", other.id)
      .execute();
    const [gone] = await ctx.h.waitForDeliveries(other.id, 1, ["failed"]);
    expect(gone!.last_error).toBe("the endpoint was deleted");
    expect(rx.received.filter((x) => x.path.endsWith("disabled") || x.path.endsWith("deleted"))).toHaveLength(0);
  });

  it("malformed events are dead-lettered at once and the events after them are delivered", async () => {
    const org = await newOrg();
    const rx = await receiver();
    const ep = await ctx.h.endpoint(org, rx.url);
    await ctx.h.start();
    await ctx.h.publish({ id: "evt_not-a-valid-id", type: "ads.write.executed", createdAt: "yesterday", data: {} }, "malformed-1");
    await ctx.h.env.nats.js.publish(ctx.h.env.names.subjects.event("job.completed"), "this is not json", { msgID: "malformed-2" });
    const good = ctx.h.event(org, "ads.write.executed");
    await ctx.h.publish(good);
    await ctx.h.waitForDeliveries(ep.id, 1, ["succeeded"]);
    const dls = await waitFor(async () => {
      const rows = await ctx.h.env.db.selectFrom("dead_letters").selectAll().where("consumer", "=", ctx.h.env.names.consumers.webhooks).orderBy("stream_seq").execute();
      return rows.length === 2 ? rows : null;
    });
    expect(dls.map((d) => [d.stream, d.subject])).toEqual([
      [ctx.h.env.names.streams.events, ctx.h.env.names.subjects.event("ads.write.executed")],
      [ctx.h.env.names.streams.events, ctx.h.env.names.subjects.event("job.completed")],
    ]);
    expect(dls[0]!.reason).toMatch(/^MalformedMessageError: does not match contract/);
    expect(JSON.parse(dls[0]!.payload).id).toBe("evt_not-a-valid-id");
    expect(dls[1]!.reason).toBe("MalformedMessageError: not JSON");
    expect(dls[1]!.payload).toBe("this is not json");
    expect(await ctx.h.env.db.selectFrom("events").select("id").where("id", "=", "evt_not-a-valid-id").executeTakeFirst()).toBeUndefined();
  });
});
