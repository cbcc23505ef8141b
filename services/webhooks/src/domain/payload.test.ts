import { Webhook as StandardWebhook } from "standardwebhooks";
import { Webhook as SvixWebhook } from "svix";
import { describe, expect, it } from "vitest";
import { newWebhookSecret } from "@layers/runtime";
import { deliveryBody, deliveryHeaders } from "./payload.ts";

describe("delivery body", () => {
  const createdAt = new Date("2026-11-22T10:00:00.000Z");

  it("is {id, type, createdAt, data} in that order, from the stored envelope", () => {
    const payload = { data: { organizationId: "org_1", jobId: "job_1" }, type: "job.completed", createdAt: "2026-11-22T09:59:59.123Z", id: "evt_x" };
    const body = deliveryBody({ id: "evt_x", type: "job.completed", organizationId: "org_1", createdAt, payload });
    expect(body).toBe('{"id":"evt_x","type":"job.completed","createdAt":"2026-11-22T09:59:59.123Z","data":{"organizationId":"org_1","jobId":"job_1"}}');
  });

  it("always carries data.organizationId, falling back to the row", () => {
    const body = deliveryBody({ id: "evt_x", type: "job.completed", organizationId: "org_9", createdAt, payload: { data: { jobId: "job_1" } } });
    expect(JSON.parse(body)).toEqual({ id: "evt_x", type: "job.completed", createdAt: "2026-11-22T10:00:00.000Z", data: { jobId: "job_1", organizationId: "org_9" } });
    const bare = deliveryBody({ id: "evt_y", type: "job.failed", organizationId: "org_9", createdAt, payload: null });
    expect(JSON.parse(bare).data).toEqual({ organizationId: "org_9" });
  });
});

describe("delivery headers", () => {
  it("reproduce the Standard Webhooks published test vector", () => {
    const h = deliveryHeaders({
      eventId: "msg_p5jXN8AQM9LWM0D4loKWxJek",
      body: '{"test": 2432232314}',
      secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
      timestampSeconds: 1614265330,
    });
    expect(h["webhook-signature"]).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    expect(h["webhook-id"]).toBe("msg_p5jXN8AQM9LWM0D4loKWxJek");
    expect(h["webhook-timestamp"]).toBe("1614265330");
    expect(h["content-type"]).toBe("application/json");
    expect(h["user-agent"]).toMatch(/^Layers-Webhooks\//);
  });

  it("verify with the standardwebhooks and svix libraries, with either secret during a rotation", () => {
    const current = newWebhookSecret();
    const previous = newWebhookSecret();
    const body = deliveryBody({ id: "evt_0123456789abcdefghjkmnpqrs", type: "job.completed", organizationId: "org_1", createdAt: new Date(), payload: { data: { organizationId: "org_1" } } });
    const h = deliveryHeaders({ eventId: "evt_0123456789abcdefghjkmnpqrs", body, secrets: [current, previous], timestampSeconds: Math.floor(Date.now() / 1000) });
    expect(h["webhook-signature"].split(" ")).toHaveLength(2);
    for (const secret of [current, previous]) {
      expect(new StandardWebhook(secret).verify(body, h)).toEqual(JSON.parse(body));
      // svix's verify returns nothing and throws on a bad signature.
      expect(() => new SvixWebhook(secret).verify(body, h)).not.toThrow();
    }
    const stranger = newWebhookSecret();
    expect(() => new StandardWebhook(stranger).verify(body, h)).toThrow(/No matching signature/);
    expect(() => new SvixWebhook(stranger).verify(body, h)).toThrow(/No matching signature/);
    expect(() => new SvixWebhook(current).verify(body.replace("org_1", "org_2"), h)).toThrow(/No matching signature/);
  });
});
