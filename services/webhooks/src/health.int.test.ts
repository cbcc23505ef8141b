import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { eventSchema } from "@layers/contracts";
import { waitFor } from "./test-support/harness.ts";
import { useHarness } from "./test-support/use-harness.ts";
import { startDeadEndpoint } from "./test-support/receiver.ts";

describe("webhooks: endpoint health and isolation", () => {
  const ctx = useHarness();
  const { newOrg, receiver } = ctx;


  it("auto-disable - an endpoint failing for longer than the period is disabled and the org is told; one that recovers is not", async () => {
    const org = await newOrg();
    const failing = await receiver(() => ({ status: 500 }));
    const recovering = await receiver((r) => (r.nth <= 2 ? { status: 503 } : { status: 200 }));
    const watcher = await receiver();
    const epFailing = await ctx.h.endpoint(org, failing.url, { events: ["job.*"] });
    const epRecovering = await ctx.h.endpoint(org, recovering.url, { events: ["job.*"] });
    const epWatcher = await ctx.h.endpoint(org, watcher.url, { events: ["webhook.endpoint.disabled"] });
    watcher.secrets = [epWatcher.secret];
    await ctx.h.start({ config: { WEBHOOK_DISABLE_AFTER_MS: "1000", WEBHOOK_RETRY_SCHEDULE_MS: "0,300,300,300,300,300,300,300" } });
    await ctx.h.publish(ctx.h.event(org, "job.failed"));

    const [notice] = await ctx.h.waitForDeliveries(epWatcher.id, 1, ["succeeded"], 10_000);
    const row = await ctx.h.endpointRow(epFailing.id);
    expect(row.enabled).toBe(false);
    expect(row.failing_since).toBeInstanceOf(Date);
    const since = row.failing_since!.toISOString();
    expect(row.disabled_reason).toBe(`no successful attempt for 1 s (failing since ${since})`);
    expect(row.disabled_at!.getTime() - row.failing_since!.getTime()).toBeGreaterThanOrEqual(1_000);

    // Disabled at the first failure past the period: well before the ladder's 8 attempts ran out.
    const [d] = await ctx.h.waitForDeliveries(epFailing.id, 1, ["failed"]);
    expect(d!.last_error).toBe(`the endpoint is disabled: no successful attempt for 1 s (failing since ${since})`);
    expect(d!.attempt_count).toBeGreaterThanOrEqual(4);
    expect(d!.attempt_count).toBeLessThan(8);
    const attempts = await ctx.h.attemptsOf(d!.id);
    expect(attempts.every((a) => a.status_code === 500)).toBe(true);
    await sleep(400);
    expect(failing.received).toHaveLength(d!.attempt_count);

    // The notice: delivered, signed, and on the events stream under the same id.
    expect(notice!.event_type).toBe("webhook.endpoint.disabled");
    const body = eventSchema.parse(JSON.parse(watcher.received[0]!.body));
    expect(body.id).toBe(notice!.event_id);
    expect(body.data).toEqual({
      organizationId: org,
      endpointId: epFailing.id,
      url: failing.url,
      cause: "failing",
      reason: row.disabled_reason,
      failingSince: since,
      disabledAt: row.disabled_at!.toISOString(),
    });
    expect(watcher.received[0]!.verified[0]).toEqual({ standard: true, svix: true });
    const onStream = await waitFor(async () => {
      try {
        return await ctx.h.env.nats.jsm.streams.getMessage(ctx.h.env.names.streams.events, { last_by_subj: ctx.h.env.names.subjects.event("webhook.endpoint.disabled") });
      } catch {
        return null;
      }
    });
    expect(onStream.json<{ id: string }>().id).toBe(body.id);
    // It reached the stream through the one outbox (stored with the disabling), not a publish of its own.
    const outboxed = await ctx.h.env.db.selectFrom("event_outbox").select(["subject_type", "published_at"]).where("id", "=", body.id).executeTakeFirst();
    expect(outboxed?.subject_type).toBe("webhook.endpoint.disabled");
    expect(outboxed?.published_at).toBeInstanceOf(Date);
    // Its own fan-out from the stream added nothing: still one notice delivery.
    await sleep(300);
    expect(await ctx.h.deliveriesOf(epWatcher.id)).toHaveLength(1);

    // The endpoint that recovered inside the period stays enabled, its run of failures cleared.
    const [ok] = await ctx.h.waitForDeliveries(epRecovering.id, 1, ["succeeded"]);
    expect(ok!.attempt_count).toBe(3);
    expect(await ctx.h.endpointRow(epRecovering.id)).toMatchObject({ enabled: true, failing_since: null, disabled_reason: null });
  });

  it("isolation - a dead endpoint beside a healthy one: every healthy delivery lands while the dead one's first attempts still hang", async () => {
    const org = await newOrg();
    const dead = await startDeadEndpoint();
    ctx.h.track(dead);
    const healthy = await receiver();
    const epDead = await ctx.h.endpoint(org, dead.url);
    const epHealthy = await ctx.h.endpoint(org, healthy.url);
    healthy.secrets = [epHealthy.secret];
    await ctx.h.start({
      config: {
        // Far longer than the healthy endpoint needs: with head-of-line blocking its deliveries would
        // queue behind these hanging attempts. The speed itself is the P3 benchmark's.
        WEBHOOK_TIMEOUT_MS: "8000",
        WEBHOOK_LEASE_MS: "10000",
        WEBHOOK_CONCURRENCY: "8",
        WEBHOOK_ENDPOINT_CONCURRENCY: "2",
        WEBHOOK_RETRY_SCHEDULE_MS: "0,100,100,100,100,100,100,100",
      },
    });

    for (let i = 0; i < 50; i++) await ctx.h.publish(ctx.h.event(org, "ads.write.executed", { n: i }));
    await ctx.h.waitForDeliveries(epHealthy.id, 50, ["succeeded"]);
    expect(healthy.received).toHaveLength(50);
    expect(healthy.received.every((r) => r.verified[0]!.standard && r.verified[0]!.svix)).toBe(true);

    // An ordering, not a stopwatch: no attempt to the dead endpoint has ended yet, and it holds
    // exactly its two slots (WEBHOOK_ENDPOINT_CONCURRENCY) while the other 48 wait their turn.
    const deadAttempts = await ctx.h.env.db
      .selectFrom("webhook_attempts")
      .innerJoin("webhook_deliveries", "webhook_deliveries.id", "webhook_attempts.delivery_id")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("webhook_deliveries.endpoint_id", "=", epDead.id)
      .executeTakeFirstOrThrow();
    expect(Number(deadAttempts.n)).toBe(0);
    const deadDeliveries = await ctx.h.deliveriesOf(epDead.id);
    expect(deadDeliveries).toHaveLength(50);
    expect(deadDeliveries.filter((d) => d.status === "pending" && d.lease_until !== null && d.lease_until > new Date())).toHaveLength(2);
    expect(dead.maxOpen).toBeLessThanOrEqual(2);
    // Cut the hanging connections so the service's stop does not wait out the 8 s timeouts.
    await dead.close();
  });
});
