import { describe, expect, it } from "vitest";
import { formatMoney, type EntityFacts } from "./facts.ts";
import { moveBudget } from "./move-budget.ts";
import { pauseWithoutResults } from "./pause-without-results.ts";
import { applyRails, proposalKey } from "./rails.ts";
import { replaceFatiguedCreative } from "./replace-fatigued-creative.ts";
import { daysEnding, entity, layer } from "./test-facts.ts";

const PAUSE = { minDays: 7, cpaMultiple: 2, floorCents: 5_000 };
const BUDGET = { minDays: 7, minConversions: 5, worseMultiple: 1.5, stepPercent: 20 };
const FATIGUE = { dropPercent: 30, minImpressions: 1_000 };
const END = "2026-11-30";
/** A campaign row carrying the layer's totals: $1,840 for 100 conversions → CPA $18.40. */
const campaign = entity({ id: "cmp_1", level: "campaign", days: daysEnding(END, 10, { spendCents: 18_400, impressions: 10_000, clicks: 100, conversions: 10 }) });

describe("pause spend without results", () => {
  const ad = (days: number, spendPerDay: number, conversions = 0, extra: Partial<EntityFacts> = {}) =>
    entity({ id: "ad_1", level: "ad", name: "Summer ad", days: daysEnding(END, days, { spendCents: spendPerDay, impressions: 1000, clicks: 10, conversions }), ...extra });
  const cases: Array<{ name: string; entities: EntityFacts[]; platform?: "meta" | "tiktok" | "apple"; expected: string[] }> = [
    { name: "7 days, $42.00 spent ≥ 2 × $18.40, no conversion → pause", entities: [campaign, ad(7, 600)], expected: ["pause_ad ad_1"] },
    { name: "6 days of data is too little", entities: [campaign, ad(6, 1000)], expected: [] },
    { name: "spend below 2 × CPA ($35.00 < $36.80)", entities: [campaign, ad(7, 500)], expected: [] },
    { name: "one conversion keeps it running", entities: [campaign, ad(7, 1000, 1)], expected: [] },
    { name: "a paused ad is left alone", entities: [campaign, ad(7, 1000, 0, { status: "paused" })], expected: [] },
    { name: "no layer conversions: the floor ($50.00) decides — $49.00 is below", entities: [ad(7, 700)], expected: [] },
    { name: "no layer conversions: $56.00 is above the floor", entities: [ad(7, 800)], expected: ["pause_ad ad_1"] },
    { name: "Apple pauses keywords", platform: "apple", entities: [campaign, entity({ id: "kw_1", level: "keyword", days: daysEnding(END, 8, { spendCents: 600, impressions: 100, clicks: 5, conversions: 0 }) })], expected: ["pause_keyword kw_1"] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = pauseWithoutResults(layer({ platform: c.platform ?? "meta", entities: c.entities }), PAUSE);
      expect(out.map((p) => `${p.actionType} ${p.entity.id}`)).toEqual(c.expected);
    });
  }

  it("says the numbers behind it", () => {
    const [p] = pauseWithoutResults(layer({ entities: [campaign, ad(7, 3000)] }), PAUSE);
    expect(p!.rationale).toBe("Spent $210.00 over 7 days with 0 conversions; the layer's CPA is $18.40.");
    expect(p!.evidence).toMatchObject({ spendCents: 21_000, daysOfData: 7, layerCpaCents: 1840, thresholdCents: 3680 });
    expect(p!.params).toEqual({ campaignId: "cmp_1", entityKind: "ad", entityId: "ad_1" });
  });
});

describe("move budget toward better CPA", () => {
  const holder = (id: string, budget: number, spendPerDay: number, convPerDay: number, extra: Partial<EntityFacts> = {}) =>
    entity({ id, level: "campaign", campaignId: id, dailyBudgetCents: budget, days: daysEnding(END, 10, { spendCents: spendPerDay, impressions: 1000, clicks: 10, conversions: convPerDay }), ...extra });
  const run = (entities: EntityFacts[], cap: number | null = null, platform: "meta" | "tiktok" | "apple" = "meta", currency = "USD") =>
    moveBudget(layer({ entities, maxDailyBudgetCents: cap, platform, currency }), BUDGET).map((p) => `${p.entity.id} ${JSON.stringify(p.newValue)}`);

  it.each([
    { name: "raises the best by 20 % and lowers one ≥ 1.5 × the best by 20 %", entities: [holder("cmp_a", 10_000, 1000, 1), holder("cmp_b", 10_000, 2000, 1)], cap: null, expected: ['cmp_a {"dailyBudgetCents":12000}', 'cmp_b {"dailyBudgetCents":8000}'] },
    { name: "leaves one under 1.5 × the best alone, and then raises nothing", entities: [holder("cmp_a", 10_000, 1000, 1), holder("cmp_b", 10_000, 1400, 1)], cap: null, expected: [] },
    { name: "never raises above the layer cap", entities: [holder("cmp_a", 10_000, 1000, 1), holder("cmp_b", 10_000, 2000, 1)], cap: 11_000, expected: ['cmp_a {"dailyBudgetCents":11000}', 'cmp_b {"dailyBudgetCents":8000}'] },
    { name: "a best already at the cap is not raised", entities: [holder("cmp_a", 10_000, 1000, 1), holder("cmp_b", 10_000, 2000, 1)], cap: 10_000, expected: ['cmp_b {"dailyBudgetCents":8000}'] },
    { name: "too few conversions: no trusted CPA, nothing to compare", entities: [holder("cmp_a", 10_000, 1000, 1), holder("cmp_b", 10_000, 2000, 1, { days: daysEnding(END, 10, { spendCents: 2000, impressions: 100, clicks: 1, conversions: 0 }).map((d, i) => ({ ...d, conversions: i < 4 ? 1 : 0 })) })], cap: null, expected: [] },
    { name: "one entity alone has nowhere to move budget from", entities: [holder("cmp_a", 10_000, 1000, 1)], cap: null, expected: [] },
    { name: "entities without a daily budget do not hold budget", entities: [holder("cmp_a", 10_000, 1000, 1), entity({ id: "cmp_b", level: "campaign", days: daysEnding(END, 10, { spendCents: 3000, impressions: 1, clicks: 1, conversions: 1 }) })], cap: null, expected: [] },
  ])("$name", ({ entities, cap, expected }) => {
    expect(run(entities, cap)).toEqual(expected);
  });

  it("compares ad sets with ad sets and names them in the params", () => {
    const set = (id: string, spend: number) => entity({ id, level: "adset", campaignId: "cmp_1", dailyBudgetCents: 5_000, days: daysEnding(END, 8, { spendCents: spend, impressions: 100, clicks: 1, conversions: 1 }) });
    const out = moveBudget(layer({ entities: [set("as_a", 500), set("as_b", 1500)] }), BUDGET);
    expect(out.map((p) => p.params)).toEqual([
      { campaignId: "cmp_1", entityKind: "adset", entityId: "as_a", dailyBudgetCents: 6000 },
      { campaignId: "cmp_1", entityKind: "adset", entityId: "as_b", dailyBudgetCents: 4000 },
    ]);
    expect(out[1]!.rationale).toBe("CPA $15.00 is 3.0× the best in the layer ($5.00, as_a); lowering its daily budget from $50.00 to $40.00.");
  });

  it("keeps amounts the platform can land (Meta TWD takes whole units)", () => {
    expect(run([holder("cmp_a", 10_050, 1000, 1), holder("cmp_b", 10_050, 2000, 1)], null, "meta", "TWD")).toEqual(['cmp_a {"dailyBudgetCents":12000}', 'cmp_b {"dailyBudgetCents":8100}']);
  });
});

describe("replace fatigued creatives", () => {
  const spec = (n: string) => ({ primaryText: `Text ${n}`, linkUrl: "https://example.com/" });
  /** 14 days: the first 7 at `earlyClicks` per 1000 impressions, the last 7 at `lateClicks`. */
  const fatigued = (earlyClicks: number, lateClicks: number, extra: Partial<EntityFacts> = {}) =>
    entity({
      id: "ad_1",
      level: "ad",
      creativeId: "cr_old",
      days: [...daysEnding("2026-11-23", 7, { spendCents: 100, impressions: 1000, clicks: earlyClicks, conversions: 0 }), ...daysEnding(END, 7, { spendCents: 100, impressions: 1000, clicks: lateClicks, conversions: 0 })],
      ...extra,
    });
  const pool = [
    { id: "cr_old", spec: spec("old"), score: 0.01, override: null },
    { id: "cr_good", spec: spec("good"), score: 0.03, override: null },
    { id: "cr_best", spec: spec("best"), score: 0.05, override: null },
  ] as const;
  const run = (e: EntityFacts, p: ReadonlyArray<(typeof pool)[number] | { id: string; spec: ReturnType<typeof spec>; score: number | null; override: "include" | "exclude" | null }> = pool, platform: "meta" | "apple" = "meta") =>
    replaceFatiguedCreative(layer({ platform, entities: [e], pool: p }), FATIGUE);

  it.each([
    { name: "CTR 2 % → 1.2 % (−40 %) picks the best-scoring creative", e: fatigued(20, 12), expected: ["ad_1 cr_best"] },
    { name: "a −25 % drop is not fatigue", e: fatigued(20, 15), expected: [] },
    { name: "13 days of data is too little", e: entity({ ...fatigued(20, 10), days: fatigued(20, 10).days.slice(1) }), expected: [] },
    { name: "too few impressions to trust the CTR", e: entity({ ...fatigued(20, 10), days: fatigued(20, 10).days.map((d) => ({ ...d, impressions: 100, clicks: 1 })) }), expected: [] },
    { name: "an ad showing an excluded creative is never touched", e: fatigued(20, 10, { creativeId: "cr_x" }), pool: [...pool, { id: "cr_x", spec: spec("x"), score: null, override: "exclude" as const }], expected: [] },
  ])("$name", ({ e, expected, pool: p }) => {
    expect(run(e, p ?? pool).proposals.map((x) => `${x.entity.id} ${(x.newValue as { creativeId: string }).creativeId}`)).toEqual(expected);
  });

  it("never proposes an excluded creative, and takes an included one whatever its score", () => {
    const p = [
      { id: "cr_best", spec: spec("best"), score: 0.05, override: "exclude" as const },
      { id: "cr_low", spec: spec("low"), score: 0.001, override: "include" as const },
    ];
    const out = run(fatigued(20, 10), p);
    expect(out.proposals.map((x) => x.params.creative)).toEqual([spec("low")]);
    expect(out.proposals[0]!.rationale).toContain("included by the customer");
  });

  it("says so in a note when no creative is eligible", () => {
    const out = run(fatigued(20, 10), [{ id: "cr_weak", spec: spec("weak"), score: 0.005, override: null }]);
    expect(out.proposals).toEqual([]);
    expect(out.notes[0]!.note).toMatch(/no eligible creative/);
  });

  it("does nothing on Apple (no ads on its partner surface)", () => {
    expect(run(fatigued(20, 10), pool, "apple").proposals).toEqual([]);
  });
});

describe("rails", () => {
  const p = (id: string, actionType: "pause_ad" | "update_budget" | "replace_creative", newValue: unknown = {}) => ({
    rule: "pause_without_results" as const, actionType, entity: { level: "ad" as const, id, name: id }, campaignId: "cmp_1", currentValue: null, newValue, rationale: "", evidence: {}, params: {},
  });

  it("drops blocked entities, repeats of queued proposals and a second change to one entity", () => {
    const out = applyRails({
      proposals: [p("ad_cool", "pause_ad"), p("ad_pending", "pause_ad"), p("ad_q", "pause_ad", { status: "paused" }), p("ad_1", "pause_ad"), p("ad_1", "replace_creative"), p("ad_2", "update_budget")],
      blocked: [{ entityId: "ad_cool", reason: "cooldown" }, { entityId: "ad_pending", reason: "pending_action" }],
      alreadyQueued: new Set([proposalKey(p("ad_q", "pause_ad", { status: "paused" }))]),
    });
    expect(out.kept.map((k) => `${k.actionType} ${k.entity.id}`)).toEqual(["pause_ad ad_1", "update_budget ad_2"]);
    expect(out.dropped.map((d) => `${d.proposal.entity.id} ${d.reason}`)).toEqual(["ad_cool cooldown", "ad_pending pending_action", "ad_q already_queued", "ad_1 one_change_per_entity"]);
  });
});

describe("formatMoney", () => {
  it("uses the contract exponent", () => {
    expect(formatMoney(21_000, "USD")).toBe("$210.00");
    expect(formatMoney(5000, "JPY")).toBe("¥5,000");
    expect(formatMoney(1505, "BHD")).toBe("BHD 1.505");
  });
});
