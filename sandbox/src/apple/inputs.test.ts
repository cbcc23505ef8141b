import { describe, expect, it } from "vitest";
import { AppleError } from "./apple-error.ts";
import { parseAdGroupCreate, parseAdGroupUpdate } from "./adgroup-input.ts";
import { parseCampaignCreate, parseCampaignUpdate } from "./campaign-input.ts";
import { parseKeywordCreates, parseKeywordUpdates } from "./keyword-input.ts";

const now = new Date("2030-01-01T00:00:00Z");
const ctx = { orgId: 42, currency: "USD", now };
const valid = {
  name: "C", adamId: 123456789, countriesOrRegions: ["US"], dailyBudgetAmount: { amount: "50", currency: "USD" },
  supplySources: ["APPSTORE_SEARCH_RESULTS"], adChannelType: "SEARCH", billingEvent: "TAPS",
};

function error(fn: () => unknown): { messageCode: string; field: string | null } {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppleError && err.items[0] !== undefined) return err.items[0];
    throw err;
  }
  throw new Error("did not throw");
}

describe("apple campaign create input", () => {
  it("accepts the seven required fields and defaults status to ENABLED (Apple's default)", () => {
    expect(parseCampaignCreate(valid, ctx)).toMatchObject({ status: "ENABLED", dailyBudgetCents: 5000, biddingStrategy: "MANUAL_CPT" });
    expect(parseCampaignCreate({ ...valid, status: "PAUSED" }, ctx).status).toBe("PAUSED");
  });

  it("names each missing required field", () => {
    for (const f of Object.keys(valid)) {
      const { [f]: _gone, ...rest } = valid as Record<string, unknown>;
      expect(error(() => parseCampaignCreate(rest, ctx))).toEqual(expect.objectContaining({ messageCode: "MISSING_REQUIRED_FIELD", field: f }));
    }
  });

  it("refuses bad values, unknown fields, past start times and a name over 200 characters", () => {
    expect(error(() => parseCampaignCreate({ ...valid, adamId: "123" }, ctx)).field).toBe("adamId");
    expect(error(() => parseCampaignCreate({ ...valid, countriesOrRegions: ["usa"] }, ctx)).field).toBe("countriesOrRegions");
    expect(error(() => parseCampaignCreate({ ...valid, status: "ACTIVE" }, ctx)).field).toBe("status");
    expect(error(() => parseCampaignCreate({ ...valid, name: "x".repeat(201) }, ctx)).field).toBe("name");
    expect(error(() => parseCampaignCreate({ ...valid, startTime: "2029-12-31T00:00:00.000" }, ctx)).field).toBe("startTime");
    expect(error(() => parseCampaignCreate({ ...valid, orgId: 7 }, ctx)).field).toBe("orgId");
    expect(error(() => parseCampaignCreate({ ...valid, objective: "x" }, ctx)).messageCode).toBe("INVALID_JSON_REQUEST");
  });
});

describe("apple campaign update input", () => {
  it("needs the campaign envelope and takes partial fields", () => {
    expect(error(() => parseCampaignUpdate({ name: "x" }, ctx)).messageCode).toBe("INVALID_JSON_REQUEST");
    expect(parseCampaignUpdate({ campaign: { status: "PAUSED" } }, ctx)).toEqual({ status: "PAUSED" });
    expect(parseCampaignUpdate({ campaign: { dailyBudgetAmount: { amount: "75.5", currency: "USD" } } }, ctx)).toEqual({ dailyBudgetCents: 7550 });
  });

  it("lets dailyBudgetAmount change but not be removed, and keeps creation-only fields fixed", () => {
    expect(error(() => parseCampaignUpdate({ campaign: { dailyBudgetAmount: null } }, ctx)).field).toBe("dailyBudgetAmount");
    expect(error(() => parseCampaignUpdate({ campaign: { adamId: 1 } }, ctx)).field).toBe("campaign.adamId");
  });
});

describe("apple ad group and keyword input", () => {
  it("requires name, pricingModel, defaultBidAmount and startTime", () => {
    const ok = { name: "G", pricingModel: "CPC", defaultBidAmount: { amount: "1.5", currency: "USD" }, startTime: "2030-02-01T00:00:00.000" };
    expect(parseAdGroupCreate(ok, ctx)).toMatchObject({ defaultBidCents: 150, status: "ENABLED", automatedKeywordsOptIn: false });
    for (const f of Object.keys(ok)) {
      const { [f]: _gone, ...rest } = ok as Record<string, unknown>;
      expect(error(() => parseAdGroupCreate(rest, ctx)).field).toBe(f);
    }
  });

  it("keeps age and gender targetingDimensions, refuses malformed ones, and reads null as none", () => {
    const base = { name: "G", pricingModel: "CPC", defaultBidAmount: { amount: "1.5", currency: "USD" }, startTime: "2030-02-01T00:00:00.000" };
    const dims = { age: { included: [{ minAge: 25, maxAge: 34 }] }, gender: { included: ["F"] }, deviceClass: { included: ["IPHONE"] }, country: null };
    expect(parseAdGroupCreate({ ...base, targetingDimensions: dims }, ctx).targetingDimensions).toEqual({
      age: { included: [{ minAge: 25, maxAge: 34 }] },
      gender: { included: ["F"] },
      deviceClass: { included: ["IPHONE"] },
    });
    expect(parseAdGroupUpdate({ targetingDimensions: null }, ctx)).toEqual({ targetingDimensions: null });
    expect(parseAdGroupUpdate({ targetingDimensions: { age: { included: [{ minAge: 18 }] } } }, ctx).targetingDimensions).toEqual({ age: { included: [{ minAge: 18 }] } });
    const bad = (targetingDimensions: unknown) => error(() => parseAdGroupUpdate({ targetingDimensions }, ctx));
    expect(bad({ gender: { included: ["X"] } }).field).toBe("targetingDimensions.gender.included");
    expect(bad({ age: { included: [{ minAge: 40, maxAge: 30 }] } }).field).toBe("targetingDimensions.age.included[0].minAge");
    expect(bad({ age: { included: [] } }).field).toBe("targetingDimensions.age.included");
    expect(bad({ mood: { included: ["happy"] } }).messageCode).toBe("INVALID_JSON_REQUEST");
  });

  it("checks keyword lists item by item", () => {
    expect(parseKeywordCreates([{ text: "run", matchType: "EXACT" }], ctx)).toEqual([{ text: "run", matchType: "EXACT", status: "ACTIVE" }]);
    expect(error(() => parseKeywordCreates([{ text: "a", matchType: "EXACT" }, { text: "b", matchType: "PHRASE" }], ctx)).field).toBe("[1].matchType");
    expect(error(() => parseKeywordCreates([{ text: "a", matchType: "EXACT" }, { text: "A", matchType: "EXACT" }], ctx)).field).toBe("[1].text");
    expect(error(() => parseKeywordCreates({ text: "a" }, ctx)).messageCode).toBe("INVALID_JSON_REQUEST");
    expect(error(() => parseKeywordUpdates([{ id: 1, status: "ENABLED" }], ctx)).field).toBe("[0].status");
    expect(parseKeywordUpdates([{ id: 1, bidAmount: { amount: "2", currency: "USD" } }], ctx)).toEqual([{ id: 1, bidCents: 200 }]);
  });
});
