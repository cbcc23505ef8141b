import { describe, expect, it } from "vitest";
import { campaignFromTikTok } from "./tiktok-campaign-lister.ts";

describe("campaignFromTikTok", () => {
  it.each([
    [{ campaign_id: "1", campaign_name: "Day", operation_status: "ENABLE", objective_type: "TRAFFIC", budget_mode: "BUDGET_MODE_DAY", budget: 50.5 }, "USD",
      { name: "Day", status: "active", objective: "TRAFFIC", dailyBudgetCents: 5050, lifetimeBudgetCents: null }],
    [{ campaign_id: "2", campaign_name: "Total", operation_status: "DISABLE", objective_type: "REACH", budget_mode: "BUDGET_MODE_TOTAL", budget: 9000 }, "JPY",
      { name: "Total", status: "paused", dailyBudgetCents: null, lifetimeBudgetCents: 9000 }],
    [{ campaign_id: "3", campaign_name: "Dinar", operation_status: "ENABLE", budget_mode: "BUDGET_MODE_DYNAMIC_DAILY_BUDGET", budget: 1.23 }, "BHD",
      { dailyBudgetCents: 1230, lifetimeBudgetCents: null, objective: null }],
    [{ campaign_id: "4", campaign_name: "Open", operation_status: "DELETE", budget_mode: "BUDGET_MODE_INFINITE", budget: 0 }, "USD",
      { status: "deleted", dailyBudgetCents: null, lifetimeBudgetCents: null }],
    [{ campaign_id: "5", operation_status: "FROZEN" }, "USD", { name: "5", status: "frozen", dailyBudgetCents: null }],
  ])("%j in %s", (c, currency, want) => {
    expect(campaignFromTikTok(c, currency)).toMatchObject({ platformCampaignId: c.campaign_id, markerCampaignId: undefined, ...want });
  });
});
