import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateReplySchema, type AuthorityBlock, type EvaluateReply, type EvaluateRequest } from "@layers/contracts";
import { GateHarness, type Tenant } from "./testing/gate-harness.ts";

const AUTO: AuthorityBlock = { creative: "auto", tactical: "auto", structural: "auto" };

let h: GateHarness;
beforeAll(async () => {
  h = await GateHarness.start({ RELAY_AFTER_MS: "600000" });
});
afterAll(async () => h.close());

async function ask(platform: string, body: unknown): Promise<EvaluateReply> {
  const msg = await h.env.nats.nc.request(`${h.env.names.prefix}.rpc.gate.evaluate.${platform}`, JSON.stringify(body), { timeout: 5000 });
  return evaluateReplySchema.parse(msg.json());
}

function request(t: Tenant, over: Partial<EvaluateRequest> = {}): EvaluateRequest {
  return {
    organizationId: t.orgId,
    projectId: t.projectId,
    layerId: t.layerId,
    platform: t.platform,
    operation: "update_budget",
    actor: h.actor(t, "partner"),
    params: { dailyBudgetCents: 9000 },
    requestId: "req-eval",
    ...over,
  };
}

describe("gate - evaluate RPC", () => {
  it("answers decide() on the stored policy: campaign block over layer defaults, cap, consent", async () => {
    const t = await h.seedTenant({ defaults: { creative: "draft", tactical: "draft", structural: "draft" }, partnerWritesEnabled: true, maxDailyBudgetCents: 10_000 });
    const own = await h.seedCampaign(t, { authority: AUTO });
    const inherits = await h.seedCampaign(t, { authority: null });
    expect(h.env.names.subjects.evaluate("meta")).toBe(`${h.env.names.prefix}.rpc.gate.evaluate.meta`);
    expect(await ask("meta", request(t, { campaignId: own }))).toEqual({ ok: true, decision: "allow", axis: "tactical" });
    expect(await ask("meta", request(t, { campaignId: inherits }))).toEqual({ ok: true, decision: "queue_for_approval", axis: "tactical" });
    expect(await ask("meta", request(t, { campaignId: own, params: { dailyBudgetCents: 10_001 } }))).toEqual({
      ok: true,
      decision: "deny",
      reason: "budget_cap_exceeded",
      axis: "tactical",
    });
    const noConsent = await h.seedTenant({ defaults: AUTO, partnerWritesEnabled: false });
    expect(await ask("meta", request(noConsent))).toEqual({ ok: true, decision: "deny", reason: "partner_consent_missing", axis: "tactical" });
    expect(await ask("meta", request(noConsent, { actor: h.actor(noConsent, "customer") }))).toEqual({ ok: true, decision: "allow", axis: "tactical" });
  });

  it("re-checks tenancy: another project's layer or campaign is NOT_FOUND; a malformed request or wrong subject is VALIDATION", async () => {
    const t = await h.seedTenant({ defaults: AUTO, partnerWritesEnabled: true });
    const other = await h.seedTenant({ defaults: AUTO, partnerWritesEnabled: true });
    const foreign = await h.seedCampaign(other);
    expect(await ask("meta", request(t, { campaignId: foreign }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await ask("meta", request(t, { layerId: other.layerId }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await ask("meta", { ...request(t), operation: "nope" })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await ask("tiktok", request(t))).toMatchObject({ ok: false, code: "VALIDATION" });
  });

  it("writes nothing", async () => {
    const t = await h.seedTenant({ defaults: AUTO, partnerWritesEnabled: true, maxDailyBudgetCents: 1 });
    const count = async () =>
      Promise.all((["audit_log", "write_intents", "jobs", "pending_actions", "campaigns"] as const).map(async (table) =>
        Number((await h.env.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n),
      ));
    const seqs = async () => Promise.all(Object.values(h.env.names.streams).map(async (s) => (await h.env.nats.jsm.streams.info(s)).state.last_seq));
    const campaignId = await h.seedCampaign(t);
    const before = [await count(), await seqs()];
    expect(await ask("meta", request(t, { campaignId }))).toMatchObject({ decision: "deny", reason: "budget_cap_exceeded" });
    expect([await count(), await seqs()]).toEqual(before);
  });
});
