import { describe, expect, it } from "vitest";
import { waitFor } from "./test-support/harness.ts";
import { useHarness } from "./test-support/use-harness.ts";
import { verifiedWith, type Receiver } from "./test-support/receiver.ts";

/** Every request verified with every library against the first (current) secret. */
function allVerified(r: Receiver): boolean {
  return r.received.every((x) => x.verified[0]!.standard && x.verified[0]!.svix);
}

describe("webhooks: delivery, signatures and the retry ladder", () => {
  const ctx = useHarness();
  const { newOrg, receiver } = ctx;


  it("delivery - the body is the event envelope and every request verifies with standardwebhooks and svix", async () => {
    const org = await newOrg();
    const rx = await receiver(() => ({ status: 200, body: "thanks" }));
    const ep = await ctx.h.endpoint(org, rx.url);
    rx.secrets = [ep.secret];
    await ctx.h.start();
    const events = [
      ctx.h.event(org, "ads.write.executed", { jobId: "job_1", intentId: "int_1" }),
      ctx.h.event(org, "job.completed", { jobId: "job_1" }),
      ctx.h.event(org, "ads.account.token_expired", { adAccountId: "aa_1", note: "ünïcödé ✓" }),
    ];
    for (const e of events) await ctx.h.publish(e);

    const rows = await ctx.h.waitForDeliveries(ep.id, 3, ["succeeded"]);
    expect(rx.received).toHaveLength(3);
    expect(allVerified(rx)).toBe(true);
    for (const e of events) {
      const got = rx.received.find((x) => x.webhookId === e.id)!;
      expect(got.method).toBe("POST");
      expect(got.path).toBe("/hook");
      expect(JSON.parse(got.body)).toEqual(e);
      expect(Object.keys(JSON.parse(got.body))).toEqual(["id", "type", "createdAt", "data"]);
      expect(got.headers["content-type"]).toBe("application/json");
      expect(got.headers["user-agent"]).toMatch(/^Layers-Webhooks\//);
      expect(got.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      expect(Math.abs(Number(got.headers["webhook-timestamp"]) - got.at / 1000)).toBeLessThan(5);
    }
    for (const d of rows) {
      expect(d).toMatchObject({ origin: "event", attempt_count: 1, last_status_code: 200, last_error: null, next_attempt_at: null, lease_until: null });
      expect(d.completed_at).toBeInstanceOf(Date);
      const attempts = await ctx.h.attemptsOf(d.id);
      expect(attempts).toHaveLength(1);
      expect(attempts[0]).toMatchObject({ attempt_no: 1, status_code: 200, error: null, response_excerpt: "thanks" });
      expect(attempts[0]!.latency_ms).toBeGreaterThanOrEqual(0);
    }
    const endpoint = await ctx.h.endpointRow(ep.id);
    expect(endpoint.failing_since).toBeNull();
  });

  it("ladder - a receiver failing 3 times then succeeding gets 4 attempts, spaced by the schedule", async () => {
    const org = await newOrg();
    const rx = await receiver((r) => (r.nth <= 3 ? { status: 500, body: `boom ${r.nth}` } : { status: 204 }));
    const ep = await ctx.h.endpoint(org, rx.url);
    rx.secrets = [ep.secret];
    const schedule = [0, 150, 300, 450, 600, 750, 900, 1050];
    await ctx.h.start({ config: { WEBHOOK_RETRY_SCHEDULE_MS: schedule.join(",") } });
    const e = ctx.h.event(org, "job.failed", { jobId: "job_2" });
    await ctx.h.publish(e);

    const [d] = await ctx.h.waitForDeliveries(ep.id, 1, ["succeeded"]);
    expect(d!.attempt_count).toBe(4);
    const attempts = await ctx.h.attemptsOf(d!.id);
    expect(attempts.map((a) => a.attempt_no)).toEqual([1, 2, 3, 4]);
    expect(attempts.map((a) => a.status_code)).toEqual([500, 500, 500, 204]);
    expect(attempts.map((a) => a.error)).toEqual(["the endpoint answered 500", "the endpoint answered 500", "the endpoint answered 500", null]);
    expect(attempts.map((a) => a.response_excerpt)).toEqual(["boom 1", "boom 2", "boom 3", null]);
    for (let i = 1; i < attempts.length; i++) {
      const gap = attempts[i]!.started_at.getTime() - attempts[i - 1]!.started_at.getTime();
      // The next attempt is never early; a few ms of slack for the two clocks' rounding.
      expect(gap).toBeGreaterThanOrEqual(schedule[i]! - 5);
      expect(gap).toBeLessThan(schedule[i]! + 1_000);
    }
    // The receiver saw the same webhook-id four times, each with a fresh timestamp and a valid signature.
    expect(rx.received.map((x) => x.webhookId)).toEqual([e.id, e.id, e.id, e.id]);
    expect(allVerified(rx)).toBe(true);
    const ts = rx.received.map((x) => Number(x.headers["webhook-timestamp"]));
    expect([...ts].sort((a, b) => a - b)).toEqual(ts);
    // A success ends the endpoint's run of failures.
    expect((await ctx.h.endpointRow(ep.id)).failing_since).toBeNull();
  });

  it("failures - a redirect is not followed and a timeout fails the attempt", async () => {
    const org = await newOrg();
    let rx!: Receiver;
    rx = await receiver((r) => {
      if (r.path !== "/hook") return { status: 200 };
      if (r.nth === 1) return { status: 302, headers: { location: `http://127.0.0.1:${rx.port}/elsewhere` } };
      if (r.nth === 2) return { status: 200, delayMs: 1_500 };
      return { status: 200 };
    });
    const ep = await ctx.h.endpoint(org, rx.url);
    rx.secrets = [ep.secret];
    await ctx.h.start({ config: { WEBHOOK_TIMEOUT_MS: "400", WEBHOOK_LEASE_MS: "1500", WEBHOOK_RETRY_SCHEDULE_MS: "0,50,50,50" } });
    await ctx.h.publish(ctx.h.event(org, "ads.write.denied"));

    const [d] = await ctx.h.waitForDeliveries(ep.id, 1, ["succeeded"]);
    const attempts = await ctx.h.attemptsOf(d!.id);
    expect(attempts.map((a) => a.status_code)).toEqual([302, null, 200]);
    expect(attempts[0]!.error).toBe("the endpoint answered 302; redirects are not followed, answer 2xx at the registered URL");
    expect(attempts[1]!.error).toBe("no answer within 400 ms");
    expect(attempts[1]!.latency_ms).toBeGreaterThanOrEqual(390);
    expect(attempts[2]!.error).toBeNull();
    expect(rx.received.filter((x) => x.path === "/elsewhere")).toHaveLength(0);
    expect(rx.received).toHaveLength(3);
  });

  it("410 - the endpoint is disabled, the delivery fails, the org is told and no new delivery goes to it", async () => {
    const org = await newOrg();
    const gone = await receiver(() => ({ status: 410 }));
    const watcher = await receiver();
    const epGone = await ctx.h.endpoint(org, gone.url);
    const epWatcher = await ctx.h.endpoint(org, watcher.url, { events: ["webhook.*"] });
    gone.secrets = [epGone.secret];
    watcher.secrets = [epWatcher.secret];
    await ctx.h.start();
    await ctx.h.publish(ctx.h.event(org, "ads.write.executed"));

    const [d] = await ctx.h.waitForDeliveries(epGone.id, 1, ["failed"]);
    expect(d).toMatchObject({ attempt_count: 1, last_status_code: 410, last_error: "the endpoint answered 410 Gone", next_attempt_at: null });
    const row = await ctx.h.endpointRow(epGone.id);
    expect(row).toMatchObject({ enabled: false, disabled_reason: "the endpoint answered 410 Gone" });
    expect(row.disabled_at).toBeInstanceOf(Date);

    const [notice] = await ctx.h.waitForDeliveries(epWatcher.id, 1, ["succeeded"]);
    expect(notice!.event_type).toBe("webhook.endpoint.disabled");
    const body = JSON.parse(watcher.received[0]!.body);
    expect(body.data).toMatchObject({ organizationId: org, endpointId: epGone.id, cause: "gone", reason: "the endpoint answered 410 Gone" });
    expect(allVerified(watcher)).toBe(true);

    await ctx.h.publish(ctx.h.event(org, "ads.write.executed"));
    await ctx.h.publish(ctx.h.event(org, "job.completed"));
    // Both later events reach the fan-out (the watcher filters them out; the disabled endpoint must get none).
    await waitFor(async () => (await ctx.h.env.db.selectFrom("events").select("id").where("organization_id", "=", org).execute()).length === 4);
    await new Promise((r) => setTimeout(r, 200));
    expect(await ctx.h.deliveriesOf(epGone.id)).toHaveLength(1);
    expect(gone.received).toHaveLength(1);
  });

  it("Retry-After - a 429 or 503 stretches the next delay, capped", async () => {
    const org = await newOrg();
    const rx = await receiver((r) => {
      if (r.nth === 1) return { status: 429, headers: { "retry-after": "1" } };
      if (r.nth === 2) return { status: 503, headers: { "retry-after": "3600" } };
      return { status: 200 };
    });
    const ep = await ctx.h.endpoint(org, rx.url);
    rx.secrets = [ep.secret];
    await ctx.h.start({ config: { WEBHOOK_RETRY_SCHEDULE_MS: "0,50,50,50", WEBHOOK_RETRY_AFTER_CAP_MS: "1500" } });
    await ctx.h.publish(ctx.h.event(org, "ads.budget.cap_exceeded"));

    const [d] = await ctx.h.waitForDeliveries(ep.id, 1, ["succeeded"]);
    const attempts = await ctx.h.attemptsOf(d!.id);
    expect(attempts.map((a) => a.status_code)).toEqual([429, 503, 200]);
    expect(attempts[0]!.error).toBe("the endpoint answered 429 (Retry-After: 1)");
    expect(attempts[1]!.error).toBe("the endpoint answered 503 (Retry-After: 3600)");
    const gap1 = attempts[1]!.started_at.getTime() - attempts[0]!.started_at.getTime();
    const gap2 = attempts[2]!.started_at.getTime() - attempts[1]!.started_at.getTime();
    expect(gap1).toBeGreaterThanOrEqual(1_000 - 5); // asked 1 s, ladder 50 ms
    expect(gap1).toBeLessThan(1_900);
    expect(gap2).toBeGreaterThanOrEqual(1_500 - 5); // asked an hour, capped at 1.5 s
    expect(gap2).toBeLessThan(2_400);
  });

  it("exhaustion - after the last attempt the delivery is failed; re-armed as the gateway does, it is delivered", async () => {
    const org = await newOrg();
    let healthy = false;
    const rx = await receiver(() => (healthy ? { status: 200 } : { status: 500 }));
    const ep = await ctx.h.endpoint(org, rx.url);
    rx.secrets = [ep.secret];
    await ctx.h.start({ config: { WEBHOOK_RETRY_SCHEDULE_MS: "0,30,30,30,30,30,30,30" } });
    const e = ctx.h.event(org, "approval.dispatch_failed");
    await ctx.h.publish(e);

    const [d] = await ctx.h.waitForDeliveries(ep.id, 1, ["failed"]);
    expect(d).toMatchObject({ attempt_count: 8, last_status_code: 500, last_error: "the endpoint answered 500", next_attempt_at: null, lease_until: null });
    expect(d!.completed_at).toBeInstanceOf(Date);
    expect((await ctx.h.attemptsOf(d!.id)).map((a) => a.status_code)).toEqual([500, 500, 500, 500, 500, 500, 500, 500]);
    await new Promise((r) => setTimeout(r, 200));
    expect(rx.received).toHaveLength(8);
    expect((await ctx.h.endpointRow(ep.id)).failing_since).toBeInstanceOf(Date);

    // The gateway's resend: pending, due now, history kept.
    healthy = true;
    const now = new Date();
    await ctx.h.env.db
      .updateTable("webhook_deliveries")
      .set({ status: "pending", next_attempt_at: now, lease_until: null, completed_at: null, updated_at: now })
      .where("id", "=", d!.id)
      .execute();
    const [again] = await ctx.h.waitForDeliveries(ep.id, 1, ["succeeded"]);
    expect(again).toMatchObject({ attempt_count: 9, last_status_code: 200, last_error: null });
    const attempts = await ctx.h.attemptsOf(d!.id);
    expect(attempts.map((a) => a.attempt_no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(attempts.at(-1)!.status_code).toBe(200);
    expect(rx.received).toHaveLength(9);
    expect(new Set(rx.received.map((x) => x.webhookId))).toEqual(new Set([e.id]));
    expect(allVerified(rx)).toBe(true);
    expect((await ctx.h.endpointRow(ep.id)).failing_since).toBeNull();
  });

  it("rotation - both secrets verify during the overlap, only the new one after it", async () => {
    const org = await newOrg();
    const rx = await receiver();
    const ep = await ctx.h.endpoint(org, rx.url);
    const first = ep.secret;
    await ctx.h.start();

    await ctx.h.publish(ctx.h.event(org, "job.completed"));
    await ctx.h.waitForDeliveries(ep.id, 1, ["succeeded"]);

    const { secret: second, expiresAt } = await ctx.h.rotate(ep, 1_500);
    await ctx.h.publish(ctx.h.event(org, "job.completed"));
    await ctx.h.waitForDeliveries(ep.id, 2, ["succeeded"]);

    await waitFor(() => Date.now() > expiresAt.getTime() + 50, 5_000);
    await ctx.h.publish(ctx.h.event(org, "job.completed"));
    await ctx.h.waitForDeliveries(ep.id, 3, ["succeeded"]);

    // Verify each request as two partners would: one still on the old secret, one on the new.
    const verify = (i: number) => {
      const r = rx.received[i]!;
      return [first, second].map((s) => {
        const { standard, svix } = verifiedWith(s, r.body, r.headers);
        return standard && svix;
      });
    };
    expect(rx.received).toHaveLength(3);
    expect(verify(0)).toEqual([true, false]);
    expect(rx.received[0]!.headers["webhook-signature"]!.split(" ")).toHaveLength(1);
    expect(verify(1)).toEqual([true, true]);
    expect(rx.received[1]!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(verify(2)).toEqual([false, true]);
    expect(rx.received[2]!.headers["webhook-signature"]!.split(" ")).toHaveLength(1);
  });

  it("SSRF - a URL that is not allowlisted or not public fails each attempt with a clear error and no request", async () => {
    const org = await newOrg();
    const rx = await receiver();
    const calls: string[] = [];
    const guardedFetch: typeof fetch = async (input, init) => {
      const url = input instanceof URL ? input.href : String(input);
      calls.push(url);
      // This test must never send traffic anywhere but the loopback receiver.
      if (!url.startsWith("http://127.0.0.1:")) throw new Error(`test refused to fetch ${url}`);
      return fetch(input, init);
    };
    const targets = [
      { url: "https://10.1.2.3/hook", reason: "the endpoint URL was refused: 10.1.2.3 is not a public address" },
      { url: "https://169.254.169.254/latest/meta-data", reason: "the endpoint URL was refused: 169.254.169.254 is not a public address" },
      { url: `https://localhost:${rx.port}/hook`, reason: "the endpoint URL was refused: localhost is not a public host" },
      { url: `http://[::1]:${rx.port}/hook`, reason: "the endpoint URL was refused: must use https" },
    ];
    const eps = [];
    for (const t of targets) eps.push(await ctx.h.endpoint(org, t.url));
    await ctx.h.start({ fetch: guardedFetch, config: { WEBHOOK_RETRY_SCHEDULE_MS: "0,30,30" } });
    await ctx.h.publish(ctx.h.event(org, "ads.policy.violation"));

    for (const [i, t] of targets.entries()) {
      const [d] = await ctx.h.waitForDeliveries(eps[i]!.id, 1, ["failed"]);
      expect(d).toMatchObject({ attempt_count: 3, last_status_code: null, last_error: t.reason });
      const attempts = await ctx.h.attemptsOf(d!.id);
      expect(attempts.map((a) => [a.status_code, a.latency_ms, a.error])).toEqual([
        [null, null, t.reason],
        [null, null, t.reason],
        [null, null, t.reason],
      ]);
    }
    expect(calls).toEqual([]);
    expect(rx.received).toHaveLength(0);
  });
});
