import { describe, expect, it } from "vitest";
import type { TtCampaign } from "./tiktok-store.ts";
import { campaignView, paginate, pickFields } from "./views.ts";

describe("tiktok views", () => {
  it("reads campaigns with TikTok times and a secondary status", () => {
    const c: TtCampaign = {
      campaign_id: "17", advertiser_id: "7", campaign_name: "C", objective_type: "TRAFFIC", budget_mode: "BUDGET_MODE_DAY", budget: 50,
      budget_optimize_on: false, special_industries: [], campaign_type: "REGULAR_CAMPAIGN", operation_status: "DISABLE",
      create_time: "2030-01-01T00:00:00.000Z", modify_time: "2030-01-02T10:11:12.000Z",
    };
    expect(campaignView(c)).toMatchObject({ secondary_status: "CAMPAIGN_STATUS_DISABLE", create_time: "2030-01-01 00:00:00", modify_time: "2030-01-02 10:11:12", budget: 50 });
  });

  it("picks requested fields only", () => {
    expect(pickFields({ a: 1, b: 2 }, ["b", "zz"])).toEqual({ b: 2 });
    expect(pickFields({ a: 1 }, undefined)).toEqual({ a: 1 });
  });

  it("pages 1-based with totals", () => {
    const items = [1, 2, 3, 4, 5];
    expect(paginate(items, 1, 2)).toEqual({ list: [1, 2], page_info: { page: 1, page_size: 2, total_number: 5, total_page: 3 } });
    expect(paginate(items, 3, 2).list).toEqual([5]);
    expect(paginate(items, 9, 2).list).toEqual([]);
    expect(paginate([], 1, 10).page_info).toEqual({ page: 1, page_size: 10, total_number: 0, total_page: 0 });
  });
});
