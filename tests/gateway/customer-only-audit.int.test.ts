import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningGate } from "@layers/gate";
import { createHarness, expectProblem, type Harness } from "@layers/gateway/testing";
import { startTestGate } from "../support/gate.ts";

/**
 * SPEC §4 rule 1: a partner's attempt on a customer-only control is a gate decision — denied
 * `not_partner_writable` — and every decision is audited with the actor's attribution.
 */
describe("partner attempts on customer-only controls are audited", () => {
  let h: Harness;
  let gate: RunningGate | null;
  let org: string;
  let projectId: string;
  let customer: string;
  let partnerKey: { id: string; secret: string };
  const P = () => `/v1/projects/${projectId}`;

  beforeAll(async () => {
    h = await createHarness({ verdictTimeoutMs: 3000 });
    gate = await startTestGate(h.env);
    ({ org, projectId, customer } = await h.seedTenant({ consent: true }));
    partnerKey = await h.mintKey(org, ["*"]);
  });
  afterAll(async () => {
    await gate?.stop();
    await h?.close();
  });

  const layerState = () =>
    h.env.db
      .selectFrom("layers")
      .select(["platform", "kill_switch_active", "partner_writes_enabled", "ceiling", "max_daily_budget_cents", "writer_preset"])
      .where("project_id", "=", projectId)
      .orderBy("platform")
      .execute();

  // The family: every customer-only control, on every platform.
  const attempts: Array<{ name: string; method: "PUT" | "PATCH"; path: (pf: string) => string; body: object; operation: string }> = [
    { name: "kill switch on", method: "PUT", path: (pf) => `/ads/${pf}/kill-switch`, body: { active: true, reason: "partner tries" }, operation: "set_kill_switch" },
    { name: "kill switch off", method: "PUT", path: (pf) => `/ads/${pf}/kill-switch`, body: { active: false }, operation: "set_kill_switch" },
    { name: "consent", method: "PATCH", path: (pf) => `/ads/${pf}/policy`, body: { partnerWritesEnabled: false }, operation: "update_policy" },
    { name: "ceiling", method: "PATCH", path: (pf) => `/ads/${pf}/policy`, body: { ceiling: { creative: "auto", tactical: "auto", structural: "auto" } }, operation: "update_policy" },
    { name: "budget cap", method: "PATCH", path: (pf) => `/ads/${pf}/policy`, body: { maxDailyBudgetCents: 100 }, operation: "update_policy" },
  ];

  for (const platform of ["meta", "tiktok", "apple"] as const) {
    for (const a of attempts) {
      it(`${platform} ${a.name} - 403 CUSTOMER_ONLY with the verdict; the audit row carries the partner; nothing changes`, async () => {
        const before = await layerState();
        const res = await h.send(a.method, `${P()}${a.path(platform)}`, { auth: partnerKey.secret, body: a.body });
        const p = expectProblem(res, 403, "CUSTOMER_ONLY");
        expect(p.reason).toBe("not_partner_writable");
        expect(p.verdictId).toMatch(/^[0-9a-f-]{36}$/);
        const audit = await h.env.db.selectFrom("audit_log").selectAll().where("id", "=", p.verdictId).executeTakeFirstOrThrow();
        expect(audit).toMatchObject({
          operation: a.operation,
          decision: "deny",
          reason: "not_partner_writable",
          actor_type: "partner",
          actor_organization_id: org,
          actor_api_key_id: partnerKey.id,
          project_id: projectId,
          platform,
          request_id: res.headers["x-request-id"],
        });
        expect(await layerState()).toEqual(before);
      });
    }
  }

  it("apple writer preset - the partner's attempt is audited too", async () => {
    const res = await h.send("PATCH", `${P()}/ads/apple/policy`, { auth: partnerKey.secret, body: { writerPreset: "END_TO_END" } });
    const p = expectProblem(res, 403, "CUSTOMER_ONLY");
    const audit = await h.env.db.selectFrom("audit_log").selectAll().where("id", "=", p.verdictId).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ operation: "update_policy", decision: "deny", reason: "not_partner_writable", actor_api_key_id: partnerKey.id });
    const layer = await h.env.db.selectFrom("layers").select("writer_preset").where("project_id", "=", projectId).where("platform", "=", "apple").executeTakeFirstOrThrow();
    expect(layer.writer_preset ?? "ADGROUP_GRAIN").toBe("ADGROUP_GRAIN");
  });

  it("the partner sees its attempts in the audit log", async () => {
    const res = await h.send("PUT", `${P()}/ads/meta/kill-switch`, { auth: partnerKey.secret, body: { active: true } });
    const { verdictId } = expectProblem(res, 403, "CUSTOMER_ONLY");
    const log = await h.send("GET", `/v1/audit-log?projectId=${projectId}&decision=deny&limit=100`, { auth: partnerKey.secret });
    expect(log.statusCode, log.body).toBe(200);
    const row = log.json().data.find((r: { verdictId: string }) => r.verdictId === verdictId);
    expect(row).toMatchObject({ operation: "set_kill_switch", decision: "deny", reason: "not_partner_writable", actorType: "partner" });
  });

  it("a retry with the same Idempotency-Key replays the 403 and audits nothing more", async () => {
    const key = randomUUID();
    const send = () => h.send("PUT", `${P()}/ads/tiktok/kill-switch`, { auth: partnerKey.secret, body: { active: true }, headers: { "idempotency-key": key } });
    const first = expectProblem(await send(), 403, "CUSTOMER_ONLY");
    const auditRows = async () => (await h.env.db.selectFrom("audit_log").select("id").where("operation", "=", "set_kill_switch").execute()).length;
    const n = await auditRows();
    const again = await send();
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json()).toEqual(first);
    expect(await auditRows()).toBe(n);
  });

  it("malformed attempts and other orgs' projects are refused before anything is written", async () => {
    const rows = async () => (await h.env.db.selectFrom("audit_log").select("id").execute()).length;
    const n = await rows();
    expectProblem(await h.send("PUT", `${P()}/ads/meta/kill-switch`, { auth: partnerKey.secret, body: { active: "yes" } }), 422, "VALIDATION");
    expectProblem(await h.send("PATCH", `${P()}/ads/meta/policy`, { auth: partnerKey.secret, body: null }), 422, "VALIDATION");
    const other = await h.seedTenant();
    expectProblem(await h.send("PUT", `/v1/projects/${other.projectId}/ads/meta/kill-switch`, { auth: partnerKey.secret, body: { active: true } }), 404, "NOT_FOUND");
    expect(await rows()).toBe(n);
  });

  it("the customer still changes its controls (allow, audited as the customer)", async () => {
    const res = await h.send("PATCH", `${P()}/ads/meta/policy`, { auth: customer, body: { maxDailyBudgetCents: 900_000 } });
    expect(res.statusCode, res.body).toBe(200);
    const audit = await h.env.db.selectFrom("audit_log").selectAll().where("id", "=", res.json().verdictId).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ decision: "allow", actor_type: "customer" });
  });
});
