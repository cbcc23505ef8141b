import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, expectProblem, type Harness } from "./test-support/harness.ts";

describe("tenancy", () => {
  let h: Harness;
  let orgA: string;
  let orgB: string;
  let keyA: string;
  let keyB: string;
  let projectA: string;
  let projectA2: string;
  let campaignA: string;
  let pendingA: string;
  let jobA: string;

  beforeAll(async () => {
    h = await createHarness({ verdictTimeoutMs: 100 });
    orgA = await h.seedOrg();
    orgB = await h.seedOrg();
    keyA = (await h.mintKey(orgA, ["*"])).secret;
    keyB = (await h.mintKey(orgB, ["*"])).secret;
    projectA = (await h.createProject(keyA, "A")).id;
    projectA2 = (await h.createProject(keyA, "A2")).id;
    campaignA = await h.seedCampaign(projectA);
    ({ pendingActionId: pendingA, jobId: jobA } = await h.seedPending(orgA, projectA, campaignA));
  });
  afterAll(async () => h?.close());

  const reads = () => [
    `/v1/projects/${projectA}`,
    `/v1/projects/${projectA}/layers`,
    `/v1/projects/${projectA}/ads/campaigns`,
    `/v1/projects/${projectA}/ads/meta/campaigns`,
    `/v1/projects/${projectA}/ads/meta/campaigns/${campaignA}`,
    `/v1/projects/${projectA}/ads/meta/campaigns/${campaignA}/authority`,
    `/v1/projects/${projectA}/ads/meta/defaults`,
    `/v1/projects/${projectA}/ads/meta/pending`,
    `/v1/projects/${projectA}/ads/meta/pending/${pendingA}`,
    `/v1/jobs/${jobA}`,
  ];

  it("tenancy - every read of another org's project, campaign, pending action or job is 404, never 403", async () => {
    for (const url of reads()) {
      expect((await h.send("GET", url, { auth: keyA })).statusCode, url).toBe(200);
      expectProblem(await h.send("GET", url, { auth: keyB }), 404, "NOT_FOUND");
    }
  });

  it("tenancy - writes into another org's project are 404 and store nothing", async () => {
    const before = { jobs: await h.count("jobs"), intents: await h.count("write_intents") };
    const P = `/v1/projects/${projectA}`;
    const writes: Array<["POST" | "PATCH", string, unknown]> = [
      ["PATCH", P, { name: "stolen" }],
      ["POST", `${P}/archive`, {}],
      ["PATCH", `${P}/ads/meta/campaigns/${campaignA}/budget`, { dailyBudgetCents: 1 }],
      ["POST", `${P}/ads/meta/campaigns/${campaignA}/pause`, {}],
      ["PATCH", `${P}/ads/meta/campaigns/${campaignA}/authority`, { authority: { tactical: "auto" } }],
      ["PATCH", `${P}/ads/meta/defaults`, { authority: { tactical: "auto" } }],
      ["POST", `${P}/ads/meta/pending/${pendingA}/approve`, {}],
      ["POST", `${P}/ads/meta/pending/${pendingA}/reject`, { reason: "x" }],
    ];
    for (const [method, url, body] of writes) expectProblem(await h.send(method, url, { auth: keyB, body }), 404, "NOT_FOUND");
    expect({ jobs: await h.count("jobs"), intents: await h.count("write_intents") }).toEqual(before);
    const project = await h.send("GET", P, { auth: keyA });
    expect(project.json()).toMatchObject({ name: "A", status: "active" });
  });

  it("tenancy - a customer of one project cannot see the org's other project", async () => {
    const token = h.customerToken(orgA, projectA);
    expect((await h.send("GET", `/v1/projects/${projectA}`, { auth: token })).statusCode).toBe(200);
    expectProblem(await h.send("GET", `/v1/projects/${projectA2}`, { auth: token }), 404, "NOT_FOUND");
    const list = await h.send("GET", "/v1/projects", { auth: token });
    expect(list.json().data.map((p: { id: string }) => p.id)).toEqual([projectA]);
    expect((await h.send("GET", `/v1/jobs/${jobA}`, { auth: token })).statusCode).toBe(200);
    expectProblem(await h.send("GET", `/v1/jobs/${jobA}`, { auth: h.customerToken(orgA, projectA2) }), 404, "NOT_FOUND");
  });

  it("tenancy - a customer token minted for another org's project sees nothing of it", async () => {
    const token = h.customerToken(orgB, projectA);
    for (const url of reads()) expectProblem(await h.send("GET", url, { auth: token }), 404, "NOT_FOUND");
  });

  it("tenancy - a campaign addressed under the wrong platform or project is 404", async () => {
    expectProblem(await h.send("GET", `/v1/projects/${projectA}/ads/tiktok/campaigns/${campaignA}`, { auth: keyA }), 404, "NOT_FOUND");
    expectProblem(await h.send("GET", `/v1/projects/${projectA2}/ads/meta/campaigns/${campaignA}`, { auth: keyA }), 404, "NOT_FOUND");
    expectProblem(await h.send("GET", `/v1/projects/${projectA}/ads/snapchat/campaigns`, { auth: keyA }), 404, "NOT_FOUND");
    expectProblem(await h.send("GET", `/v1/projects/not-a-uuid`, { auth: keyA }), 404, "NOT_FOUND");
    expectProblem(await h.send("GET", `/v1/jobs/job_nope`, { auth: keyA }), 404, "NOT_FOUND");
  });

  it("tenancy - the audit log and project list never show another org's rows", async () => {
    const list = await h.send("GET", "/v1/projects", { auth: keyB });
    expect(list.json()).toEqual({ data: [], nextCursor: null });
    // Org A's own decisions so far (a seeded pending action is queued by a decision too).
    const ownBefore = (await h.send("GET", "/v1/audit-log", { auth: keyA })).json().data.length;
    // A real stored intent (the seeded decision's): the audit answer is checked against the API document.
    const stored = await h.env.db.selectFrom("audit_log").select("intent").where("organization_id", "=", orgA).executeTakeFirstOrThrow();
    await h.env.db
      .insertInto("audit_log")
      .values({
        id: crypto.randomUUID(),
        organization_id: orgA,
        project_id: projectA,
        actor_type: "partner",
        operation: "update_budget",
        axis: "tactical",
        decision: "deny",
        reason: "authority_axis_off",
        intent: JSON.stringify(stored.intent),
      })
      .execute();
    expect((await h.send("GET", "/v1/audit-log", { auth: keyA })).json().data).toHaveLength(ownBefore + 1);
    expect((await h.send("GET", "/v1/audit-log", { auth: keyB })).json().data).toHaveLength(0);
    expect((await h.send("GET", `/v1/audit-log?projectId=${projectA}`, { auth: keyB })).json().data).toHaveLength(0);
  });
});
