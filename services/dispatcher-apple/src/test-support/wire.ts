import { toAppleMoney } from "@layers/contracts";

/** The two Apple APIs every dispatcher-apple test runs against (`describe.each(APPLE_APIS)`). */
export const APPLE_APIS = ["platform", "v5"] as const;
export type AppleApi = (typeof APPLE_APIS)[number];

type Fields = Record<string, unknown>;
type Dims = { age?: { included: Array<{ minAge?: number; maxAge?: number }> }; gender?: { included: string[] }; deviceClass?: { included: string[] } };

/**
 * How each API spells what the sandbox ledger records for a write, so one test states its
 * expectation once for both APIs. Written out by hand from each API's documentation, not from the
 * dispatcher's own translation, so a wrong translation fails the test.
 */
export interface Wire {
  api: AppleApi;
  /** Money as the sandbox reads it back: v5 trims ("42.5"), the Platform API pads to the currency's decimals ("42.50"). */
  money(minor: number, currency?: string): { amount: string; currency: string };
  /** Ledger path of a campaign create, and of writes to campaign `cid`. */
  campaignsPath: string;
  campaignPath(cid: string): string;
  adGroupCreatePath(cid: string): string;
  adGroupPath(cid: string, gid: string): string;
  keywordCreatePath(cid: string, gid: string): string;
  keywordUpdatePath(cid: string, gid: string, kid: string): string;
  keywordDeletePath(cid: string, gid: string, kid: string): string;
  /** A campaign create's ledger fields (the parts tests name). */
  /** `channel`: v5's `adChannelType` (the Platform API has none; its placement says it). */
  campaignCreate(o: { name: string; countries: string[]; placements?: string[]; dailyMinor: number; currency?: string; billingEvent?: string; status: string; strategy?: string; startTime?: string; channel?: string }): Fields;
  budget(minor: number, currency?: string): Fields;
  strategy(type: string): Fields;
  countries(countries: string[], placements?: string[]): Fields;
  adGroupCreate(o: { campaignId: string; name: string; bidMinor: number; currency?: string; status: string; pricing?: "CPC" | "CPM"; dims?: Dims }): Fields;
  adGroupBid(minor: number, currency?: string, strategy?: string): Fields;
  audience(dims: Dims): Fields;
  keywordCreate(o: { adGroupId: string; text: string; matchType: string; status: "ACTIVE" | "PAUSED"; bidMinor?: number; currency?: string }): Fields;
  keywordBid(minor: number, currency?: string): Fields;
  keywordStatus(status: "ACTIVE" | "PAUSED"): Fields;
  /** The amount a ledger entry's fields set, for budgets, ad group bids and keyword bids. */
  budgetAmountOf(fields: Fields): string | undefined;
  adGroupBidAmountOf(fields: Fields): string | undefined;
  keywordBidAmountOf(fields: Fields): string | undefined;
  /** What a keyword without a bid of its own reads back as: nothing on v5, its ad group's bid on the Platform API. */
  inheritedKeywordBid<T>(adGroupBid: T): T | null;
}

const GOAL: Record<string, string> = { MANUAL_CPT: "TAP", MAX_CONVERSIONS: "INSTALL" };
const amountOf = (m: unknown) => (m as { amount?: string } | undefined)?.amount;

function v1Targeting(d: Dims): Fields {
  const out: Fields = {};
  const range = d.age?.included[0];
  if (range?.minAge !== undefined) out.minAge = { include: [String(range.minAge)] };
  if (range?.maxAge !== undefined) out.maxAge = { include: [String(range.maxAge)] };
  if (d.gender) out.gender = { include: d.gender.included };
  if (d.deviceClass) out.deviceClass = { include: d.deviceClass.included };
  return out;
}

const v1Countries = (countries: string[], placements = ["APPSTORE_SEARCH_RESULTS"]) => ({
  targeting: { supplySource: { include: ["APPSTORE"] }, supplyPlacement: { include: placements }, countryOrRegion: { include: countries } },
});

const V5: Wire = {
  api: "v5",
  money: (minor, currency = "USD") => {
    const { amount } = toAppleMoney(minor, currency);
    return { amount: amount.includes(".") ? amount.replace(/0+$/, "").replace(/\.$/, "") : amount, currency };
  },
  campaignsPath: "/api/v5/campaigns",
  campaignPath: (cid) => `/api/v5/campaigns/${cid}`,
  adGroupCreatePath: (cid) => `/api/v5/campaigns/${cid}/adgroups`,
  adGroupPath: (cid, gid) => `/api/v5/campaigns/${cid}/adgroups/${gid}`,
  keywordCreatePath: (cid, gid) => `/api/v5/campaigns/${cid}/adgroups/${gid}/targetingkeywords/bulk`,
  keywordUpdatePath: (cid, gid) => `/api/v5/campaigns/${cid}/adgroups/${gid}/targetingkeywords/bulk`,
  keywordDeletePath: (cid, gid, kid) => `/api/v5/campaigns/${cid}/adgroups/${gid}/targetingkeywords/${kid}`,
  campaignCreate: (o) => ({
    name: o.name,
    adamId: 1234567890,
    countriesOrRegions: o.countries,
    dailyBudgetAmount: V5.money(o.dailyMinor, o.currency),
    supplySources: o.placements ?? ["APPSTORE_SEARCH_RESULTS"],
    adChannelType: o.channel ?? "SEARCH",
    billingEvent: o.billingEvent ?? "TAPS",
    status: o.status,
    ...(o.strategy ? { biddingStrategy: o.strategy } : {}),
    ...(o.startTime ? { startTime: o.startTime } : {}),
  }),
  budget: (minor, currency) => ({ dailyBudgetAmount: V5.money(minor, currency) }),
  strategy: (type) => ({ biddingStrategy: type }),
  countries: (countries) => ({ countriesOrRegions: countries }),
  adGroupCreate: (o) => ({
    name: o.name,
    pricingModel: o.pricing ?? "CPC",
    defaultBidAmount: V5.money(o.bidMinor, o.currency),
    status: o.status,
    ...(o.dims ? { targetingDimensions: o.dims } : {}),
  }),
  adGroupBid: (minor, currency) => ({ defaultBidAmount: V5.money(minor, currency) }),
  audience: (dims) => ({ targetingDimensions: dims }),
  keywordCreate: (o) => ({ text: o.text, matchType: o.matchType, status: o.status, ...(o.bidMinor === undefined ? {} : { bidAmount: V5.money(o.bidMinor, o.currency) }) }),
  keywordBid: (minor, currency) => ({ bidAmount: V5.money(minor, currency) }),
  keywordStatus: (status) => ({ status }),
  budgetAmountOf: (f) => amountOf(f.dailyBudgetAmount),
  adGroupBidAmountOf: (f) => amountOf(f.defaultBidAmount),
  keywordBidAmountOf: (f) => amountOf(f.bidAmount),
  inheritedKeywordBid: () => null,
};

const PLATFORM: Wire = {
  api: "platform",
  money: (minor, currency = "USD") => toAppleMoney(minor, currency),
  campaignsPath: "/v1/campaigns",
  campaignPath: (cid) => `/v1/campaigns/${cid}`,
  adGroupCreatePath: () => "/v1/adgroups",
  adGroupPath: (_cid, gid) => `/v1/adgroups/${gid}`,
  keywordCreatePath: () => "/v1/keywords",
  keywordUpdatePath: (_cid, _gid, kid) => `/v1/keywords/${kid}`,
  keywordDeletePath: (_cid, _gid, kid) => `/v1/keywords/${kid}`,
  campaignCreate: (o) => ({
    name: o.name,
    promotedObjectType: "APPSTORE_APP",
    promotedObjectId: "1234567890",
    dailyBudget: { value: PLATFORM.money(o.dailyMinor, o.currency) },
    ...v1Countries(o.countries, o.placements),
    billingEvent: o.billingEvent ?? "TAPS",
    bidStrategy: { bidStrategyType: o.strategy ?? "MANUAL_CPT", bidStrategyGoal: GOAL[o.strategy ?? "MANUAL_CPT"] },
    status: o.status,
    ...(o.startTime ? { startTime: o.startTime } : {}),
  }),
  budget: (minor, currency) => ({ dailyBudget: { value: PLATFORM.money(minor, currency) } }),
  strategy: (type) => ({ bidStrategy: { bidStrategyType: type, bidStrategyGoal: GOAL[type] } }),
  countries: (countries, placements) => v1Countries(countries, placements),
  adGroupCreate: (o) => ({
    campaignId: Number(o.campaignId),
    name: o.name,
    pricingModel: o.pricing === "CPM" ? "CPM" : "CPT",
    bidStrategy: { bidStrategyType: "MANUAL_CPT", bidStrategyGoal: "TAP", bid: PLATFORM.money(o.bidMinor, o.currency) },
    status: o.status,
    ...(o.dims ? { targeting: v1Targeting(o.dims) } : {}),
  }),
  adGroupBid: (minor, currency, strategy = "MANUAL_CPT") => ({ bidStrategy: { bidStrategyType: strategy, bidStrategyGoal: GOAL[strategy], bid: PLATFORM.money(minor, currency) } }),
  audience: (dims) => ({ targeting: v1Targeting(dims) }),
  keywordCreate: (o) => ({
    adGroupId: Number(o.adGroupId),
    text: o.text,
    matchType: o.matchType,
    status: o.status === "ACTIVE" ? "ENABLED" : o.status,
    ...(o.bidMinor === undefined ? {} : { bid: PLATFORM.money(o.bidMinor, o.currency) }),
  }),
  keywordBid: (minor, currency) => ({ bid: PLATFORM.money(minor, currency) }),
  keywordStatus: (status) => ({ status: status === "ACTIVE" ? "ENABLED" : status }),
  budgetAmountOf: (f) => amountOf((f.dailyBudget as { value?: unknown } | undefined)?.value),
  adGroupBidAmountOf: (f) => amountOf((f.bidStrategy as { bid?: unknown } | undefined)?.bid),
  keywordBidAmountOf: (f) => amountOf(f.bid),
  inheritedKeywordBid: (adGroupBid) => adGroupBid,
};

export function wireOf(api: AppleApi): Wire {
  return api === "v5" ? V5 : PLATFORM;
}
