import { newId } from "@layers/contracts";
import type { Db } from "@layers/db";
import { sealToken, signCustomerToken } from "@layers/runtime";
import type { OpsConfig } from "../config.ts";
import { createOrganization, mintApiKey } from "./orgs.ts";

export interface SeedDevResult {
  apiBaseUrl: string;
  sandboxBaseUrl: string;
  orgId: string;
  apiKey: string;
  projectId: string;
  customerToken: string;
  layers: { meta: { layerId: string; adAccountId: string } };
}

/**
 * A fresh, independent dev tenant: org, full-scope key, project (through the API, so its layers are
 * made exactly as a partner's would be), partner consent on the Meta layer (by the customer, through
 * the gate), and a sandbox Meta ad account with two pre-existing campaigns connected to it.
 */
export async function seedDev(db: Db, config: OpsConfig, fetchImpl: typeof fetch = fetch): Promise<SeedDevResult> {
  const api = config.API_BASE_URL.replace(/\/$/, "");
  const sandbox = config.SANDBOX_URL.replace(/\/$/, "");
  const stamp = new Date().toISOString();
  const { orgId } = await createOrganization(db, `Dev org ${stamp}`);
  const key = await mintApiKey(db, { orgId, scopes: ["*"], name: "dev (seed-dev)" });

  const call = async (method: string, path: string, bearer: string, body?: unknown) => {
    const res = await fetchImpl(api + path, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(method === "POST" ? { "idempotency-key": crypto.randomUUID() } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return { status: res.status, json };
  };

  const project = await call("POST", "/v1/projects", key.secret, { name: "Dev project", customerExternalId: `dev-${Date.now()}` });
  const projectId = String(project.json.id);
  const layers = await call("GET", `/v1/projects/${projectId}/layers`, key.secret);
  const meta = (layers.json.data as Array<{ id: string; platform: string }>).find((l) => l.platform === "meta");
  if (!meta) throw new Error("the project has no meta layer");

  const customerToken = signCustomerToken({ sub: newId("user"), org: orgId, project: projectId }, config.CUSTOMER_JWT_SECRET, 30 * 24 * 3600);
  const consent = await call("PATCH", `/v1/projects/${projectId}/ads/meta/policy`, customerToken, { partnerWritesEnabled: true });
  if (consent.status === 202) await waitForJob(call, String(consent.json.jobId), customerToken);

  const account = await fetchImpl(`${sandbox}/_sandbox/meta/ad-accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      name: "Dev Meta account",
      currency: "USD",
      campaigns: [
        { name: "Evergreen prospecting", objective: "OUTCOME_SALES", status: "ACTIVE", daily_budget: 2500 },
        { name: "Spring retargeting", objective: "OUTCOME_TRAFFIC", status: "PAUSED", daily_budget: 1200 },
      ],
    }),
  });
  if (!account.ok) throw new Error(`sandbox refused the ad account: ${account.status} ${await account.text()}`);
  const acct = (await account.json()) as { platformAccountId: string; accessToken: string; currency: string };
  const adAccountId = newId("adAccount");
  await db
    .insertInto("ad_accounts")
    .values({
      id: adAccountId,
      project_id: projectId,
      layer_id: meta.id,
      platform: "meta",
      platform_account_id: acct.platformAccountId,
      name: "Dev Meta account",
      currency: acct.currency,
      access_token_enc: sealToken(acct.accessToken, config.TOKEN_ENCRYPTION_KEY),
    })
    .execute();

  return {
    apiBaseUrl: api,
    sandboxBaseUrl: sandbox,
    orgId,
    apiKey: key.secret,
    projectId,
    customerToken,
    layers: { meta: { layerId: meta.id, adAccountId } },
  };
}

type Call = (method: string, path: string, bearer: string) => Promise<{ status: number; json: Record<string, unknown> }>;

async function waitForJob(call: Call, jobId: string, bearer: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const job = await call("GET", `/v1/jobs/${jobId}`, bearer);
    if (job.json.status === "completed") return;
    if (job.json.status === "failed" || job.json.status === "canceled") throw new Error(`job ${jobId} ended ${String(job.json.status)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`job ${jobId} did not finish in ${timeoutMs} ms (is the gate running?)`);
}
