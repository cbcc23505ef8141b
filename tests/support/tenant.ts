import type { SeedDevResult } from "@layers/ops/seed-dev";
import { expect } from "vitest";
import { apiClient, waitForJob, type ApiClient } from "./api.ts";
import type { E2EStack } from "./stack.ts";

export interface AutoTenant {
  seed: SeedDevResult;
  partner: ApiClient;
  /** `act_<digits>`: the sandbox account, for faults and ledger filters. */
  account: string;
  campaignsPath: string;
}

/** A seeded tenant whose Meta layer dispatches at once (structural + tactical defaults auto). */
export async function autoTenant(stack: E2EStack): Promise<AutoTenant> {
  const seed = await stack.seed();
  const partner = apiClient(stack.apiUrl, seed.apiKey);
  const res = await partner.patch(`/v1/projects/${seed.projectId}/ads/meta/defaults`, { authority: { structural: "auto", tactical: "auto" } });
  expect(res.status).toBe(200);
  const row = await stack.env.db.selectFrom("ad_accounts").select("platform_account_id").where("id", "=", seed.layers.meta.adAccountId).executeTakeFirstOrThrow();
  return { seed, partner, account: `act_${row.platform_account_id}`, campaignsPath: `/v1/projects/${seed.projectId}/ads/meta/campaigns` };
}

/** Creates campaigns through the API (autopilot) and waits until each one is on the platform. */
export async function createCampaigns(t: AutoTenant, count: number, prefix = "Campaign"): Promise<Array<{ id: string; platformId: string }>> {
  const out: Array<{ id: string; platformId: string }> = [];
  for (let i = 0; i < count; i++) {
    const res = await t.partner.post(t.campaignsPath, {
      adAccountId: t.seed.layers.meta.adAccountId,
      name: `${prefix} ${i}`,
      outcome: "traffic",
      dailyBudgetCents: 1000,
      campaignManagementMode: "autopilot",
      creativeMode: "autopilot",
    });
    expect(res.status).toBe(202);
    const job = await waitForJob(t.partner, res.body.jobId, 30_000);
    expect(job.status).toBe("completed");
    out.push({ id: res.body.campaignId, platformId: job.result.platformId });
  }
  return out;
}
