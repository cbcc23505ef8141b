import { newId, PLATFORMS, type Platform } from "@layers/contracts";
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
  layers: Record<Platform, { layerId: string; adAccountId: string }>;
}

/**
 * A fresh, independent dev tenant: org, full-scope key, project (through the API, so its layers are
 * made exactly as a partner's would be), partner consent on every layer (by the customer, through the
 * gate; the Apple layer on the END_TO_END writer preset so partners may create campaigns), and one
 * sandbox account per platform with campaigns made outside Layers, connected to its layer.
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
  const layerList = await call("GET", `/v1/projects/${projectId}/layers`, key.secret);
  const layerIds = Object.fromEntries((layerList.json.data as Array<{ id: string; platform: string }>).map((l) => [l.platform, l.id]));

  const customerToken = signCustomerToken({ sub: newId("user"), org: orgId, project: projectId }, config.CUSTOMER_JWT_SECRET, 30 * 24 * 3600);
  const layers = {} as SeedDevResult["layers"];
  for (const platform of PLATFORMS) {
    const layerId = layerIds[platform];
    if (!layerId) throw new Error(`the project has no ${platform} layer`);
    const policy = { partnerWritesEnabled: true, ...(platform === "apple" ? { writerPreset: "END_TO_END" } : {}) };
    const consent = await call("PATCH", `/v1/projects/${projectId}/ads/${platform}/policy`, customerToken, policy);
    if (consent.status === 202) await waitForJob(call, String(consent.json.jobId), customerToken);
    const acct = await SANDBOX_ACCOUNTS[platform](sandbox, fetchImpl);
    const adAccountId = newId("adAccount");
    await db
      .insertInto("ad_accounts")
      .values({
        id: adAccountId,
        project_id: projectId,
        layer_id: layerId,
        platform,
        platform_account_id: acct.platformAccountId,
        name: acct.name,
        currency: acct.currency,
        access_token_enc: sealToken(acct.accessToken, config.TOKEN_ENCRYPTION_KEY),
      })
      .execute();
    layers[platform] = { layerId, adAccountId };
  }

  return {
    apiBaseUrl: api,
    sandboxBaseUrl: sandbox,
    orgId,
    apiKey: key.secret,
    projectId,
    customerToken,
    layers,
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

interface SandboxAccount {
  platformAccountId: string;
  accessToken: string;
  currency: string;
  name: string;
}

async function sandboxPost<T>(fetchImpl: typeof fetch, url: string, body: unknown): Promise<T> {
  const res = await fetchImpl(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`sandbox refused ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** One sandbox account per platform, each holding campaigns made outside Layers. */
const SANDBOX_ACCOUNTS: Record<Platform, (sandbox: string, fetchImpl: typeof fetch) => Promise<SandboxAccount>> = {
  async meta(sandbox, fetchImpl) {
    const name = "Dev Meta account";
    const a = await sandboxPost<{ platformAccountId: string; accessToken: string; currency: string }>(fetchImpl, `${sandbox}/_sandbox/meta/ad-accounts`, {
      name,
      currency: "USD",
      campaigns: [
        { name: "Evergreen prospecting", objective: "OUTCOME_SALES", status: "ACTIVE", daily_budget: 2500, adsets: [{ name: "Broad US", ads: [{ name: "Evergreen video" }] }] },
        { name: "Spring retargeting", objective: "OUTCOME_TRAFFIC", status: "PAUSED", daily_budget: 1200 },
      ],
    });
    return { ...a, name };
  },
  async tiktok(sandbox, fetchImpl) {
    const name = "Dev TikTok advertiser";
    const a = await sandboxPost<{ advertiserId: string; accessToken: string; currency: string }>(fetchImpl, `${sandbox}/_sandbox/tiktok/advertisers`, {
      name,
      currency: "USD",
      campaigns: [
        {
          campaign_name: "Always-on video views",
          objective_type: "VIDEO_VIEWS",
          budget_mode: "BUDGET_MODE_DAY",
          budget: 80,
          adgroups: [{ adgroup_name: "US all", budget_mode: "BUDGET_MODE_DAY", budget: 30, ads: [{ ad_name: "Spark clip" }] }],
        },
      ],
    });
    return { platformAccountId: a.advertiserId, accessToken: a.accessToken, currency: a.currency, name };
  },
  async apple(sandbox, fetchImpl) {
    const name = "Dev Apple Search Ads org";
    const a = await sandboxPost<{ orgId: number; accessToken: string; currency: string }>(fetchImpl, `${sandbox}/_sandbox/apple/orgs`, {
      name,
      currency: "USD",
      campaigns: [{ name: "Brand search US", dailyBudgetAmount: "150", adGroups: [{ name: "Brand exact", defaultBidAmount: "1.20", keywords: [{ text: "acme shoes", matchType: "EXACT" }] }] }],
    });
    return { platformAccountId: String(a.orgId), accessToken: a.accessToken, currency: a.currency, name };
  },
};
