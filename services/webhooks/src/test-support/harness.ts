import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { newId, type EventType, type LayersEvent } from "@layers/contracts";
import type { WebhookAttemptRow, WebhookDeliveryRow } from "@layers/db";
import { DEV_TOKEN_KEY, newWebhookSecret, sealToken, type Logger } from "@layers/runtime";
import { createTestEnv, startTestOutboxRelay, type TestEnv } from "@layers/testkit";
import { startWebhooks, type Webhooks } from "../app.ts";
import { loadConfig, type WebhooksConfig } from "../config.ts";
import type { Receiver } from "./receiver.ts";

/** Fast clocks for tests: a ladder in tens of milliseconds, short timeouts and leases, 127.0.0.1 allowed. */
export const FAST_CONFIG: Record<string, string> = {
  WEBHOOK_RETRY_SCHEDULE_MS: "0,100,100,100,100,100,100,100",
  WEBHOOK_RETRY_JITTER: "0",
  WEBHOOK_TIMEOUT_MS: "1000",
  WEBHOOK_LEASE_MS: "2500",
  WEBHOOK_POLL_MS: "50",
  WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
  WEBHOOK_ACK_WAIT_MS: "2000",
};

/** Polls until `check` is truthy; fails after `timeoutMs` with the last value seen. */
export async function waitFor<T>(check: () => Promise<T> | T, timeoutMs = 15_000, everyMs = 25, what = "condition"): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await check();
    if (last) return last as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await sleep(everyMs);
  }
}

export interface TestEndpoint {
  id: string;
  organizationId: string;
  url: string;
  secret: string;
}

/** One per test file: a database and NATS namespace, and helpers that play the gate and the gateway. */
export async function createHarness() {
  const env: TestEnv = await createTestEnv();
  const apps = new Set<Webhooks>();
  const closers: Array<() => Promise<void>> = [];
  // The gate hosts the one outbox relay in production; the endpoint-disabled notice goes through it.
  const relay = startTestOutboxRelay(env);
  closers.push(() => relay.stop());

  function configEnv(over: Record<string, string> = {}): Record<string, string> {
    return { ...env.env, ...FAST_CONFIG, ...over };
  }
  function config(over: Record<string, string> = {}): WebhooksConfig {
    return loadConfig(configEnv(over));
  }

  async function start(opts: { config?: Record<string, string>; fetch?: typeof fetch; log?: Logger } = {}): Promise<Webhooks> {
    const app = await startWebhooks({
      db: env.db,
      nats: env.nats,
      names: env.names,
      log: opts.log ?? env.log,
      config: config(opts.config),
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
    apps.add(app);
    return {
      async stop() {
        if (!apps.delete(app)) return;
        await app.stop();
      },
    };
  }

  async function stopAll(): Promise<void> {
    const all = [...apps];
    apps.clear();
    await Promise.all(all.map((a) => a.stop()));
  }

  async function org(): Promise<string> {
    const id = newId("organization");
    await env.db.insertInto("organizations").values({ id, name: `partner ${id}`, parent_id: null }).execute();
    return id;
  }

  /** An endpoint row as the gateway would write it (secret sealed with the dev key). */
  async function endpoint(organizationId: string, url: string, opts: { events?: string[] | null; secret?: string; scope?: "own" | "all_children" } = {}): Promise<TestEndpoint> {
    const id = newId("webhookEndpoint");
    const secret = opts.secret ?? newWebhookSecret();
    await env.db
      .insertInto("webhook_endpoints")
      .values({
        id,
        organization_id: organizationId,
        url,
        description: null,
        events: opts.events ?? null,
        ...(opts.scope ? { scope: opts.scope } : {}),
        enabled: true,
        disabled_reason: null,
        disabled_at: null,
        secret_enc: sealToken(secret, DEV_TOKEN_KEY),
        previous_secret_enc: null,
        previous_secret_expires_at: null,
        failing_since: null,
        deleted_at: null,
      })
      .execute();
    return { id, organizationId, url, secret };
  }

  /** Rotation as the gateway does it: a new secret, the old one signing beside it until `overlapMs` from now. */
  async function rotate(ep: TestEndpoint, overlapMs: number): Promise<{ secret: string; previous: string; expiresAt: Date }> {
    const secret = newWebhookSecret();
    const row = await env.db
      .updateTable("webhook_endpoints")
      .set({
        secret_enc: sealToken(secret, DEV_TOKEN_KEY),
        previous_secret_enc: sealToken(ep.secret, DEV_TOKEN_KEY),
        previous_secret_expires_at: sql<Date>`now() + ${overlapMs} * interval '1 millisecond'`,
        updated_at: new Date(),
      })
      .where("id", "=", ep.id)
      .returning("previous_secret_expires_at")
      .executeTakeFirstOrThrow();
    const previous = ep.secret;
    ep.secret = secret;
    return { secret, previous, expiresAt: row.previous_secret_expires_at! };
  }

  function event(organizationId: string, type: EventType, data: Record<string, unknown> = {}): LayersEvent {
    return { id: newId("event"), type, createdAt: new Date().toISOString(), data: { organizationId, ...data } };
  }

  /** As the gate publishes: subject per type, msg id = event id (or another id, as an ops replay would). */
  async function publish(e: LayersEvent | Record<string, unknown>, msgID?: string): Promise<void> {
    const type = (e as { type?: string }).type ?? "ads.write.executed";
    await env.nats.js.publish(env.names.subjects.event(type), JSON.stringify(e), { msgID: msgID ?? String((e as { id?: unknown }).id ?? newId("event")) });
  }

  async function deliveriesOf(endpointId: string): Promise<WebhookDeliveryRow[]> {
    return env.db.selectFrom("webhook_deliveries").selectAll().where("endpoint_id", "=", endpointId).orderBy("created_at").orderBy("id").execute();
  }

  async function attemptsOf(deliveryId: string): Promise<WebhookAttemptRow[]> {
    return env.db.selectFrom("webhook_attempts").selectAll().where("delivery_id", "=", deliveryId).orderBy("attempt_no").execute();
  }

  /** Waits until the endpoint has `count` deliveries, all in one of `statuses`. */
  async function waitForDeliveries(endpointId: string, count: number, statuses: ReadonlyArray<WebhookDeliveryRow["status"]>, timeoutMs = 15_000): Promise<WebhookDeliveryRow[]> {
    return waitFor(
      async () => {
        const rows = await deliveriesOf(endpointId);
        return rows.length === count && rows.every((r) => statuses.includes(r.status)) ? rows : null;
      },
      timeoutMs,
      25,
      `${count} deliveries of ${endpointId} in ${statuses.join("/")}`,
    );
  }

  async function endpointRow(id: string) {
    return env.db.selectFrom("webhook_endpoints").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  }

  /** Ends a test's endpoints so later tests' schedulers do not keep working on them. */
  async function retire(organizationId: string): Promise<void> {
    await env.db.updateTable("webhook_endpoints").set({ deleted_at: new Date() }).where("organization_id", "=", organizationId).execute();
    await env.db
      .updateTable("webhook_deliveries")
      .set({ status: "failed", next_attempt_at: null, lease_until: null, last_error: "test over" })
      .where("organization_id", "=", organizationId)
      .where("status", "=", "pending")
      .execute();
  }

  function track(r: Receiver | { close(): Promise<void> }): void {
    closers.push(() => r.close());
  }

  return {
    env,
    config,
    configEnv,
    start,
    stopAll,
    org,
    endpoint,
    rotate,
    event,
    publish,
    deliveriesOf,
    attemptsOf,
    waitForDeliveries,
    endpointRow,
    retire,
    track,
    async cleanup() {
      await stopAll();
      for (const close of closers.splice(0)) await close().catch(() => undefined);
      await env.cleanup();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;
