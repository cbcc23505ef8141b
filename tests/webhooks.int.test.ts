import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { Webhook as SvixWebhook } from "svix";
import { EVENT_TYPES, WEBHOOK_MAX_OVERLAP_SECONDS, WEBHOOK_REPLAY_MAX_EVENTS, WEBHOOK_REPLAY_MAX_RANGE_DAYS, type LayersEvent } from "@layers/contracts";
import { loadConfig as loadWebhooksConfig } from "@layers/webhooks";
import { apiClient, eventually, waitForJob, type ApiClient } from "./support/api.ts";
import { readEvents } from "./support/events.ts";
import { startStack, type E2EStack } from "./support/stack.ts";
import { autoTenant, createCampaigns, type AutoTenant } from "./support/tenant.ts";
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "./support/webhook-receiver.ts";

const EP = "/v1/webhooks/endpoints";

/**
 * docs/webhooks.md end to end: a partner registers endpoints on a receiver on their own machine
 * (the dev allowlist), writes through the HTTP API become signed deliveries that the
 * `standardwebhooks` library verifies, and test, retry, resend, replay, rotation and 410 behave as
 * documented. Real gate, dispatcher, sandbox and webhooks service.
 */
describe("webhooks end to end", () => {
  let stack: E2EStack;
  let receiver: WebhookReceiver;
  let t: AutoTenant;
  let partner: ApiClient;
  let customer: ApiClient;
  let startedAt: string;
  let all: { id: string; secret: string };
  let kill: { id: string; secret: string };
  /** Events from before the endpoints existed (the tenant's setup: its policy changes end jobs too) are delivered to nobody. */
  let registeredAt = 0;
  let testDelivery: { eventId: string; deliveryId: string };

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    stack = await startStack({ webhooks: true });
    startedAt = new Date().toISOString();
    t = await autoTenant(stack);
    partner = t.partner;
    customer = apiClient(stack.apiUrl, t.seed.customerToken);
  });
  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
  });

  const at = (path: string) => receiver.received.filter((r) => r.path === path);
  const idsAt = (path: string) => at(path).map((r) => r.headers["webhook-id"]!);
  const verify = (secret: string, r: ReceivedWebhook) => new Webhook(secret).verify(r.body, r.headers) as LayersEvent;
  const arrivals = (path: string, eventId: string, n = 1) =>
    eventually(async () => {
      const got = at(path).filter((r) => r.headers["webhook-id"] === eventId);
      return got.length >= n ? got : undefined;
    }, `${n} deliveries of ${eventId} to ${path}`);
  const deliveryOf = (endpointId: string, deliveryId: string, until: (d: any) => boolean) =>
    eventually(async () => {
      const res = await partner.get(`${EP}/${endpointId}/deliveries?limit=100`);
      const d = res.body.data.find((x: { id: string }) => x.id === deliveryId);
      return d && until(d) ? d : undefined;
    }, `delivery ${deliveryId}`);
  const sendTest = async (endpointId: string) => {
    const res = await partner.post(`${EP}/${endpointId}/test`);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return res.body as { eventId: string; deliveryId: string };
  };

  it("webhooks e2e - a partner registers endpoints on a local receiver; the test event arrives and verifies", async () => {
    registeredAt = Date.now();
    const res = await partner.post(EP, { url: `${receiver.url}/all`, description: "everything" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    all = { id: res.body.id, secret: res.body.secret };
    const k = await partner.post(EP, { url: `${receiver.url}/kill`, events: ["kill_switch.*"] });
    expect(k.status).toBe(201);
    kill = { id: k.body.id, secret: k.body.secret };
    expect((await partner.get(`${EP}/${all.id}`)).body.secret).toBeUndefined();

    testDelivery = await sendTest(all.id);
    const [got] = await arrivals("/all", testDelivery.eventId);
    const event = verify(all.secret, got!);
    expect(event).toEqual({ id: testDelivery.eventId, type: "webhook.test", createdAt: expect.any(String), data: { organizationId: t.seed.orgId, endpointId: all.id, message: expect.any(String) } });
    expect(got!.headers).toMatchObject({ "content-type": "application/json", "user-agent": "Layers-Webhooks/1", "webhook-id": testDelivery.eventId });
    expect(got!.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(Math.abs(Number(got!.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(30);
    // svix verifies the same headers (docs/webhooks.md); a wrong secret verifies with neither.
    // (svix 2.x's verify returns nothing; it throws when the signature does not match.)
    expect(() => new SvixWebhook(all.secret).verify(got!.body, got!.headers)).not.toThrow();
    expect(() => verify(kill.secret, got!)).toThrow();
    expect(() => new SvixWebhook(kill.secret).verify(got!.body, got!.headers)).toThrow();

    const d = await deliveryOf(all.id, testDelivery.deliveryId, (x) => x.status === "succeeded");
    expect(d).toMatchObject({ origin: "test", eventType: "webhook.test", attemptCount: 1, lastStatusCode: 204, lastError: null, nextAttemptAt: null });
    expect(d.attempts).toEqual([{ attempt: 1, at: expect.any(String), statusCode: 204, latencyMs: expect.any(Number), error: null, responseExcerpt: null }]);
    expect(at("/kill")).toEqual([]);
  });

  let deniedVerdictId: string;
  let pendingActionId: string;

  it("webhooks e2e - HTTP writes (budget change, kill switch, denied write, approval, budget cap) arrive as verified deliveries", async () => {
    const P = t.seed.projectId;
    const [cmp] = await createCampaigns(t, 1, "Webhooks");
    const budget = await partner.patch(`${t.campaignsPath}/${cmp!.id}/budget`, { dailyBudgetCents: 2500 });
    expect(budget.status, JSON.stringify(budget.body)).toBe(202);
    expect((await waitForJob(partner, budget.body.jobId)).status).toBe("completed");

    expect((await customer.put(`/v1/projects/${P}/ads/meta/kill-switch`, { active: true, reason: "creative incident" })).status).toBe(200);
    const denied = await partner.post(`${t.campaignsPath}/${cmp!.id}/pause`);
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: "AUTHORITY_DENIED", reason: "kill_switch_active" });
    deniedVerdictId = denied.body.verdictId;
    expect((await customer.put(`/v1/projects/${P}/ads/meta/kill-switch`, { active: false })).status).toBe(200);

    expect((await partner.patch(`${t.campaignsPath}/${cmp!.id}/authority`, { authority: { tactical: "draft" } })).status).toBe(200);
    const queued = await partner.patch(`${t.campaignsPath}/${cmp!.id}/budget`, { dailyBudgetCents: 3000 });
    expect(queued.body).toMatchObject({ status: "pending_approval" });
    pendingActionId = queued.body.pendingActionId;
    const approved = await partner.post(`/v1/projects/${P}/ads/meta/pending/${pendingActionId}/approve`, { comment: "ship it" });
    expect(approved.status, JSON.stringify(approved.body)).toBe(202);
    expect((await waitForJob(partner, queued.body.jobId)).status).toBe("completed");

    // The customer caps daily budgets; a partner budget above the cap is denied and announced.
    expect((await customer.patch(`/v1/projects/${P}/ads/meta/policy`, { maxDailyBudgetCents: 4000 })).status).toBe(200);
    expect((await partner.patch(`${t.campaignsPath}/${cmp!.id}/authority`, { authority: { tactical: "auto" } })).status).toBe(200);
    const capped = await partner.patch(`${t.campaignsPath}/${cmp!.id}/budget`, { dailyBudgetCents: 9000 });
    expect(capped.status).toBe(403);
    expect(capped.body).toMatchObject({ code: "AUTHORITY_DENIED", reason: "budget_cap_exceeded" });

    // Every event of the org on the stream reaches /all (once), signed with its secret; /kill only gets kill_switch.*.
    const streamed = await eventually(async () => {
      const events = (await readEvents(stack)).filter((e) => e.data.organizationId === t.seed.orgId && Date.parse(e.createdAt) >= registeredAt);
      const types = events.map((e) => e.type);
      if (!types.includes("approval.dispatched") || !types.includes("kill_switch.released") || !types.includes("ads.budget.cap_exceeded")) return undefined;
      const got = new Set(idsAt("/all"));
      return events.every((e) => got.has(e.id)) ? events : undefined;
    }, "every event delivered to /all", 30_000);
    const byId = new Map(streamed.map((e) => [e.id, e]));
    const received = at("/all").filter((r) => byId.has(r.headers["webhook-id"]!));
    expect(received).toHaveLength(streamed.length);
    for (const r of received) {
      const event = verify(all.secret, r);
      expect(event).toEqual(byId.get(r.headers["webhook-id"]!));
      expect(r.body.startsWith(`{"id":"${event.id}","type":"${event.type}","createdAt":`)).toBe(true);
    }
    const find = (type: string, pred: (e: LayersEvent) => boolean = () => true) => {
      const e = streamed.find((x) => x.type === type && pred(x));
      expect(e, type).toBeDefined();
      return e!;
    };
    expect(find("ads.write.executed", (e) => e.data.operation === "update_budget" && e.data.jobId === budget.body.jobId).data).toMatchObject({ projectId: P, campaignId: cmp!.id, platform: "meta" });
    expect(find("kill_switch.tripped").data).toMatchObject({ active: true, reason: "creative incident", actor: { type: "customer" } });
    expect(find("ads.write.denied").data).toMatchObject({ reason: "kill_switch_active", verdictId: deniedVerdictId, operation: "pause_campaign", campaignId: cmp!.id });
    expect(find("kill_switch.released").data).toMatchObject({ active: false });
    expect(find("ads.budget.cap_exceeded").data).toMatchObject({ verdictId: capped.body.verdictId, campaignId: cmp!.id });
    expect(find("ads.write.denied", (e) => e.data.reason === "budget_cap_exceeded").data).toMatchObject({ operation: "update_budget" });
    expect(find("approval.approved").data).toMatchObject({ pendingActionId, comment: "ship it", approvedBy: { type: "partner" } });
    expect(find("approval.dispatched").data).toMatchObject({ pendingActionId, campaignId: cmp!.id, platformCampaignId: cmp!.platformId });

    const killIds = streamed.filter((e) => e.type.startsWith("kill_switch.")).map((e) => e.id);
    await eventually(async () => (idsAt("/kill").length >= 2 ? true : undefined), "kill switch deliveries");
    expect(idsAt("/kill").sort()).toEqual([...killIds].sort());
    for (const r of at("/kill")) expect(verify(kill.secret, r).type).toMatch(/^kill_switch\./);

    const log = (await partner.get(`${EP}/${kill.id}/deliveries`)).body.data;
    expect(log.map((d: { eventId: string; status: string; origin: string }) => [d.eventId, d.status, d.origin]).sort()).toEqual(killIds.map((id) => [id, "succeeded", "event"]).sort());
  });

  it("webhooks e2e - a failing receiver is retried on the ladder until it answers 2xx", async () => {
    let failures = 0;
    receiver.respond = (r) => (r.path === "/all" && r.headers["webhook-id"] !== undefined && JSON.parse(r.body).type === "webhook.test" && failures < 2 ? [500, 503][failures++]! : 204);
    const sent = await sendTest(all.id);
    const got = await arrivals("/all", sent.eventId, 3);
    receiver.respond = () => 204;
    expect(got.map((r) => r.answered)).toEqual([500, 503, 204]);
    // Same id and body on every attempt; a fresh timestamp and signature each time.
    expect(new Set(got.map((r) => r.body)).size).toBe(1);
    for (const r of got) expect(verify(all.secret, r).id).toBe(sent.eventId);
    const d = await deliveryOf(all.id, sent.deliveryId, (x) => x.status === "succeeded");
    expect(d.attempts.map((a: { attempt: number; statusCode: number }) => [a.attempt, a.statusCode])).toEqual([[1, 500], [2, 503], [3, 204]]);
    expect(d.attempts[0].error).toMatch(/500/);
    expect(d.attempts[0].responseExcerpt).toBe("nope");
  });

  it("webhooks e2e - resend re-delivers one delivery; replay re-delivers a range to one endpoint", async () => {
    const resend = await partner.post(`${EP}/${all.id}/deliveries/${testDelivery.deliveryId}/resend`);
    expect(resend.status, JSON.stringify(resend.body)).toBe(202);
    expect(resend.body).toMatchObject({ id: testDelivery.deliveryId, status: "pending", attemptCount: 1 });
    const again = await arrivals("/all", testDelivery.eventId, 2);
    expect(verify(all.secret, again[1]!).id).toBe(testDelivery.eventId);
    const d = await deliveryOf(all.id, testDelivery.deliveryId, (x) => x.status === "succeeded" && x.attemptCount === 2);
    expect(d.attempts.map((a: { attempt: number }) => a.attempt)).toEqual([1, 2]);

    const before = at("/kill").length;
    const replay = await partner.post(`${EP}/${kill.id}/replay`, { since: startedAt });
    expect(replay.status, JSON.stringify(replay.body)).toBe(202);
    expect(replay.body).toEqual({ deliveries: 2 });
    const replayed = await eventually(async () => (at("/kill").length >= before + 2 ? at("/kill").slice(before) : undefined), "replayed kill switch events");
    expect(replayed.map((r) => r.headers["webhook-id"]).sort()).toEqual(idsAt("/kill").slice(0, before).sort());
    for (const r of replayed) expect(verify(kill.secret, r).type).toMatch(/^kill_switch\./);
    const log = (await partner.get(`${EP}/${kill.id}/deliveries?limit=10`)).body.data;
    expect(log.filter((x: { origin: string }) => x.origin === "replay")).toHaveLength(2);
  });

  it("webhooks e2e - rotation: both signatures during the overlap, only the new one after a 0 s rotation", async () => {
    const old = all.secret;
    const rotated = await partner.post(`${EP}/${all.id}/rotate-secret`, { overlapSeconds: 3600 });
    expect(rotated.status).toBe(200);
    const fresh = rotated.body.secret as string;
    const during = (await arrivals("/all", (await sendTest(all.id)).eventId))[0]!;
    const sigs = during.headers["webhook-signature"]!.split(" ");
    expect(sigs).toHaveLength(2);
    expect(sigs.every((s) => s.startsWith("v1,"))).toBe(true);
    expect(verify(fresh, during).type).toBe("webhook.test");
    expect(verify(old, during).type).toBe("webhook.test");
    expect(() => new SvixWebhook(old).verify(during.body, during.headers)).not.toThrow();
    expect(() => new SvixWebhook(fresh).verify(during.body, during.headers)).not.toThrow();
    // Each signature alone verifies with exactly one of the secrets (new first).
    const only = (sig: string) => ({ ...during.headers, "webhook-signature": sig });
    expect(() => new Webhook(fresh).verify(during.body, only(sigs[0]!))).not.toThrow();
    expect(() => new Webhook(old).verify(during.body, only(sigs[1]!))).not.toThrow();
    expect(() => new Webhook(old).verify(during.body, only(sigs[0]!))).toThrow();

    const leaked = await partner.post(`${EP}/${all.id}/rotate-secret`, { overlapSeconds: 0 });
    expect(leaked.body.previousSecretExpiresAt).toBeNull();
    const newest = leaked.body.secret as string;
    const after = (await arrivals("/all", (await sendTest(all.id)).eventId))[0]!;
    expect(after.headers["webhook-signature"]!.split(" ")).toHaveLength(1);
    expect(verify(newest, after).type).toBe("webhook.test");
    expect(() => verify(fresh, after)).toThrow();
    expect(() => verify(old, after)).toThrow();
    all.secret = newest;
  });

  it("webhooks e2e - a 410 disables the endpoint, the other endpoints hear about it, and test is refused until re-enabled", async () => {
    const gone = await partner.post(EP, { url: `${receiver.url}/gone` });
    expect(gone.status).toBe(201);
    receiver.respond = (r) => (r.path === "/gone" ? 410 : 204);
    await sendTest(gone.body.id);
    const ep = await eventually(async () => {
      const r = await partner.get(`${EP}/${gone.body.id}`);
      return r.body.enabled === false ? r.body : undefined;
    }, "the endpoint to be disabled");
    expect(ep.disabledReason).toMatch(/410/);
    const notice = await eventually(async () => {
      const r = at("/all").find((x) => JSON.parse(x.body).type === "webhook.endpoint.disabled");
      return r ? verify(all.secret, r) : undefined;
    }, "webhook.endpoint.disabled at /all");
    expect(notice.data).toMatchObject({ organizationId: t.seed.orgId, endpointId: gone.body.id, cause: "gone", url: `${receiver.url}/gone` });
    expect(at("/kill").some((x) => JSON.parse(x.body).type === "webhook.endpoint.disabled")).toBe(false);
    const refused = await partner.post(`${EP}/${gone.body.id}/test`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("CONFLICT");

    receiver.respond = () => 204;
    expect((await partner.patch(`${EP}/${gone.body.id}`, { enabled: true })).body).toMatchObject({ enabled: true, disabledReason: null });
    const back = await sendTest(gone.body.id);
    expect(verify(gone.body.secret, (await arrivals("/gone", back.eventId))[0]!).type).toBe("webhook.test");
  });
});

describe("docs/webhooks.md", () => {
  const doc = readFileSync(new URL("../docs/webhooks.md", import.meta.url), "utf8");
  const catalogue = doc.slice(doc.indexOf("## Event catalogue"));

  it("webhooks docs - the catalogue names every event type", () => {
    for (const type of EVENT_TYPES) expect(catalogue, type).toContain(`\`${type}\``);
  });

  it("webhooks docs - the ladder, disable rule and limits match the code's defaults", () => {
    const c = loadWebhooksConfig({});
    const human = (ms: number) => (ms === 0 ? "at once" : ms < 60_000 ? `${ms / 1000} s` : ms < 3_600_000 ? `${ms / 60_000} min` : `${ms / 3_600_000} h`);
    const row = `| delay after the previous one | ${c.WEBHOOK_RETRY_SCHEDULE_MS.map(human).join(" | ")} |`;
    expect(doc).toContain(row);
    expect(doc).toContain(`After ${c.WEBHOOK_RETRY_SCHEDULE_MS.length} failed attempts`);
    expect(doc).toContain(`up to ${c.WEBHOOK_RETRY_JITTER * 100} % random jitter`);
    expect(doc).toContain(`within ${c.WEBHOOK_TIMEOUT_MS / 1000} seconds`);
    expect(doc).toContain(`capped at ${c.WEBHOOK_RETRY_AFTER_CAP_MS / 3_600_000} hour`);
    expect(doc).toContain(`failed for ${c.WEBHOOK_DISABLE_AFTER_MS / 86_400_000} days in a`);
    expect(doc).toContain(`0 to ${WEBHOOK_MAX_OVERLAP_SECONDS.toLocaleString("en").replace(",", " ")}`);
    expect(doc).toContain(`at most **${WEBHOOK_REPLAY_MAX_RANGE_DAYS} days** and **${WEBHOOK_REPLAY_MAX_EVENTS.toLocaleString("en").replace(",", " ")} events**`);
  });
});
