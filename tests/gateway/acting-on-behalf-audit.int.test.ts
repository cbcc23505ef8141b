import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningGate } from "@layers/gate";
import { acting, createChild, createHarness, expectProblem, mintChildKey, seedParent, type Family, type Harness } from "@layers/gateway/testing";
import { startTestGate } from "../support/gate.ts";

/**
 * Issue 15 §2: a parent's `org:admin` key acting inside a child through `X-Layers-Organization`
 * goes through the real gate like any write; the audit row records the acting parent org and key
 * and the child the write belongs to, and the child's own audit log shows it.
 */
describe("acting on behalf of a child: gated writes and their audit rows", () => {
  let h: Harness;
  let gate: RunningGate | null;
  let p: Family;
  let child: string;
  let childKey: { id: string; secret: string };
  let projectId: string;
  let adAccountId: string;

  beforeAll(async () => {
    h = await createHarness({ verdictTimeoutMs: 3000 });
    gate = await startTestGate(h.env);
    p = await seedParent(h);
    child = (await createChild(h, p.admin, "Onboarded customer")).id;
    childKey = await mintChildKey(h, p.admin, child, ["ads:read", "audit:read", "projects:read"]);
    const res = await h.send("POST", "/v1/projects", { auth: p.admin, headers: acting(child), body: { name: "Customer app" } });
    expect(res.statusCode, res.body).toBe(201);
    projectId = res.json().id;
    adAccountId = await h.seedAdAccount(projectId);
    await h.env.db.updateTable("layers").set({ partner_writes_enabled: true }).where("project_id", "=", projectId).execute();
  });
  afterAll(async () => {
    await gate?.stop();
    await h?.close();
  });

  it("a campaign created on behalf of the child belongs to the child; the audit row names parent org, parent key and child", async () => {
    const res = await h.send("POST", `/v1/projects/${projectId}/ads/meta/campaigns`, {
      auth: p.admin,
      headers: acting(child),
      body: { adAccountId, name: "First campaign", outcome: "traffic", dailyBudgetCents: 5000, campaignManagementMode: "autopilot", creativeMode: "autopilot" },
    });
    expect(res.statusCode, res.body).toBe(202);
    const { verdictId, campaignId } = res.json();
    const audit = await h.env.db.selectFrom("audit_log").selectAll().where("id", "=", verdictId).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      organization_id: child,
      project_id: projectId,
      actor_type: "partner",
      actor_organization_id: p.parent,
      actor_api_key_id: p.adminKeyId,
      actor_on_behalf_of: child,
      // The layer defaults are draft: the create is queued for the child's approval.
      decision: "queue_for_approval",
    });
    expect(audit.intent).toMatchObject({ organizationId: child, actor: { organizationId: p.parent, apiKeyId: p.adminKeyId, onBehalfOf: child } });
    const campaign = await h.env.db.selectFrom("campaigns").select("project_id").where("id", "=", campaignId).executeTakeFirstOrThrow();
    expect(campaign.project_id).toBe(projectId);

    // The child's audit log shows the row (its own key, and the parent through the header); the parent's own log does not.
    const childLog = await h.send("GET", "/v1/audit-log?limit=100", { auth: childKey.secret });
    expect(childLog.statusCode, childLog.body).toBe(200);
    expect(childLog.json().data.find((r: { verdictId: string }) => r.verdictId === verdictId)).toMatchObject({
      actorOrganizationId: p.parent,
      actorApiKeyId: p.adminKeyId,
      actorOnBehalfOf: child,
    });
    const viaHeader = await h.send("GET", "/v1/audit-log?limit=100", { auth: p.admin, headers: acting(child) });
    expect(viaHeader.json().data.map((r: { verdictId: string }) => r.verdictId)).toContain(verdictId);
    const parentOwn = await h.send("GET", "/v1/audit-log?limit=100", { auth: p.admin });
    expect(parentOwn.json().data.map((r: { verdictId: string }) => r.verdictId)).not.toContain(verdictId);
  });

  it("a denied write on behalf of the child is audited with the same attribution", async () => {
    await h.env.db.updateTable("layers").set({ partner_writes_enabled: false }).where("project_id", "=", projectId).execute();
    const res = await h.send("POST", `/v1/projects/${projectId}/ads/meta/campaigns`, {
      auth: p.admin,
      headers: acting(child),
      body: { adAccountId, name: "Refused", outcome: "traffic", dailyBudgetCents: 5000, campaignManagementMode: "autopilot", creativeMode: "autopilot" },
    });
    const problem = expectProblem(res, 403, "AUTHORITY_DENIED");
    const audit = await h.env.db.selectFrom("audit_log").selectAll().where("id", "=", problem.verdictId).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ organization_id: child, decision: "deny", actor_organization_id: p.parent, actor_api_key_id: p.adminKeyId, actor_on_behalf_of: child });
    await h.env.db.updateTable("layers").set({ partner_writes_enabled: true }).where("project_id", "=", projectId).execute();
  });

  it("a write by the child's own key carries no on-behalf attribution", async () => {
    const writer = await mintChildKey(h, p.admin, child, ["ads:write:campaigns"]);
    const res = await h.send("POST", `/v1/projects/${projectId}/ads/meta/campaigns`, {
      auth: writer.secret,
      body: { adAccountId, name: "By the child", outcome: "traffic", dailyBudgetCents: 5000, campaignManagementMode: "autopilot", creativeMode: "autopilot" },
    });
    expect(res.statusCode, res.body).toBe(202);
    const audit = await h.env.db.selectFrom("audit_log").selectAll().where("id", "=", res.json().verdictId).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ organization_id: child, actor_organization_id: child, actor_api_key_id: writer.id, actor_on_behalf_of: null });
  });
});
