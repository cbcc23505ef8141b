import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLayersClient } from "@layers/client";
import { apiClient, ledger, waitForJob, type ApiClient } from "./support/api.ts";
import { fetchBrowser } from "./support/connect.ts";
import { startStack, type E2EStack } from "./support/stack.ts";

const cli = fileURLToPath(new URL("../tools/ops/src/cli.ts", import.meta.url));
const run = promisify(execFile);

/**
 * Issue 15: a child organization's project connects ad accounts through the connect flow like any
 * project — driven by the parent acting inside the child (`X-Layers-Organization`) and by a key of
 * the child's own — and a customer token minted by `ops mint-customer-token` for the child's
 * project works: it consents, and the partner's campaign then lands on the connected account.
 */
describe("a child organization's project: connect flow and customer token", () => {
  let stack: E2EStack;
  let parentOrg: string;
  let childOrg: string;
  let projectId: string;
  let admin: ApiClient;
  const asChild = () => ({ "x-layers-organization": childOrg });
  const returnUrl = "http://127.0.0.1:9/partner/connected";

  const ops = async (...args: string[]) => {
    const { stdout } = await run(process.execPath, [cli, ...args], { env: { ...process.env, ...stack.childEnv({ API_BASE_URL: stack.apiUrl, SANDBOX_URL: stack.sandboxUrl }) } });
    return JSON.parse(stdout);
  };

  beforeAll(async () => {
    stack = await startStack();
    parentOrg = (await ops("create-org", "--name", "Partner parent")).orgId;
    admin = apiClient(stack.apiUrl, (await ops("mint-key", "--org", parentOrg, "--scopes", "*,org:admin")).secret);
    const child = await admin.post("/v1/organizations", { name: "Acme Coffee" });
    expect(child.status, JSON.stringify(child.body)).toBe(201);
    childOrg = child.body.id;
    const project = await admin.post("/v1/projects", { name: "Acme app" }, asChild());
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    expect(project.body.organizationId).toBe(childOrg);
    projectId = project.body.id;
  }, 60_000);
  afterAll(async () => stack?.stop());

  it("the parent, acting inside the child, registers return URLs and connects a Meta account through the consent page", async () => {
    expect((await admin.put("/v1/oauth/return-urls", { urls: ["http://127.0.0.1:9/partner/"] }, asChild())).status).toBe(200);
    // The allowlist is the child's: the parent's own org has none.
    expect((await admin.get("/v1/oauth/return-urls")).body.urls).toEqual([]);

    const start = await admin.post(`/v1/projects/${projectId}/ads/ad-accounts/oauth-url`, { platform: "meta_ads", returnUrl: `${returnUrl}?customer=acme` }, asChild());
    expect(start.status, JSON.stringify(start.body)).toBe(200);
    const back = await fetchBrowser()(start.body.url);
    expect(back.searchParams.get("status")).toBe("connected");
    const accountId = back.searchParams.get("accountId")!;
    expect(accountId).toMatch(/^aa_/);

    const accounts = await admin.get(`/v1/projects/${projectId}/ads/ad-accounts`, asChild());
    expect(accounts.body.data.map((a: { id: string }) => a.id)).toEqual([accountId]);
    const row = await stack.env.db.selectFrom("ad_accounts").innerJoin("projects", "projects.id", "ad_accounts.project_id").select("projects.organization_id").where("ad_accounts.id", "=", accountId).executeTakeFirstOrThrow();
    expect(row.organization_id).toBe(childOrg);
    // Without the header the parent is in its own org, where the child's project does not exist.
    expect((await admin.get(`/v1/projects/${projectId}/ads/ad-accounts`)).status).toBe(404);
  });

  it("a key of the child's own connects a second account; a sibling's key cannot see the project", async () => {
    const minted = await admin.post(`/v1/organizations/${childOrg}/api-keys`, { name: "acme backend", scopes: ["ads:read", "ads:write:connect"] });
    expect(minted.status, JSON.stringify(minted.body)).toBe(201);
    const childKey = apiClient(stack.apiUrl, minted.body.secret);
    const start = await childKey.post(`/v1/projects/${projectId}/ads/ad-accounts/oauth-url`, { platform: "meta_ads", returnUrl });
    expect(start.status, JSON.stringify(start.body)).toBe(200);
    const back = await fetchBrowser()(start.body.url);
    expect(back.searchParams.get("status")).toBe("connected");
    const second = back.searchParams.get("accountId")!;
    const list = await childKey.get(`/v1/projects/${projectId}/ads/ad-accounts`);
    expect(list.body.data.map((a: { id: string }) => a.id)).toContain(second);
    expect(list.body.data).toHaveLength(2);

    const sibling = await admin.post("/v1/organizations", { name: "Sibling" });
    const siblingKey = apiClient(stack.apiUrl, (await admin.post(`/v1/organizations/${sibling.body.id}/api-keys`, { name: "s", scopes: ["ads:read", "ads:write:connect"] })).body.secret);
    expect((await siblingKey.get(`/v1/projects/${projectId}/ads/ad-accounts`)).status).toBe(404);
    expect((await siblingKey.post(`/v1/projects/${projectId}/ads/ad-accounts/oauth-url`, { platform: "meta_ads", returnUrl })).status).toBe(404);
  });

  it("a customer token from ops mint-customer-token for the child's project consents; the parent's campaign then lands on the child's account", async () => {
    const minted = await ops("mint-customer-token", "--project", projectId, "--ttl", "10m");
    expect(minted.organizationId).toBe(childOrg);
    const customer = apiClient(stack.apiUrl, minted.token);
    expect((await customer.get("/v1/whoami")).body).toMatchObject({ organizationId: childOrg, parentOrganizationId: parentOrg, projectId, actor: { type: "customer" } });

    const consent = await customer.patch(`/v1/projects/${projectId}/ads/meta/policy`, { partnerWritesEnabled: true });
    expect([200, 202], JSON.stringify(consent.body)).toContain(consent.status);
    if (consent.status === 202) expect((await waitForJob(customer, consent.body.jobId, 30_000)).status).toBe("completed");
    expect((await customer.patch(`/v1/projects/${projectId}/ads/meta/defaults`, { authority: { structural: "auto", tactical: "auto" } })).status).toBe(200);

    // The parent writes inside the child with the typed client (organizationId sends the header).
    const parentKey = (await ops("mint-key", "--org", parentOrg, "--scopes", "*,org:admin")).secret as string;
    const layers = createLayersClient({ baseUrl: stack.apiUrl, apiKey: parentKey, organizationId: childOrg });
    const accounts = (await admin.get(`/v1/projects/${projectId}/ads/ad-accounts`, asChild())).body.data as Array<{ id: string; platformAccountId: string }>;
    const created = await layers.post("/v1/projects/{projectId}/ads/{platform}/campaigns", {
      params: { projectId, platform: "meta" },
      body: { adAccountId: accounts[0]!.id, name: "Acme launch", outcome: "traffic", dailyBudgetCents: 3000, campaignManagementMode: "autopilot", creativeMode: "autopilot" },
    });
    const job = await layers.waitForJob(created.jobId, { timeoutMs: 30_000 });
    expect(job.status, JSON.stringify(job)).toBe("completed");
    expect(job.organizationId).toBe(childOrg);
    const landed = (await ledger(stack.sandboxUrl)).filter((e) => e.op === "create" && e.objectId === String(job.result?.["platformId"]));
    expect(landed).toHaveLength(1);

    // The audit row names both: the child the write belongs to and the acting parent.
    const audit = await stack.env.db.selectFrom("audit_log").selectAll().where("id", "=", job.verdict!.verdictId).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_organization_id: parentOrg, actor_on_behalf_of: childOrg });
  });
});
