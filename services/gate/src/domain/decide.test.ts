import { describe, expect, it } from "vitest";
import { operationSchema, type ActorType, type AuthorityBlock, type AuthorityPatch, type Mode, type Operation } from "@layers/contracts";
import { decide, type GateDecision, type GateInput, type LayerPolicy, type PolicyState } from "./decide.ts";

// Expected verdicts are written out by hand below; nothing here derives them from the code under test.

const block = (m: Mode): AuthorityBlock => ({ creative: m, tactical: m, structural: m });

function layer(over: Partial<LayerPolicy> = {}): LayerPolicy {
  return {
    platform: "meta",
    killSwitchActive: false,
    partnerWritesEnabled: true,
    ceiling: block("auto"),
    defaults: block("auto"),
    maxDailyBudgetCents: null,
    writerPreset: null,
    ...over,
  };
}

function input(operation: Operation, actorType: ActorType, over: Partial<GateInput> = {}): GateInput {
  return { operation, actorType, approvedRerun: false, ...over };
}

/** `allow`, `queue`, or `deny:<reason>` → the verdict object. */
function verdict(token: string, axis: GateDecision["axis"]): GateDecision {
  if (token === "allow") return { decision: "allow", axis };
  if (token === "queue") return { decision: "queue_for_approval", axis };
  const [kind, reason] = token.split(":");
  if (kind !== "deny" || !reason) throw new Error(`bad expectation token ${token}`);
  return { decision: "deny", reason: reason as GateDecision["reason"], axis };
}

/** The axis recorded for each representative operation (SPEC §4 operation → axis). */
const AXIS_OF: Record<string, GateDecision["axis"]> = {
  create_campaign: "structural",
  pause_campaign: "structural",
  update_budget: "tactical",
  push_creative: "creative",
  update_authority: "policy",
  update_defaults: "policy",
  set_kill_switch: "policy",
  update_policy: "policy",
};

/** What each representative operation carries, so check 4 and 7 have something to look at (all within limits here). */
function requestFor(op: Operation): Partial<GateInput> {
  if (op === "update_authority" || op === "update_defaults") return { requestedAuthority: { tactical: "auto" } };
  if (op === "create_campaign") return { requestedAuthority: block("auto"), dailyBudgetCents: 5_000 };
  if (op === "update_budget") return { dailyBudgetCents: 5_000 };
  return {};
}

interface Grid {
  name: string;
  layer: Partial<LayerPolicy>;
  /** Rows `actor operation <mode off> <mode draft> <mode auto>`; the mode applies to the campaign block and the defaults. */
  rows: string;
}

const MODES: Mode[] = ["off", "draft", "auto"];

function expand(grid: Grid) {
  return grid.rows
    .trim()
    .split("\n")
    .flatMap((line) => {
      const [actor, op, ...tokens] = line.trim().split(/\s+/);
      if (tokens.length !== 3) throw new Error(`bad row: ${line}`);
      return MODES.map((mode, i) => ({ actor: actor as ActorType, op: op as Operation, mode, expected: tokens[i]! }));
    });
}

const GRIDS: Grid[] = [
  {
    name: "kill switch off, consent given",
    layer: {},
    rows: `
      partner   create_campaign  deny:authority_axis_off  queue                      allow
      partner   pause_campaign   deny:authority_axis_off  queue                      allow
      partner   update_budget    deny:authority_axis_off  queue                      allow
      partner   push_creative    deny:authority_axis_off  queue                      allow
      partner   update_authority allow                    allow                      allow
      partner   update_defaults  allow                    allow                      allow
      partner   set_kill_switch  deny:not_partner_writable deny:not_partner_writable deny:not_partner_writable
      partner   update_policy    deny:not_partner_writable deny:not_partner_writable deny:not_partner_writable
      customer  create_campaign  deny:authority_axis_off  queue                      allow
      customer  pause_campaign   deny:authority_axis_off  queue                      allow
      customer  update_budget    deny:authority_axis_off  queue                      allow
      customer  push_creative    deny:authority_axis_off  queue                      allow
      customer  update_authority allow                    allow                      allow
      customer  update_defaults  allow                    allow                      allow
      customer  set_kill_switch  allow                    allow                      allow
      customer  update_policy    allow                    allow                      allow
      optimizer create_campaign  deny:authority_axis_off  queue                      allow
      optimizer pause_campaign   deny:authority_axis_off  queue                      allow
      optimizer update_budget    deny:authority_axis_off  queue                      allow
      optimizer push_creative    deny:authority_axis_off  queue                      allow
      optimizer update_authority allow                    allow                      allow
      optimizer update_defaults  allow                    allow                      allow
      optimizer set_kill_switch  deny:not_partner_writable deny:not_partner_writable deny:not_partner_writable
      optimizer update_policy    deny:not_partner_writable deny:not_partner_writable deny:not_partner_writable
      system    create_campaign  deny:authority_axis_off  queue                      allow
      system    pause_campaign   deny:authority_axis_off  queue                      allow
      system    update_budget    deny:authority_axis_off  queue                      allow
      system    push_creative    deny:authority_axis_off  queue                      allow
      system    update_authority allow                    allow                      allow
      system    update_defaults  allow                    allow                      allow
      system    set_kill_switch  deny:not_partner_writable deny:not_partner_writable deny:not_partner_writable
      system    update_policy    deny:not_partner_writable deny:not_partner_writable deny:not_partner_writable
    `,
  },
  {
    name: "kill switch on, consent given",
    layer: { killSwitchActive: true },
    rows: `
      partner   create_campaign  deny:kill_switch_active  deny:kill_switch_active   deny:kill_switch_active
      partner   pause_campaign   deny:kill_switch_active  deny:kill_switch_active   deny:kill_switch_active
      partner   update_budget    deny:kill_switch_active  deny:kill_switch_active   deny:kill_switch_active
      partner   push_creative    deny:kill_switch_active  deny:kill_switch_active   deny:kill_switch_active
      partner   update_authority allow                    allow                     allow
      partner   update_defaults  allow                    allow                     allow
      partner   set_kill_switch  deny:not_partner_writable deny:not_partner_writable deny:not_partner_writable
      partner   update_policy    deny:not_partner_writable deny:not_partner_writable deny:not_partner_writable
      customer  create_campaign  deny:kill_switch_active  deny:kill_switch_active   deny:kill_switch_active
      customer  pause_campaign   deny:kill_switch_active  deny:kill_switch_active   deny:kill_switch_active
      customer  update_budget    deny:kill_switch_active  deny:kill_switch_active   deny:kill_switch_active
      customer  push_creative    deny:kill_switch_active  deny:kill_switch_active   deny:kill_switch_active
      customer  update_authority allow                    allow                     allow
      customer  update_defaults  allow                    allow                     allow
      customer  set_kill_switch  allow                    allow                     allow
      customer  update_policy    allow                    allow                     allow
      optimizer create_campaign  deny:kill_switch_active  deny:kill_switch_active   deny:kill_switch_active
      optimizer pause_campaign   deny:kill_switch_active  deny:kill_switch_active   deny:kill_switch_active
      optimizer update_budget    deny:kill_switch_active  deny:kill_switch_active   deny:kill_switch_active
      optimizer push_creative    deny:kill_switch_active  deny:kill_switch_active   deny:kill_switch_active
      optimizer update_authority allow                    allow                     allow
      optimizer update_defaults  allow                    allow                     allow
      optimizer set_kill_switch  deny:not_partner_writable deny:not_partner_writable deny:not_partner_writable
      optimizer update_policy    deny:not_partner_writable deny:not_partner_writable deny:not_partner_writable
      system    create_campaign  deny:kill_switch_active  deny:kill_switch_active   deny:kill_switch_active
      system    pause_campaign   deny:kill_switch_active  deny:kill_switch_active   deny:kill_switch_active
      system    update_budget    deny:kill_switch_active  deny:kill_switch_active   deny:kill_switch_active
      system    push_creative    deny:kill_switch_active  deny:kill_switch_active   deny:kill_switch_active
      system    update_authority allow                    allow                     allow
      system    update_defaults  allow                    allow                     allow
      system    set_kill_switch  deny:not_partner_writable deny:not_partner_writable deny:not_partner_writable
      system    update_policy    deny:not_partner_writable deny:not_partner_writable deny:not_partner_writable
    `,
  },
  {
    name: "kill switch off, no partner consent",
    layer: { partnerWritesEnabled: false },
    rows: `
      partner   create_campaign  deny:partner_consent_missing deny:partner_consent_missing deny:partner_consent_missing
      partner   pause_campaign   deny:partner_consent_missing deny:partner_consent_missing deny:partner_consent_missing
      partner   update_budget    deny:partner_consent_missing deny:partner_consent_missing deny:partner_consent_missing
      partner   push_creative    deny:partner_consent_missing deny:partner_consent_missing deny:partner_consent_missing
      partner   update_authority deny:partner_consent_missing deny:partner_consent_missing deny:partner_consent_missing
      partner   update_defaults  deny:partner_consent_missing deny:partner_consent_missing deny:partner_consent_missing
      partner   set_kill_switch  deny:not_partner_writable    deny:not_partner_writable    deny:not_partner_writable
      partner   update_policy    deny:not_partner_writable    deny:not_partner_writable    deny:not_partner_writable
      customer  create_campaign  deny:authority_axis_off      queue                        allow
      customer  pause_campaign   deny:authority_axis_off      queue                        allow
      customer  update_budget    deny:authority_axis_off      queue                        allow
      customer  push_creative    deny:authority_axis_off      queue                        allow
      customer  update_authority allow                        allow                        allow
      customer  update_defaults  allow                        allow                        allow
      customer  set_kill_switch  allow                        allow                        allow
      customer  update_policy    allow                        allow                        allow
      optimizer create_campaign  deny:authority_axis_off      queue                        allow
      optimizer pause_campaign   deny:authority_axis_off      queue                        allow
      optimizer update_budget    deny:authority_axis_off      queue                        allow
      optimizer push_creative    deny:authority_axis_off      queue                        allow
      optimizer update_authority allow                        allow                        allow
      optimizer update_defaults  allow                        allow                        allow
      optimizer set_kill_switch  deny:not_partner_writable    deny:not_partner_writable    deny:not_partner_writable
      optimizer update_policy    deny:not_partner_writable    deny:not_partner_writable    deny:not_partner_writable
      system    create_campaign  deny:authority_axis_off      queue                        allow
      system    pause_campaign   deny:authority_axis_off      queue                        allow
      system    update_budget    deny:authority_axis_off      queue                        allow
      system    push_creative    deny:authority_axis_off      queue                        allow
      system    update_authority allow                        allow                        allow
      system    update_defaults  allow                        allow                        allow
      system    set_kill_switch  deny:not_partner_writable    deny:not_partner_writable    deny:not_partner_writable
      system    update_policy    deny:not_partner_writable    deny:not_partner_writable    deny:not_partner_writable
    `,
  },
  {
    name: "kill switch on, no partner consent",
    layer: { killSwitchActive: true, partnerWritesEnabled: false },
    rows: `
      partner   create_campaign  deny:kill_switch_active      deny:kill_switch_active      deny:kill_switch_active
      partner   pause_campaign   deny:kill_switch_active      deny:kill_switch_active      deny:kill_switch_active
      partner   update_budget    deny:kill_switch_active      deny:kill_switch_active      deny:kill_switch_active
      partner   push_creative    deny:kill_switch_active      deny:kill_switch_active      deny:kill_switch_active
      partner   update_authority deny:partner_consent_missing deny:partner_consent_missing deny:partner_consent_missing
      partner   update_defaults  deny:partner_consent_missing deny:partner_consent_missing deny:partner_consent_missing
      partner   set_kill_switch  deny:not_partner_writable    deny:not_partner_writable    deny:not_partner_writable
      partner   update_policy    deny:not_partner_writable    deny:not_partner_writable    deny:not_partner_writable
      customer  create_campaign  deny:kill_switch_active      deny:kill_switch_active      deny:kill_switch_active
      customer  pause_campaign   deny:kill_switch_active      deny:kill_switch_active      deny:kill_switch_active
      customer  update_budget    deny:kill_switch_active      deny:kill_switch_active      deny:kill_switch_active
      customer  push_creative    deny:kill_switch_active      deny:kill_switch_active      deny:kill_switch_active
      customer  update_authority allow                        allow                        allow
      customer  update_defaults  allow                        allow                        allow
      customer  set_kill_switch  allow                        allow                        allow
      customer  update_policy    allow                        allow                        allow
      optimizer create_campaign  deny:kill_switch_active      deny:kill_switch_active      deny:kill_switch_active
      optimizer pause_campaign   deny:kill_switch_active      deny:kill_switch_active      deny:kill_switch_active
      optimizer update_budget    deny:kill_switch_active      deny:kill_switch_active      deny:kill_switch_active
      optimizer push_creative    deny:kill_switch_active      deny:kill_switch_active      deny:kill_switch_active
      optimizer update_authority allow                        allow                        allow
      optimizer update_defaults  allow                        allow                        allow
      optimizer set_kill_switch  deny:not_partner_writable    deny:not_partner_writable    deny:not_partner_writable
      optimizer update_policy    deny:not_partner_writable    deny:not_partner_writable    deny:not_partner_writable
      system    create_campaign  deny:kill_switch_active      deny:kill_switch_active      deny:kill_switch_active
      system    pause_campaign   deny:kill_switch_active      deny:kill_switch_active      deny:kill_switch_active
      system    update_budget    deny:kill_switch_active      deny:kill_switch_active      deny:kill_switch_active
      system    push_creative    deny:kill_switch_active      deny:kill_switch_active      deny:kill_switch_active
      system    update_authority allow                        allow                        allow
      system    update_defaults  allow                        allow                        allow
      system    set_kill_switch  deny:not_partner_writable    deny:not_partner_writable    deny:not_partner_writable
      system    update_policy    deny:not_partner_writable    deny:not_partner_writable    deny:not_partner_writable
    `,
  },
];

describe.each(GRIDS)("decide - actor × operation class × mode ($name)", (grid) => {
  const cases = expand(grid);

  it("covers every actor, operation class and mode", () => {
    expect(cases).toHaveLength(4 * 8 * 3);
  });

  it.each(cases)("$actor $op in mode $mode → $expected", ({ actor, op, mode, expected }) => {
    const policy: PolicyState = { layer: layer({ ...grid.layer, defaults: block(mode) }), campaignAuthority: block(mode) };
    expect(decide(input(op, actor, requestFor(op)), policy)).toEqual(verdict(expected, AXIS_OF[op]!));
  });
});

describe("decide - every operation has its class", () => {
  // Spelled out from SPEC §4, independently of the contracts table.
  const STRUCTURAL = [
    ...["campaign", "adset", "adgroup", "ad", "keyword"].flatMap((e) => ["create", "pause", "resume", "archive", "delete"].map((v) => `${v}_${e}`)),
    // Renames (PATCH of an entity's name); keywords have no name to change.
    ...["campaign", "adset", "adgroup", "ad"].map((e) => `update_${e}`),
  ];
  const TACTICAL = ["update_budget", "update_bid", "update_schedule", "update_targeting"];
  const CREATIVE = ["push_creative", "replace_creative", "prune_creative"];
  const POLICY = ["update_authority", "update_defaults"];
  const CUSTOMER_ONLY = ["set_kill_switch", "update_policy"];

  it("the lists name every operation exactly once", () => {
    const all = [...STRUCTURAL, ...TACTICAL, ...CREATIVE, ...POLICY, ...CUSTOMER_ONLY];
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...operationSchema.options].sort());
  });

  const rows: Array<{ op: string; axis: GateDecision["axis"]; killSwitch: string; partner: string }> = [
    ...STRUCTURAL.map((op) => ({ op, axis: "structural" as const, killSwitch: "deny:kill_switch_active", partner: "allow" })),
    ...TACTICAL.map((op) => ({ op, axis: "tactical" as const, killSwitch: "deny:kill_switch_active", partner: "allow" })),
    ...CREATIVE.map((op) => ({ op, axis: "creative" as const, killSwitch: "deny:kill_switch_active", partner: "allow" })),
    ...POLICY.map((op) => ({ op, axis: "policy" as const, killSwitch: "allow", partner: "allow" })),
    ...CUSTOMER_ONLY.map((op) => ({ op, axis: "policy" as const, killSwitch: "allow", partner: "deny:not_partner_writable" })),
  ];

  it.each(rows)("$op: axis $axis; customer under kill switch → $killSwitch; partner → $partner", ({ op, axis, killSwitch, partner }) => {
    const operation = op as Operation;
    const ks: PolicyState = { layer: layer({ killSwitchActive: true }), campaignAuthority: null };
    expect(decide(input(operation, "customer"), ks)).toEqual(verdict(killSwitch, axis));
    expect(decide(input(operation, "partner"), { layer: layer(), campaignAuthority: null })).toEqual(verdict(partner, axis));
  });
});

describe("decide - which authority block governs (check 6)", () => {
  const cases: Array<{ name: string; op: Operation; campaign: AuthorityBlock | null; defaults: AuthorityBlock; expected: string }> = [
    { name: "campaign block auto beats defaults off", op: "update_budget", campaign: block("auto"), defaults: block("off"), expected: "allow" },
    { name: "campaign block off beats defaults auto", op: "update_budget", campaign: block("off"), defaults: block("auto"), expected: "deny:authority_axis_off" },
    { name: "no campaign block: defaults draft", op: "update_budget", campaign: null, defaults: block("draft"), expected: "queue" },
    { name: "no campaign block: defaults off", op: "pause_campaign", campaign: null, defaults: block("off"), expected: "deny:authority_axis_off" },
    { name: "create uses defaults, not a block", op: "create_campaign", campaign: block("auto"), defaults: block("draft"), expected: "queue" },
    {
      name: "only the operation's axis counts (tactical auto, others off)",
      op: "update_budget",
      campaign: { creative: "off", tactical: "auto", structural: "off" },
      defaults: block("off"),
      expected: "allow",
    },
    {
      name: "only the operation's axis counts (creative off, others auto)",
      op: "push_creative",
      campaign: { creative: "off", tactical: "auto", structural: "auto" },
      defaults: block("auto"),
      expected: "deny:authority_axis_off",
    },
    {
      name: "structural draft queues a pause even with tactical auto",
      op: "pause_campaign",
      campaign: { creative: "auto", tactical: "auto", structural: "draft" },
      defaults: block("auto"),
      expected: "queue",
    },
  ];
  it.each(cases)("$name → $expected", ({ op, campaign, defaults, expected }) => {
    expect(decide(input(op, "partner"), { layer: layer({ defaults }), campaignAuthority: campaign })).toEqual(verdict(expected, AXIS_OF[op]!));
  });
});

describe("decide - partner policy changes against the ceiling (check 4)", () => {
  // current = the campaign's effective block (update_authority) or the defaults (update_defaults).
  const cases: Array<{
    name: string;
    actor: ActorType;
    op: Operation;
    ceiling: AuthorityBlock;
    current: AuthorityBlock;
    requested: AuthorityPatch;
    expected: string;
  }> = [
    { name: "raise above ceiling", actor: "partner", op: "update_authority", ceiling: block("draft"), current: block("off"), requested: { tactical: "auto" }, expected: "deny:exceeds_customer_policy" },
    { name: "raise up to the ceiling", actor: "partner", op: "update_authority", ceiling: block("draft"), current: block("off"), requested: { tactical: "draft" }, expected: "allow" },
    { name: "lower while above ceiling", actor: "partner", op: "update_authority", ceiling: block("off"), current: block("auto"), requested: { tactical: "draft" }, expected: "allow" },
    { name: "lower to off", actor: "partner", op: "update_authority", ceiling: block("draft"), current: block("auto"), requested: { creative: "off", tactical: "off", structural: "off" }, expected: "allow" },
    { name: "equal to current, above ceiling", actor: "partner", op: "update_authority", ceiling: block("off"), current: block("auto"), requested: { structural: "auto" }, expected: "allow" },
    { name: "one axis raised among lowered ones", actor: "partner", op: "update_authority", ceiling: { creative: "auto", tactical: "draft", structural: "auto" }, current: block("draft"), requested: { creative: "off", tactical: "auto" }, expected: "deny:exceeds_customer_policy" },
    { name: "raise on an axis whose ceiling allows it", actor: "partner", op: "update_authority", ceiling: { creative: "auto", tactical: "off", structural: "off" }, current: block("off"), requested: { creative: "auto" }, expected: "allow" },
    { name: "empty patch", actor: "partner", op: "update_authority", ceiling: block("off"), current: block("off"), requested: {}, expected: "allow" },
    { name: "defaults: raise above ceiling", actor: "partner", op: "update_defaults", ceiling: block("draft"), current: block("draft"), requested: { creative: "auto" }, expected: "deny:exceeds_customer_policy" },
    { name: "defaults: lower", actor: "partner", op: "update_defaults", ceiling: block("off"), current: block("draft"), requested: { creative: "off" }, expected: "allow" },
    { name: "defaults: equal, above ceiling", actor: "partner", op: "update_defaults", ceiling: block("off"), current: block("draft"), requested: { creative: "draft" }, expected: "allow" },
    { name: "customer may raise above ceiling", actor: "customer", op: "update_authority", ceiling: block("off"), current: block("off"), requested: { tactical: "auto" }, expected: "allow" },
    { name: "customer may raise defaults above ceiling", actor: "customer", op: "update_defaults", ceiling: block("off"), current: block("off"), requested: block("auto"), expected: "allow" },
  ];
  it.each(cases)("$actor $op: $name → $expected", ({ actor, op, ceiling, current, requested, expected }) => {
    const policy: PolicyState =
      op === "update_authority"
        ? { layer: layer({ ceiling, defaults: block("off") }), campaignAuthority: current }
        : { layer: layer({ ceiling, defaults: current }), campaignAuthority: null };
    expect(decide(input(op, actor, { requestedAuthority: requested }), policy)).toEqual(verdict(expected, "policy"));
  });

  it("a campaign without a block is compared with the layer defaults", () => {
    const policy: PolicyState = { layer: layer({ ceiling: block("draft"), defaults: block("auto") }), campaignAuthority: null };
    // auto equals the inherited auto: not a raise.
    expect(decide(input("update_authority", "partner", { requestedAuthority: { tactical: "auto" } }), policy)).toEqual(verdict("allow", "policy"));
  });

  const creates: Array<{ name: string; actor: ActorType; ceiling: AuthorityBlock; requested: AuthorityBlock; expected: string }> = [
    { name: "modes above ceiling", actor: "partner", ceiling: block("draft"), requested: { creative: "auto", tactical: "draft", structural: "draft" }, expected: "deny:exceeds_customer_policy" },
    { name: "modes at ceiling", actor: "partner", ceiling: block("draft"), requested: block("draft"), expected: "allow" },
    { name: "modes below ceiling", actor: "partner", ceiling: block("auto"), requested: block("off"), expected: "allow" },
    { name: "customer above ceiling", actor: "customer", ceiling: block("off"), requested: block("auto"), expected: "allow" },
    { name: "optimizer above ceiling", actor: "optimizer", ceiling: block("off"), requested: block("auto"), expected: "allow" },
  ];
  it.each(creates)("$actor create_campaign: $name → $expected", ({ actor, ceiling, requested, expected }) => {
    const policy: PolicyState = { layer: layer({ ceiling, defaults: block("auto") }), campaignAuthority: null };
    expect(decide(input("create_campaign", actor, { requestedAuthority: requested }), policy)).toEqual(verdict(expected, "structural"));
  });
});

describe("decide - Apple writer preset (check 5)", () => {
  const rows = `
    apple  ADGROUP_GRAIN partner   deny:apple_adgroup_grain_violation
    apple  ADGROUP_GRAIN optimizer deny:apple_adgroup_grain_violation
    apple  ADGROUP_GRAIN customer  allow
    apple  ADGROUP_GRAIN system    allow
    apple  null          partner   deny:apple_adgroup_grain_violation
    apple  null          optimizer deny:apple_adgroup_grain_violation
    apple  null          customer  allow
    apple  END_TO_END    partner   allow
    apple  END_TO_END    optimizer allow
    apple  END_TO_END    customer  allow
    meta   ADGROUP_GRAIN partner   allow
    tiktok null          optimizer allow
  `
    .trim()
    .split("\n")
    .map((l) => {
      const [platform, preset, actor, expected] = l.trim().split(/\s+/);
      return { platform: platform as LayerPolicy["platform"], preset: preset === "null" ? null : (preset as LayerPolicy["writerPreset"]), actor: actor as ActorType, expected: expected! };
    });

  it.each(rows)("$platform preset $preset: $actor create_campaign → $expected", ({ platform, preset, actor, expected }) => {
    const policy: PolicyState = { layer: layer({ platform, writerPreset: preset }), campaignAuthority: null };
    expect(decide(input("create_campaign", actor, { requestedAuthority: block("auto") }), policy)).toEqual(verdict(expected, "structural"));
  });

  it.each(["pause_campaign", "create_adgroup", "create_keyword", "update_budget"] as const)(
    "only campaign creates are limited: partner %s on an ADGROUP_GRAIN Apple layer is allowed",
    (op) => {
      const policy: PolicyState = { layer: layer({ platform: "apple", writerPreset: "ADGROUP_GRAIN" }), campaignAuthority: null };
      expect(decide(input(op, "partner"), policy).decision).toBe("allow");
    },
  );

  it("the preset check comes before the axis mode: off does not hide it", () => {
    const policy: PolicyState = { layer: layer({ platform: "apple", writerPreset: "ADGROUP_GRAIN", defaults: block("off") }), campaignAuthority: null };
    expect(decide(input("create_campaign", "partner"), policy)).toEqual(verdict("deny:apple_adgroup_grain_violation", "structural"));
  });
});

describe("decide - daily budget cap (check 7)", () => {
  const cases: Array<{ op: Operation; cap: number | null; budget: number | undefined; mode: Mode; rerun: boolean; expected: string }> = [
    { op: "update_budget", cap: 10_000, budget: 9_999, mode: "auto", rerun: false, expected: "allow" },
    { op: "update_budget", cap: 10_000, budget: 10_000, mode: "auto", rerun: false, expected: "allow" },
    { op: "update_budget", cap: 10_000, budget: 10_001, mode: "auto", rerun: false, expected: "deny:budget_cap_exceeded" },
    { op: "update_budget", cap: null, budget: 10_000_000, mode: "auto", rerun: false, expected: "allow" },
    { op: "update_budget", cap: 0, budget: 1, mode: "auto", rerun: false, expected: "deny:budget_cap_exceeded" },
    { op: "update_budget", cap: 10_000, budget: undefined, mode: "auto", rerun: false, expected: "allow" },
    { op: "create_campaign", cap: 10_000, budget: 9_999, mode: "auto", rerun: false, expected: "allow" },
    { op: "create_campaign", cap: 10_000, budget: 10_000, mode: "auto", rerun: false, expected: "allow" },
    { op: "create_campaign", cap: 10_000, budget: 10_001, mode: "auto", rerun: false, expected: "deny:budget_cap_exceeded" },
    // Check 6 decides before check 7: a draft write over the cap queues, and its approved re-run is denied.
    { op: "update_budget", cap: 10_000, budget: 10_001, mode: "draft", rerun: false, expected: "queue" },
    { op: "update_budget", cap: 10_000, budget: 10_001, mode: "draft", rerun: true, expected: "deny:budget_cap_exceeded" },
    { op: "update_budget", cap: 10_000, budget: 10_000, mode: "draft", rerun: true, expected: "allow" },
    { op: "update_budget", cap: 10_000, budget: 10_001, mode: "off", rerun: false, expected: "deny:authority_axis_off" },
  ];
  it.each(cases)("$op budget $budget, cap $cap, mode $mode, approved re-run $rerun → $expected", ({ op, cap, budget, mode, rerun, expected }) => {
    const policy: PolicyState = { layer: layer({ maxDailyBudgetCents: cap, defaults: block(mode) }), campaignAuthority: null };
    const req = budget === undefined ? {} : { dailyBudgetCents: budget };
    expect(decide(input(op, "partner", { ...req, approvedRerun: rerun }), policy)).toEqual(verdict(expected, AXIS_OF[op]!));
  });
});

describe("decide - approved re-runs (approval satisfies draft only)", () => {
  const cases: Array<{ name: string; actor: ActorType; mode: Mode; layer: Partial<LayerPolicy>; budget?: number; expected: string }> = [
    { name: "draft is satisfied", actor: "customer", mode: "draft", layer: {}, expected: "allow" },
    { name: "draft is satisfied for a partner approver", actor: "partner", mode: "draft", layer: {}, expected: "allow" },
    { name: "auto stays allowed", actor: "customer", mode: "auto", layer: {}, expected: "allow" },
    { name: "off is checked again", actor: "customer", mode: "off", layer: {}, expected: "deny:authority_axis_off" },
    { name: "a kill switch tripped since queueing blocks", actor: "customer", mode: "draft", layer: { killSwitchActive: true }, expected: "deny:kill_switch_active" },
    { name: "consent withdrawn since queueing blocks a partner", actor: "partner", mode: "draft", layer: { partnerWritesEnabled: false }, expected: "deny:partner_consent_missing" },
    { name: "a cap lowered since queueing blocks", actor: "customer", mode: "draft", layer: { maxDailyBudgetCents: 4_000 }, budget: 5_000, expected: "deny:budget_cap_exceeded" },
  ];
  it.each(cases)("$name → $expected", ({ actor, mode, layer: over, budget, expected }) => {
    const policy: PolicyState = { layer: layer({ ...over, defaults: block(mode) }), campaignAuthority: block(mode) };
    const req = budget === undefined ? {} : { dailyBudgetCents: budget };
    expect(decide(input("update_budget", actor, { ...req, approvedRerun: true }), policy)).toEqual(verdict(expected, "tactical"));
  });

  it("an Apple create re-run by a partner is still limited by the preset", () => {
    const policy: PolicyState = { layer: layer({ platform: "apple", defaults: block("draft") }), campaignAuthority: null };
    expect(decide(input("create_campaign", "partner", { approvedRerun: true }), policy)).toEqual(verdict("deny:apple_adgroup_grain_violation", "structural"));
  });
});

describe("decide - check order when several checks fail", () => {
  const everythingWrong = layer({
    platform: "apple",
    killSwitchActive: true,
    partnerWritesEnabled: false,
    ceiling: block("off"),
    defaults: block("off"),
    maxDailyBudgetCents: 1,
    writerPreset: "ADGROUP_GRAIN",
  });
  const cases: Array<{ name: string; actor: ActorType; op: Operation; over: Partial<LayerPolicy>; expected: string }> = [
    { name: "1 before 2", actor: "partner", op: "set_kill_switch", over: {}, expected: "deny:not_partner_writable" },
    { name: "2 before 3", actor: "partner", op: "create_campaign", over: {}, expected: "deny:kill_switch_active" },
    { name: "3 before 4", actor: "partner", op: "update_defaults", over: {}, expected: "deny:partner_consent_missing" },
    { name: "4 before 5", actor: "partner", op: "create_campaign", over: { killSwitchActive: false, partnerWritesEnabled: true }, expected: "deny:exceeds_customer_policy" },
    { name: "5 before 6", actor: "partner", op: "create_campaign", over: { killSwitchActive: false, partnerWritesEnabled: true, ceiling: block("auto") }, expected: "deny:apple_adgroup_grain_violation" },
    { name: "6 before 7", actor: "partner", op: "create_campaign", over: { killSwitchActive: false, partnerWritesEnabled: true, ceiling: block("auto"), writerPreset: "END_TO_END" }, expected: "deny:authority_axis_off" },
    { name: "7 last", actor: "partner", op: "create_campaign", over: { killSwitchActive: false, partnerWritesEnabled: true, ceiling: block("auto"), writerPreset: "END_TO_END", defaults: block("auto") }, expected: "deny:budget_cap_exceeded" },
    { name: "customer skips 3 and 4", actor: "customer", op: "update_defaults", over: {}, expected: "allow" },
    { name: "customer skips 5", actor: "customer", op: "create_campaign", over: { killSwitchActive: false }, expected: "deny:authority_axis_off" },
  ];
  it.each(cases)("$name: $actor $op → $expected", ({ actor, op, over, expected }) => {
    const req = op === "create_campaign" ? { requestedAuthority: block("auto"), dailyBudgetCents: 5_000 } : op === "update_defaults" ? { requestedAuthority: block("auto") } : {};
    const policy: PolicyState = { layer: { ...everythingWrong, ...over }, campaignAuthority: null };
    expect(decide(input(op, actor, req), policy)).toEqual(verdict(expected, AXIS_OF[op]!));
  });
});
