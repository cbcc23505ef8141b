import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appleErrorItems, readAppleData } from "./envelope.ts";
import { appleCampaignSchema } from "./schemas.ts";

const campaign = { id: "11", orgId: "7", name: "c", adamId: "123", status: "PAUSED", dailyBudgetAmount: { amount: "25.5", currency: "USD" }, deleted: false, extra: 1 };

describe("readAppleData", () => {
  it("reads data and pagination from the envelope, keeping fields it does not know", () => {
    const read = readAppleData({ data: [campaign], pagination: { totalResults: 3, startIndex: 0, itemsPerPage: 1 }, error: null }, z.array(appleCampaignSchema));
    expect(read?.data[0]).toMatchObject({ id: "11", dailyBudgetAmount: { amount: "25.5", currency: "USD" }, extra: 1 });
    expect(read?.pagination).toEqual({ totalResults: 3, startIndex: 0, itemsPerPage: 1 });
  });

  it("takes a bare object only where allowed (Apple's PUT examples show one)", () => {
    expect(readAppleData(campaign, appleCampaignSchema)).toBeUndefined();
    expect(readAppleData(campaign, appleCampaignSchema, { bare: true })).toEqual({ data: campaign, pagination: null });
    expect(readAppleData([campaign], z.array(appleCampaignSchema), { bare: true })?.data).toHaveLength(1);
  });

  it("is undefined for an envelope whose data is not the expected shape", () => {
    expect(readAppleData({ data: { ...campaign, id: 11 }, pagination: null, error: null }, appleCampaignSchema)).toBeUndefined();
    expect(readAppleData({ data: { id: "1" }, pagination: null, error: null }, appleCampaignSchema, { bare: true })).toBeUndefined();
    expect(readAppleData(undefined, appleCampaignSchema)).toBeUndefined();
  });

  it("reads a money amount sent as a number as its decimal text", () => {
    const read = readAppleData({ data: { ...campaign, dailyBudgetAmount: { amount: 100, currency: "JPY" } } }, appleCampaignSchema);
    expect(read?.data.dailyBudgetAmount).toEqual({ amount: "100", currency: "JPY" });
  });
});

describe("appleErrorItems", () => {
  it("lists the error items of Apple's error body and nothing for anything else", () => {
    const items = [{ messageCode: "NOT_FOUND", message: "gone", field: null }];
    expect(appleErrorItems({ data: null, pagination: null, error: { errors: items } })).toEqual(items);
    expect(appleErrorItems({ data: campaign, pagination: null, error: null })).toEqual([]);
    expect(appleErrorItems("<html/>")).toEqual([]);
    expect(appleErrorItems(undefined)).toEqual([]);
  });
});
