import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deterministicEventId, newId, type EventType, type LayersEvent } from "@layers/contracts";
import { enqueueEvents, lockUnpublishedEvents } from "@layers/lifecycle";
import { GateHarness, traceIdOf, waitFor } from "./testing/gate-harness.ts";

const RELAY = { RELAY_INTERVAL_MS: "100" };

let h: GateHarness;
beforeAll(async () => {
  h = await GateHarness.start(RELAY);
});
afterAll(async () => h.close());

function event(type: EventType = "approval.approved"): LayersEvent {
  const cause = newId("pendingAction");
  return { id: deterministicEventId(cause, type), type, createdAt: new Date().toISOString(), data: { organizationId: newId("organization"), pendingActionId: cause } };
}
const stage = (e: LayersEvent, requestId: string | null = "req-outbox", traceparent: string | null = null) =>
  h.env.db.transaction().execute((trx) => enqueueEvents(trx, [{ event: e, requestId, traceparent }]));
const copies = async (id: string) => (await h.readStream<LayersEvent>(h.env.names.streams.events)).filter((m) => m.headers?.get("Nats-Msg-Id") === id);
const publishedAt = async (id: string) => (await h.env.db.selectFrom("event_outbox").select("published_at").where("id", "=", id).executeTakeFirstOrThrow()).published_at;

describe("gate - event outbox relay", () => {
  it("publishes an event stored but never published, once, with its request id and trace, and marks it", async () => {
    const e = event();
    await stage(e, "req-lost-event", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    await waitFor(async () => (await publishedAt(e.id)) !== null, "the relay to mark the event");
    await new Promise((r) => setTimeout(r, 400));
    const [copy, ...more] = await copies(e.id);
    expect(more).toEqual([]);
    expect(copy!.subject).toBe(h.env.names.subjects.event("approval.approved"));
    expect(copy!.body).toEqual(e);
    expect(copy!.headers?.get("X-Request-Id")).toBe("req-lost-event");
    expect(traceIdOf(copy!.headers?.get("traceparent"))).toBe("0af7651916cd43dd8448eb211c80319c");
  });

  it("storing the same event twice keeps one row (deterministic ids)", async () => {
    const e = event("approval.disapproved");
    await stage(e);
    await stage(e);
    expect(await h.env.db.selectFrom("event_outbox").select("id").where("id", "=", e.id).execute()).toHaveLength(1);
    await waitFor(async () => (await copies(e.id)).length === 1, "the relayed copy");
  });
});

describe("event outbox claim", () => {
  it("locks each due event for one relay at a time, never a young or published one", async () => {
    await h.gate!.stop();
    try {
      const [due, young, done] = [event(), event(), event()];
      for (const e of [due, young, done]) await stage(e);
      await h.env.db.updateTable("event_outbox").set({ created_at: sql<Date>`now() - interval '1 minute'` }).where("id", "in", [due.id, done.id]).execute();
      await h.env.db.updateTable("event_outbox").set({ published_at: sql<Date>`now()` }).where("id", "=", done.id).execute();

      await h.env.db.transaction().execute(async (first) => {
        const a = (await lockUnpublishedEvents(first, { afterMs: 10_000, limit: 100 })).map((r) => r.id);
        expect(a).toContain(due.id);
        expect(a).not.toContain(young.id);
        expect(a).not.toContain(done.id);
        // A second relay instance meanwhile skips what the first one holds.
        const b = await h.env.db.transaction().execute((second) => lockUnpublishedEvents(second, { afterMs: 10_000, limit: 100 }));
        expect(b.map((r) => r.id)).not.toContain(due.id);
      });
    } finally {
      await h.startGate(RELAY);
    }
  });
});
