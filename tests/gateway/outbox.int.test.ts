import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningGate } from "@layers/gate";
import { ensureStreams } from "@layers/runtime";
import { createHarness, type Harness } from "@layers/gateway/testing";
import { startTestGate } from "../support/gate.ts";

describe("outbox", () => {
  let h: Harness;
  let gate: RunningGate | null = null;
  let partner: string;
  let projectId: string;
  let campaignId: string;

  beforeAll(async () => {
    h = await createHarness({ verdictTimeoutMs: 2000 });
    ({ partner, projectId } = await h.seedTenant({ consent: true }));
    campaignId = await h.seedCampaign(projectId, { authority: { creative: "auto", tactical: "auto", structural: "auto" } });
  });
  afterAll(async () => {
    await gate?.stop();
    await h?.close();
  });

  it("outbox - when JetStream refuses the intent it is still stored and accepted (202); the gate's relay publishes it later", async () => {
    await h.env.nats.jsm.streams.delete(h.env.names.streams.intents);
    const res = await h.send("PATCH", `/v1/projects/${projectId}/ads/meta/campaigns/${campaignId}/budget`, {
      auth: partner,
      body: { dailyBudgetCents: 9900 },
      headers: { "x-request-id": "outbox-1", traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" },
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ status: "accepted", jobId: expect.stringMatching(/^job_/), campaignId });
    const intent = await h.env.db.selectFrom("write_intents").selectAll().where("job_id", "=", res.json().jobId).executeTakeFirstOrThrow();
    expect(intent).toMatchObject({ state: "accepted", operation: "update_budget", entity_key: `campaign:${campaignId}`, request_id: "outbox-1" });
    expect(intent.reply_to).toMatch(new RegExp(`^${h.env.names.prefix}\\.verdict\\.gw-[0-9a-f]{12}$`));
    expect(intent.traceparent).toBe("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    expect(intent.payload).toMatchObject({ actor: { type: "partner" }, source: "api", params: { campaignId, dailyBudgetCents: 9900 } });

    await ensureStreams(h.env.nats.jsm, h.env.names);
    gate = await startTestGate(h.env);
    await expect
      .poll(async () => (await h.send("GET", `/v1/jobs/${res.json().jobId}`, { auth: partner })).json().verdict?.decision, { timeout: 15_000, interval: 200 })
      .toBe("allow");
    const audit = await h.env.db.selectFrom("audit_log").select(["request_id", "operation"]).where("intent_id", "=", intent.id).executeTakeFirstOrThrow();
    expect(audit).toEqual({ request_id: "outbox-1", operation: "update_budget" });
  });
});
