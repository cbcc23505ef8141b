import { newId, type Platform } from "@layers/contracts";
import { DEV_TOKEN_KEY, sealToken } from "@layers/runtime";
import type { E2EStack } from "./stack.ts";

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** A fresh sandbox account on one platform, billing in `currency`. */
async function sandboxAccount(sandboxUrl: string, platform: Platform, currency: string): Promise<{ platformAccountId: string; accessToken: string }> {
  switch (platform) {
    case "meta": {
      const a = await post<{ platformAccountId: string; accessToken: string }>(`${sandboxUrl}/_sandbox/meta/ad-accounts`, { currency, campaigns: [] });
      return a;
    }
    case "tiktok": {
      const a = await post<{ advertiserId: string; accessToken: string }>(`${sandboxUrl}/_sandbox/tiktok/advertisers`, { currency, campaigns: [] });
      return { platformAccountId: a.advertiserId, accessToken: a.accessToken };
    }
    case "apple": {
      const a = await post<{ orgId: number; accessToken: string }>(`${sandboxUrl}/_sandbox/apple/orgs`, { currency, campaigns: [] });
      return { platformAccountId: String(a.orgId), accessToken: a.accessToken };
    }
  }
}

/**
 * Puts a project's layer in `currency` and connects a new sandbox account billing in it (what the
 * OAuth connect flow will do), returning the Layers ad account id and the platform's account id.
 */
export async function connectAccountIn(stack: E2EStack, projectId: string, platform: Platform, currency: string): Promise<{ adAccountId: string; platformAccountId: string }> {
  const layer = await stack.env.db.selectFrom("layers").select("id").where("project_id", "=", projectId).where("platform", "=", platform).executeTakeFirstOrThrow();
  await stack.env.db.updateTable("layers").set({ currency }).where("id", "=", layer.id).execute();
  const acct = await sandboxAccount(stack.sandboxUrl, platform, currency);
  const adAccountId = newId("adAccount");
  await stack.env.db
    .insertInto("ad_accounts")
    .values({
      id: adAccountId,
      project_id: projectId,
      layer_id: layer.id,
      platform,
      platform_account_id: acct.platformAccountId,
      name: `${platform} ${currency}`,
      currency,
      access_token_enc: sealToken(acct.accessToken, DEV_TOKEN_KEY),
    })
    .execute();
  return { adAccountId, platformAccountId: acct.platformAccountId };
}
