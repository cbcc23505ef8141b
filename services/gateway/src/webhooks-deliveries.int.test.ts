import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENT_TYPES, eventMatches, eventSchema, webhookDeliverySchema, type EventType } from "@layers/contracts";
import { createHarness, expectProblem, type Harness } from "./test-support/harness.ts";
import { fakeResolve, seedDelivery, seedEvent } from "./test-support/webhooks.ts";

const BASE = "/v1/webhooks/endpoints";
const MIN = 60_000;
const DAY = 86_400_000;

describe("webhook deliveries: test, log, resend, replay", () => {
  let h: Harness;
  let org: string;
  let key: string;

  beforeAll(async () => {
    h = await createHarness({ webhooks: { allowedHosts: ["127.0.0.1"], resolveHost: fakeResolve } });
    org = await h.seedOrg();
    key = (await h.mintKey(org, ["webhooks:read", "webhooks:write"])).secret;
  });
  afterAll(async () => h?.close());

  const register = async (body: Record<string, unknown> = {}, auth = key) => {
    const res = await h.send("POST", BASE, { auth, body: { url: "http://127.0.0.1:9/hook", ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; events: string[] | null };
  };
  const deliveriesOf = (endpointId: string) =>
    h.env.db.selectFrom("webhook_deliveries").selectAll().where("endpoint_id", "=", endpointId).orderBy("created_at").orderBy("event_id").execute();

  it("webhooks - test stores a webhook.test event and one due delivery to this endpoint only", async () => {
    const ep = await register({ events: ["ads.write.denied"] });
    const other = await register();
    const t0 = Date.now();
    const res = await h.send("POST", `${BASE}/${ep.id}/test`, { auth: key });
    expect(res.statusCode, res.body).toBe(202);
    const { eventId, deliveryId } = res.json();
    expect(Object.keys(res.json()).sort()).toEqual(["deliveryId", "eventId"]);
    expect(eventId).toMatch(/^evt_[0-9a-z]{26}$/);
    expect(deliveryId).toMatch(/^dlv_[0-9a-z]{26}$/);

    const event = await h.env.db.selectFrom("events").selectAll().where("id", "=", eventId).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ organization_id: org, type: "webhook.test" });
    const envelope = eventSchema.parse(event.payload);
    expect(envelope).toEqual({ id: eventId, type: "webhook.test", createdAt: event.created_at.toISOString(), data: { organizationId: org, endpointId: ep.id, message: expect.stringContaining("test") } });

    const [d, ...rest] = await deliveriesOf(ep.id);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ id: deliveryId, event_id: eventId, event_type: "webhook.test", organization_id: org, origin: "test", status: "pending", attempt_count: 0, lease_until: null });
    // Due now, although the endpoint's filter does not include webhook.test.
    expect(d!.next_attempt_at!.getTime()).toBeGreaterThanOrEqual(t0 - 1000);
    expect(d!.next_attempt_at!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await deliveriesOf(other.id)).toEqual([]);

    const log = (await h.send("GET", `${BASE}/${ep.id}/deliveries`, { auth: key })).json();
    expect(log.data).toEqual([
      { id: deliveryId, endpointId: ep.id, eventId, eventType: "webhook.test", origin: "test", status: "pending", attemptCount: 0, nextAttemptAt: d!.next_attempt_at!.toISOString(), lastStatusCode: null, lastError: null, createdAt: d!.created_at.toISOString(), attempts: [] },
    ]);
    // Each call is a new test event; the same Idempotency-Key replays the first answer instead.
    const headers = { "idempotency-key": "test-ping-1" };
    const a = await h.send("POST", `${BASE}/${ep.id}/test`, { auth: key, headers });
    const b = await h.send("POST", `${BASE}/${ep.id}/test`, { auth: key, headers });
    expect(b.body).toBe(a.body);
    expect(b.headers["idempotent-replayed"]).toBe("true");
    expect(a.json().eventId).not.toBe(eventId);
    expect(await deliveriesOf(ep.id)).toHaveLength(2);
  });

  it("webhooks - the delivery log lists newest first with attempts, filters by status and pages with a cursor", async () => {
    const ep = await register();
    const ref = { id: ep.id, organizationId: org };
    const base = Date.now() - 60 * MIN;
    const ids: string[] = [];
    const plans = [
      { status: "succeeded" as const, attempts: [{ statusCode: 200, latencyMs: 41, error: null, excerpt: "ok" }] },
      {
        status: "failed" as const,
        attempts: [
          { statusCode: 500, latencyMs: 120, error: "HTTP 500", excerpt: "<html>boom</html>" },
          { statusCode: null, latencyMs: null, error: "connect ECONNREFUSED 127.0.0.1:9" },
          { statusCode: 410, latencyMs: 8, error: "HTTP 410: endpoint gone" },
        ],
      },
      { status: "pending" as const, nextAttemptAt: new Date(base + 90 * MIN), attempts: [{ statusCode: 503, latencyMs: 15_001, error: "timed out after 15000 ms" }] },
      { status: "succeeded" as const, attempts: [{ statusCode: 204, latencyMs: 3, error: null }] },
      { status: "pending" as const, attempts: [] },
    ];
    for (const [i, p] of plans.entries()) {
      const type: EventType = i % 2 ? "ads.write.denied" : "ads.write.executed";
      const eventId = await seedEvent(h.env.db, org, type, new Date(base + i * MIN));
      ids.push(await seedDelivery(h.env.db, ref, eventId, type, { ...p, createdAt: new Date(base + i * MIN) }));
    }

    const page1 = await h.send("GET", `${BASE}/${ep.id}/deliveries?limit=2`, { auth: key });
    expect(page1.statusCode).toBe(200);
    const p1 = page1.json();
    expect(p1.data.map((d: { id: string }) => d.id)).toEqual([ids[4], ids[3]]);
    for (const d of p1.data) expect(webhookDeliverySchema.strict().parse(d)).toEqual(d);
    const p2 = (await h.send("GET", `${BASE}/${ep.id}/deliveries?limit=2&cursor=${p1.nextCursor}`, { auth: key })).json();
    expect(p2.data.map((d: { id: string }) => d.id)).toEqual([ids[2], ids[1]]);
    const p3 = (await h.send("GET", `${BASE}/${ep.id}/deliveries?limit=2&cursor=${p2.nextCursor}`, { auth: key })).json();
    expect(p3.data.map((d: { id: string }) => d.id)).toEqual([ids[0]]);
    expect(p3.nextCursor).toBeNull();

    const failed = p2.data[1];
    expect(failed).toMatchObject({ status: "failed", origin: "event", eventType: "ads.write.denied", attemptCount: 3, nextAttemptAt: null, lastStatusCode: 410, lastError: "HTTP 410: endpoint gone" });
    expect(failed.attempts).toEqual([
      { attempt: 1, at: new Date(base + MIN).toISOString(), statusCode: 500, latencyMs: 120, error: "HTTP 500", responseExcerpt: "<html>boom</html>" },
      { attempt: 2, at: new Date(base + MIN + 1000).toISOString(), statusCode: null, latencyMs: null, error: "connect ECONNREFUSED 127.0.0.1:9", responseExcerpt: null },
      { attempt: 3, at: new Date(base + MIN + 2000).toISOString(), statusCode: 410, latencyMs: 8, error: "HTTP 410: endpoint gone", responseExcerpt: null },
    ]);
    expect(p2.data[0]).toMatchObject({ status: "pending", attemptCount: 1, nextAttemptAt: new Date(base + 90 * MIN).toISOString(), lastStatusCode: 503 });

    const pendingOnly = (await h.send("GET", `${BASE}/${ep.id}/deliveries?status=pending`, { auth: key })).json();
    expect(pendingOnly.data.map((d: { id: string }) => d.id)).toEqual([ids[4], ids[2]]);
    const succeeded = (await h.send("GET", `${BASE}/${ep.id}/deliveries?status=succeeded`, { auth: key })).json();
    expect(succeeded.data.map((d: { id: string }) => d.id)).toEqual([ids[3], ids[0]]);

    expectProblem(await h.send("GET", `${BASE}/${ep.id}/deliveries?status=done`, { auth: key }), 422, "VALIDATION");
    expectProblem(await h.send("GET", `${BASE}/${ep.id}/deliveries?limit=101`, { auth: key }), 422, "VALIDATION");
    // A cursor from the endpoint list is not a delivery cursor.
    const epCursor = Buffer.from(JSON.stringify([new Date().toISOString(), ep.id])).toString("base64url");
    expectProblem(await h.send("GET", `${BASE}/${ep.id}/deliveries?cursor=${epCursor}`, { auth: key }), 422, "VALIDATION");
  });

  it("webhooks - resend re-arms a finished delivery, keeps its attempts, and refuses one that is being attempted", async () => {
    const ep = await register();
    const ref = { id: ep.id, organizationId: org };
    const eventId = await seedEvent(h.env.db, org, "approval.dispatched", new Date(Date.now() - 3 * DAY));
    const eight = Array.from({ length: 8 }, () => ({ statusCode: 502, latencyMs: 20, error: "HTTP 502" }));
    const failed = await seedDelivery(h.env.db, ref, eventId, "approval.dispatched", { status: "failed", attempts: eight, createdAt: new Date(Date.now() - 3 * DAY) });

    const t0 = Date.now();
    const res = await h.send("POST", `${BASE}/${ep.id}/deliveries/${failed}/resend`, { auth: key });
    expect(res.statusCode, res.body).toBe(202);
    const d = res.json();
    expect(webhookDeliverySchema.strict().parse(d)).toEqual(d);
    expect(d).toMatchObject({ id: failed, eventId, status: "pending", attemptCount: 8, lastStatusCode: 502, lastError: "HTTP 502" });
    expect(d.attempts.map((a: { attempt: number }) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Date.parse(d.nextAttemptAt)).toBeGreaterThanOrEqual(t0 - 1000);
    const stored = await h.env.db.selectFrom("webhook_deliveries").selectAll().where("id", "=", failed).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: "pending", attempt_count: 8, lease_until: null, completed_at: null, origin: "event" });
    // Still one delivery: resend is the same delivery, not a copy.
    expect(await deliveriesOf(ep.id)).toHaveLength(1);

    // A succeeded delivery can be resent too.
    const ok = await seedDelivery(h.env.db, ref, eventId, "approval.dispatched", { status: "succeeded", origin: "replay", attempts: [{ statusCode: 200, latencyMs: 5, error: null }] });
    expect((await h.send("POST", `${BASE}/${ep.id}/deliveries/${ok}/resend`, { auth: key })).json()).toMatchObject({ status: "pending", attemptCount: 1, origin: "replay" });

    // A pending delivery waiting for its next retry is brought forward.
    const later = new Date(Date.now() + 2 * 3600_000);
    const e2 = await seedEvent(h.env.db, org, "approval.dispatched", new Date());
    const waiting = await seedDelivery(h.env.db, ref, e2, "approval.dispatched", { status: "pending", nextAttemptAt: later, attempts: [{ statusCode: 500, latencyMs: 9, error: "HTTP 500" }] });
    const forward = (await h.send("POST", `${BASE}/${ep.id}/deliveries/${waiting}/resend`, { auth: key })).json();
    expect(Date.parse(forward.nextAttemptAt)).toBeLessThan(later.getTime() - 3600_000);

    // An attempt in flight (live lease) is left alone: 409, nothing changes.
    const leaseUntil = new Date(Date.now() + 30_000);
    const e3 = await seedEvent(h.env.db, org, "approval.dispatched", new Date());
    const inFlight = await seedDelivery(h.env.db, ref, e3, "approval.dispatched", { status: "pending", leaseUntil, nextAttemptAt: new Date(Date.now() - 1000) });
    const busy = expectProblem(await h.send("POST", `${BASE}/${ep.id}/deliveries/${inFlight}/resend`, { auth: key }), 409, "CONFLICT");
    expect(busy.detail).toMatch(/running right now/);
    expect((await h.env.db.selectFrom("webhook_deliveries").select("lease_until").where("id", "=", inFlight).executeTakeFirstOrThrow()).lease_until).toEqual(leaseUntil);
    // An expired lease (the worker died) can be resent.
    await h.env.db.updateTable("webhook_deliveries").set({ lease_until: new Date(Date.now() - 1000) }).where("id", "=", inFlight).execute();
    expect((await h.send("POST", `${BASE}/${ep.id}/deliveries/${inFlight}/resend`, { auth: key })).statusCode).toBe(202);

    // Another endpoint's delivery (same org) and made-up ids are 404.
    const ep2 = await register();
    expectProblem(await h.send("POST", `${BASE}/${ep2.id}/deliveries/${failed}/resend`, { auth: key }), 404, "NOT_FOUND");
    expectProblem(await h.send("POST", `${BASE}/${ep.id}/deliveries/dlv_nope/resend`, { auth: key }), 404, "NOT_FOUND");
    expectProblem(await h.send("POST", `${BASE}/${ep.id}/deliveries/${failed}/resend`, { auth: key, body: { now: true } }), 422, "VALIDATION");
  });

  it("webhooks - a disabled endpoint refuses test, resend and replay (409) until it is enabled again", async () => {
    const o = await h.seedOrg();
    const key = (await h.mintKey(o, ["webhooks:write"])).secret;
    const ep = await register({}, key);
    const eventId = await seedEvent(h.env.db, o, "ads.write.denied", new Date(Date.now() - MIN));
    const failed = await seedDelivery(h.env.db, { id: ep.id, organizationId: o }, eventId, "ads.write.denied", { status: "failed", attempts: [{ statusCode: 410, latencyMs: 4, error: "the endpoint answered 410 Gone" }] });
    await h.env.db.updateTable("webhook_endpoints").set({ enabled: false, disabled_reason: "the endpoint answered 410 Gone", disabled_at: new Date() }).where("id", "=", ep.id).execute();
    const calls: Array<[string, unknown?]> = [[`${BASE}/${ep.id}/test`], [`${BASE}/${ep.id}/deliveries/${failed}/resend`], [`${BASE}/${ep.id}/replay`, { since: new Date(Date.now() - 5 * MIN).toISOString() }]];
    for (const [url, body] of calls) {
      const p = expectProblem(await h.send("POST", url, { auth: key, ...(body ? { body } : {}) }), 409, "CONFLICT");
      expect(p.detail).toContain("410 Gone");
    }
    const rows = await deliveriesOf(ep.id);
    expect(rows.map((r) => [r.id, r.status])).toEqual([[failed, "failed"]]);
    expect(await h.env.db.selectFrom("events").select("id").where("type", "=", "webhook.test").where("payload", "@>", JSON.stringify({ data: { endpointId: ep.id } })).execute()).toEqual([]);

    expect((await h.send("PATCH", `${BASE}/${ep.id}`, { auth: key, body: { enabled: true } })).statusCode).toBe(200);
    const statuses: number[] = [];
    for (const [url, body] of calls) statuses.push((await h.send("POST", url, { auth: key, ...(body ? { body } : {}) })).statusCode);
    expect(statuses).toEqual([202, 202, 202]);
    const after = await deliveriesOf(ep.id);
    expect(after.map((r) => r.origin).sort()).toEqual(["event", "replay", "test"]);
    expect(after.every((r) => r.status === "pending")).toBe(true);
  });

  it("webhooks - replay queues one delivery per org event in the range that passes the filter", async () => {
    const o = await h.seedOrg();
    const k = (await h.mintKey(o, ["webhooks:*"])).secret;
    const stranger = await h.seedOrg();
    const now = Date.now();
    const at = (minutesAgo: number) => new Date(now - minutesAgo * MIN);
    // Every event type once, 10..(10+n) minutes ago, plus noise outside the range and from another org.
    const inRange = new Map<string, EventType>();
    for (const [i, type] of EVENT_TYPES.entries()) inRange.set(await seedEvent(h.env.db, o, type, at(10 + i)), type);
    const before = await seedEvent(h.env.db, o, "ads.write.denied", at(120));
    await seedEvent(h.env.db, stranger, "ads.write.denied", at(15));
    const since = at(60).toISOString();
    const until = at(5).toISOString();

    const filters: Array<string[] | null> = [null, ["*"], ["ads.write.*", "approval.approved"], ["kill_switch.*"], ["ads.*"], ["ads.account.token_expired", "job.*", "webhook.test"]];
    for (const filter of filters) {
      const ep = await register({ ...(filter ? { events: filter } : {}) }, k);
      const res = await h.send("POST", `${BASE}/${ep.id}/replay`, { auth: k, body: { since, until } });
      expect(res.statusCode, res.body).toBe(202);
      const expected = [...inRange].filter(([, type]) => type !== "webhook.test" && eventMatches(type, filter)).map(([id]) => id);
      expect(res.json(), JSON.stringify(filter)).toEqual({ deliveries: expected.length });
      const rows = await deliveriesOf(ep.id);
      expect(rows.map((r) => r.event_id).sort(), JSON.stringify(filter)).toEqual([...expected].sort());
      for (const r of rows) {
        expect(r).toMatchObject({ origin: "replay", status: "pending", organization_id: o, attempt_count: 0, event_type: inRange.get(r.event_id) });
        expect(r.next_attempt_at!.getTime()).toBeLessThanOrEqual(Date.now());
      }
    }
    // The whole-org filter checks real numbers: 23 types minus webhook.test.
    expect(EVENT_TYPES.length - 1).toBe(22);

    // until defaults to now; the event two hours ago is in when since reaches it. Replaying twice queues again.
    const all = await register({}, k);
    const r1 = (await h.send("POST", `${BASE}/${all.id}/replay`, { auth: k, body: { since: at(180).toISOString() } })).json();
    expect(r1).toEqual({ deliveries: EVENT_TYPES.length });
    expect((await deliveriesOf(all.id)).map((r) => r.event_id)).toContain(before);
    const r2 = (await h.send("POST", `${BASE}/${all.id}/replay`, { auth: k, body: { since: at(180).toISOString(), until: new Date(now + DAY).toISOString() } })).json();
    expect(r2).toEqual({ deliveries: EVENT_TYPES.length });
    expect(await deliveriesOf(all.id)).toHaveLength(2 * EVENT_TYPES.length);
    // An empty range is fine.
    expect((await h.send("POST", `${BASE}/${all.id}/replay`, { auth: k, body: { since: at(400).toISOString(), until: at(300).toISOString() } })).json()).toEqual({ deliveries: 0 });
  });

  it("webhooks - replay refuses ranges over 30 days, in the future, backwards, or holding more than 10 000 events", async () => {
    const o = await h.seedOrg();
    const k = (await h.mintKey(o, ["webhooks:write"])).secret;
    const ep = await register({}, k);
    const url = `${BASE}/${ep.id}/replay`;
    const iso = (ms: number) => new Date(ms).toISOString();
    const now = Date.now();
    const cases: Array<[unknown, string]> = [
      [{ since: iso(now - 31 * DAY) }, "/since"],
      [{ since: iso(now - 40 * DAY), until: iso(now - 5 * DAY) }, "/since"],
      [{ since: iso(now + MIN) }, "/since"],
      [{ since: iso(now - DAY), until: iso(now - 2 * DAY) }, "/until"],
      [{ since: "yesterday" }, "/since"],
      [{}, "/since"],
      [{ since: iso(now - DAY), endpointIds: ["x"] }, "/endpointIds"],
    ];
    for (const [body, pointer] of cases) {
      const p = expectProblem(await h.send("POST", url, { auth: k, body }), 422, "VALIDATION");
      expect(p.errors.map((e: { pointer: string }) => e.pointer), JSON.stringify(body)).toContain(pointer);
    }
    // Exactly 30 days is allowed.
    expect((await h.send("POST", url, { auth: k, body: { since: iso(now - 30 * DAY + 1000), until: iso(now) } })).statusCode).toBe(202);

    // 10 001 matching events in one hour: refused, nothing queued; the first 10 000 alone are fine.
    const start = new Date(now - 3 * 3600_000);
    await sql`
      insert into events (id, organization_id, type, created_at, payload)
      select 'evt_' || lpad(g::text, 26, '0'), ${o}, 'ads.write.executed', ${start}::timestamptz + make_interval(secs => g), '{}'::jsonb
      from generate_series(1, 10001) g`.execute(h.env.db);
    const tooMany = expectProblem(await h.send("POST", url, { auth: k, body: { since: iso(now - 4 * 3600_000) } }), 422, "VALIDATION");
    expect(tooMany.detail).toMatch(/more than 10000 events/);
    expect(await deliveriesOf(ep.id)).toHaveLength(0);
    const lastOfTenThousand = new Date(now - 3 * 3600_000 + 10_000_000 + 1).toISOString();
    const fits = await h.send("POST", url, { auth: k, body: { since: iso(now - 4 * 3600_000), until: lastOfTenThousand } });
    expect(fits.json()).toEqual({ deliveries: 10_000 });
    expect(await deliveriesOf(ep.id)).toHaveLength(10_000);
  });
});
