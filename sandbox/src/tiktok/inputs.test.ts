import { describe, expect, it } from "vitest";
import { TtError } from "./envelope.ts";
import { adCreateSchema, campaignStatusSchema, getQuerySchema, parseAdgroupCreate, parseAdgroupUpdate, parseCampaignCreate, parseCampaignUpdate, parseWith } from "./inputs.ts";

const create = { campaign_name: "C", objective_type: "TRAFFIC", budget_mode: "BUDGET_MODE_DAY", budget: 50 };

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    if (err instanceof TtError && err.code === 40002) return err.message;
    throw err;
  }
  throw new Error("expected a 40002 refusal");
}

describe("parseCampaignCreate", () => {
  it("normalises defaults and ids", () => {
    expect(parseCampaignCreate({ ...create, request_id: 123, app_id: 9 }, "USD")).toEqual({
      campaign_name: "C", objective_type: "TRAFFIC", budget_mode: "BUDGET_MODE_DAY", budget: 50, budget_optimize_on: false,
      operation_status: "ENABLE", special_industries: [], campaign_type: "REGULAR_CAMPAIGN", request_id: "123", app_id: "9",
    });
  });

  it("lets RF_REACH go without budget_mode and zeroes an infinite budget", () => {
    const { budget_mode: _m, budget: _b, ...rest } = create;
    expect(parseCampaignCreate({ ...rest, objective_type: "RF_REACH" }, "USD")).toMatchObject({ budget_mode: "BUDGET_MODE_INFINITE", budget: 0 });
    expect(parseCampaignCreate({ ...create, budget_mode: "BUDGET_MODE_INFINITE", budget: 999 }, "USD").budget).toBe(0);
  });

  it("names the offending parameter", () => {
    expect(refusal(() => parseCampaignCreate({ ...create, campaign_name: "" }, "USD"))).toMatch(/^campaign_name:/);
    expect(refusal(() => parseCampaignCreate({ ...create, campaign_name: "x".repeat(513) }, "USD"))).toMatch(/^campaign_name:/);
    expect(refusal(() => parseCampaignCreate({ ...create, objective_type: "APP_INSTALL" }, "USD"))).toMatch(/^objective_type: .*deprecated/);
    expect(refusal(() => parseCampaignCreate({ ...create, special_industries: ["GAMBLING"] }, "USD"))).toMatch(/^special_industries\.0:/);
    expect(refusal(() => parseCampaignCreate({ ...create, request_id: "12345678901234567890" }, "USD"))).toMatch(/^request_id:/);
    expect(refusal(() => parseCampaignCreate({ ...create, budget: 49.99 }, "USD"))).toBe("budget: must be at least 50 USD");
    expect(refusal(() => parseCampaignCreate("nope", "USD"))).toMatch(/^body:/);
  });
});

describe("parseCampaignUpdate", () => {
  it("keeps only the fields sent", () => {
    expect(parseCampaignUpdate({ campaign_id: "17", budget: "70" }, "USD", () => "BUDGET_MODE_TOTAL")).toEqual({ campaign_id: "17", changes: { budget: 70 } });
    expect(parseCampaignUpdate({ campaign_id: 17 }, "USD", () => "BUDGET_MODE_DAY")).toEqual({ campaign_id: "17", changes: {} });
  });

  it("refuses budget changes an infinite campaign cannot take and budget_mode changes", () => {
    expect(refusal(() => parseCampaignUpdate({ campaign_id: "1", budget: 70 }, "USD", () => "BUDGET_MODE_INFINITE"))).toMatch(/^budget:/);
    expect(refusal(() => parseCampaignUpdate({ campaign_id: "1", budget_mode: "BUDGET_MODE_DAY" }, "USD", () => "BUDGET_MODE_TOTAL"))).toMatch(/^budget_mode:/);
    expect(refusal(() => parseCampaignUpdate({ campaign_id: "abc" }, "USD", () => "BUDGET_MODE_DAY"))).toMatch(/^campaign_id:/);
  });
});

describe("parseAdgroupCreate", () => {
  const base = {
    campaign_id: "1", adgroup_name: "G", location_ids: [6252001], billing_event: "CPM", schedule_type: "SCHEDULE_START_END",
    schedule_start_time: "2030-01-01 00:00:00", schedule_end_time: "2030-01-03 12:00:00", budget_mode: "BUDGET_MODE_TOTAL", budget: 60, pacing: "PACING_MODE_FAST",
  };

  it("scales the total minimum with the scheduled days (rounded up)", () => {
    expect(parseAdgroupCreate(base, "USD", () => false)).toMatchObject({ budget: 60, location_ids: ["6252001"], placement_type: "PLACEMENT_TYPE_AUTOMATIC" });
    expect(refusal(() => parseAdgroupCreate({ ...base, budget: 59.99 }, "USD", () => false))).toBe("budget: must be at least 60 USD");
  });

  it("skips budget rules under CBO", () => {
    const { budget: _b, budget_mode: _m, pacing: _p, ...noBudget } = base;
    expect(parseAdgroupCreate(noBudget, "USD", () => true)).toMatchObject({ budget_mode: "BUDGET_MODE_INFINITE", budget: 0 });
    expect(refusal(() => parseAdgroupCreate(noBudget, "USD", () => false))).toMatch(/^budget_mode:/);
  });
});

describe("status and get parameters", () => {
  it("takes 1 to 20 ids and the three operation statuses", () => {
    expect(parseWith(campaignStatusSchema, { campaign_ids: ["1", 2], operation_status: "DELETE" })).toEqual({ campaign_ids: ["1", "2"], operation_status: "DELETE" });
    expect(refusal(() => parseWith(campaignStatusSchema, { campaign_ids: Array(21).fill("1"), operation_status: "ENABLE" }))).toMatch(/^campaign_ids:/);
    expect(refusal(() => parseWith(campaignStatusSchema, { campaign_ids: ["1"], operation_status: "ARCHIVE" }))).toMatch(/^operation_status:/);
  });

  it("reads page, page_size, JSON filtering and fields in either spelling", () => {
    expect(parseWith(getQuerySchema, {})).toEqual({ page: 1, page_size: 10 });
    expect(parseWith(getQuerySchema, { page: "2", page_size: "1000", filtering: '{"campaign_ids":["5"]}', fields: '["budget"]' })).toEqual({
      page: 2, page_size: 1000, filtering: { campaign_ids: ["5"] }, fields: ["budget"],
    });
    expect(parseWith(getQuerySchema, { fields: "budget" }).fields).toEqual(["budget"]);
    expect(parseWith(getQuerySchema, { fields: ["budget", "campaign_id"] }).fields).toEqual(["budget", "campaign_id"]);
    expect(refusal(() => parseWith(getQuerySchema, { filtering: "{bad" }))).toMatch(/^filtering:/);
    expect(refusal(() => parseWith(getQuerySchema, { page_size: "0" }))).toMatch(/^page_size:/);
  });
});

describe("parseAdgroupUpdate - schedule_type", () => {
  const open = { budget_mode: "BUDGET_MODE_DAY" as const, schedule_type: "SCHEDULE_FROM_NOW", schedule_start_time: "2030-01-01 00:00:00" };
  const bounded = { ...open, schedule_type: "SCHEDULE_START_END", schedule_end_time: "2030-02-01 00:00:00" };

  it("switches an open-ended ad group to a start/end schedule together with its end time", () => {
    expect(parseAdgroupUpdate({ adgroup_id: "1", schedule_type: "SCHEDULE_START_END", schedule_end_time: "2030-03-01 00:00:00" }, "USD", () => open).changes).toEqual({
      schedule_type: "SCHEDULE_START_END", schedule_end_time: "2030-03-01 00:00:00",
    });
    // The type it already has is no change.
    expect(parseAdgroupUpdate({ adgroup_id: "1", schedule_type: "SCHEDULE_FROM_NOW" }, "USD", () => open).changes).toEqual({});
  });

  it("refuses a start/end schedule without an end, and an open-ended one that keeps an end or a total budget", () => {
    expect(refusal(() => parseAdgroupUpdate({ adgroup_id: "1", schedule_type: "SCHEDULE_START_END" }, "USD", () => open))).toMatch(/^schedule_end_time: required/);
    expect(refusal(() => parseAdgroupUpdate({ adgroup_id: "1", schedule_type: "SCHEDULE_FROM_NOW", schedule_end_time: "2030-03-01 00:00:00" }, "USD", () => bounded)))
      .toMatch(/^schedule_end_time: not allowed/);
    expect(refusal(() => parseAdgroupUpdate({ adgroup_id: "1", schedule_type: "SCHEDULE_FROM_NOW" }, "USD", () => ({ ...bounded, budget_mode: "BUDGET_MODE_TOTAL" as const }))))
      .toMatch(/^schedule_type: BUDGET_MODE_TOTAL/);
  });

  it("drops the end time when an ad group goes back to running from now", () => {
    const changes = parseAdgroupUpdate({ adgroup_id: "1", schedule_type: "SCHEDULE_FROM_NOW" }, "USD", () => bounded).changes;
    expect(changes).toHaveProperty("schedule_type", "SCHEDULE_FROM_NOW");
    expect(changes).toHaveProperty("schedule_end_time", undefined);
  });
});

describe("adCreateSchema", () => {
  it("lets a creative start paused and refuses any other status", () => {
    const creatives = [{ ad_name: "A", operation_status: "DISABLE" }, { ad_name: "B" }];
    expect(parseWith(adCreateSchema, { adgroup_id: "1", creatives }).creatives.map((c) => c.operation_status)).toEqual(["DISABLE", undefined]);
    expect(refusal(() => parseWith(adCreateSchema, { adgroup_id: "1", creatives: [{ ad_name: "A", operation_status: "DELETE" }] }))).toMatch(/^creatives\.0\.operation_status:/);
  });
});
