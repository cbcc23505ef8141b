import { describe, expect, it } from "vitest";
import { readCampaignFilter } from "./campaign-filter.ts";
import type { CampaignStatus } from "./enums.ts";
import type { MetaCampaign } from "./meta-types.ts";

function c(id: string, status: CampaignStatus, name = `Campaign ${id}`): MetaCampaign {
  return {
    id, accountId: "1", ordinal: Number(id), name, objective: "OUTCOME_SALES", status, specialAdCategories: [],
    specialAdCategoryCountry: [], startTime: "2030-01-01T00:00:00.000Z", buyingType: "AUCTION", adlabelIds: [],
    createdTime: "2030-01-01T00:00:00.000Z", updatedTime: "2030-01-01T00:00:00.000Z",
  };
}
const all = [c("1", "ACTIVE"), c("2", "PAUSED", "Spring sale"), c("3", "ARCHIVED"), c("4", "DELETED")];
const ids = (params: Record<string, unknown>) => all.filter(readCampaignFilter(params)).map((x) => x.id);

describe("campaign edge filter", () => {
  it("hides archived and deleted campaigns by default", () => {
    expect(ids({})).toEqual(["1", "2"]);
  });

  it("shows archived campaigns only when asked for, and never deleted ones", () => {
    expect(ids({ effective_status: '["ARCHIVED"]' })).toEqual(["3"]);
    expect(ids({ effective_status: "['ACTIVE','ARCHIVED']" })).toEqual(["1", "3"]);
    expect(ids({ effective_status: "PAUSED" })).toEqual(["2"]);
    expect(ids({ filtering: '[{"field":"effective_status","operator":"NOT_IN","value":["ACTIVE"]}]' })).toEqual(["2", "3"]);
  });

  it("refuses a filter for DELETED, since Meta serves deleted objects only by id", () => {
    expect(() => ids({ effective_status: '["DELETED"]' })).toThrow(/by their id/);
    expect(() => ids({ filtering: '[{"field":"campaign.effective_status","operator":"IN","value":["DELETED"]}]' })).toThrow(/by their id/);
  });

  it("filters by name and id", () => {
    expect(ids({ filtering: '[{"field":"name","operator":"CONTAIN","value":"spring"}]' })).toEqual(["2"]);
    expect(ids({ filtering: '[{"field":"campaign.id","operator":"IN","value":["1","4"]}]' })).toEqual(["1"]);
  });

  it("refuses unsupported fields, operators and bad statuses", () => {
    expect(() => ids({ filtering: '[{"field":"spend","operator":"EQUAL","value":"1"}]' })).toThrow(/not supported/);
    expect(() => ids({ filtering: '[{"field":"name","operator":"GREATER_THAN","value":"1"}]' })).toThrow(/not supported/);
    expect(() => ids({ effective_status: '["SLEEPING"]' })).toThrow(/effective_status/);
  });
});
