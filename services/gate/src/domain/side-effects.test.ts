import { describe, expect, it } from "vitest";
import { deterministicEventId, dispatchSchema, eventSchema, jobEndedDataSchema, natsNames, verdictSchema } from "@layers/contracts";
import { effectsOf, type DecisionRecord } from "./side-effects.ts";
import { testIntent } from "../testing/test-intent.ts";

const names = natsNames("lay");
const CMP = "cmp_0000000000000000000000000a";
const VERDICT = "0e7b9c55-3f5e-4c1a-9d1e-5b2a7c8d9e0f";
const PA = "pa_0000000000000000000000000a";
const ACC = "aa_0000000000000000000000000a";

function record(over: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    intent: testIntent("update_budget", { campaignId: CMP, dailyBudgetCents: 7_500 }),
    verdictId: VERDICT,
    decision: "allow",
    reason: null,
    axis: "tactical",
    pendingActionId: null,
    decidedAt: new Date("2026-11-22T10:00:01.000Z"),
    currency: "EUR",
    adAccountId: ACC,
    result: null,
    replyTo: "lay.verdict.gw1",
    awaitingDispatch: true,
    ...over,
  };
}

describe("effectsOf - what each decision publishes", () => {
  const cases: Array<{ name: string; r: DecisionRecord; dispatch: boolean; events: string[]; verdict: Record<string, unknown> | null }> = [
    { name: "allowed platform write", r: record(), dispatch: true, events: [], verdict: { decision: "allow", axis: "tactical" } },
    { name: "allowed, already held by a dispatcher", r: record({ awaitingDispatch: false }), dispatch: false, events: [], verdict: { decision: "allow", axis: "tactical" } },
    {
      name: "queued",
      r: record({ decision: "queue_for_approval", pendingActionId: PA, awaitingDispatch: false }),
      dispatch: false,
      events: [],
      verdict: { decision: "queue_for_approval", axis: "tactical", pendingActionId: PA },
    },
    {
      name: "denied",
      r: record({ decision: "deny", reason: "authority_axis_off", awaitingDispatch: false }),
      dispatch: false,
      events: ["ads.write.denied", "job.failed"],
      verdict: { decision: "deny", reason: "authority_axis_off", axis: "tactical" },
    },
    {
      name: "denied over the cap",
      r: record({ decision: "deny", reason: "budget_cap_exceeded", awaitingDispatch: false }),
      dispatch: false,
      events: ["ads.write.denied", "ads.budget.cap_exceeded", "job.failed"],
      verdict: { decision: "deny", reason: "budget_cap_exceeded", axis: "tactical" },
    },
    {
      name: "approved re-run denied",
      r: record({
        intent: testIntent("update_budget", { campaignId: CMP, dailyBudgetCents: 7_500 }, { source: "approval", pendingActionId: PA }),
        decision: "deny",
        reason: "kill_switch_active",
        pendingActionId: PA,
        awaitingDispatch: false,
      }),
      dispatch: false,
      events: ["ads.write.denied", "approval.dispatch_failed", "job.failed"],
      verdict: { decision: "deny", reason: "kill_switch_active", axis: "tactical", pendingActionId: PA },
    },
    {
      name: "kill switch tripped",
      r: record({ intent: testIntent("set_kill_switch", { active: true, reason: "x" }), axis: "policy", result: { killSwitchActive: true, reason: "x" }, awaitingDispatch: false }),
      dispatch: false,
      events: ["kill_switch.tripped", "job.completed"],
      verdict: { decision: "allow", axis: "policy", result: { killSwitchActive: true, reason: "x" } },
    },
    {
      name: "kill switch released",
      r: record({ intent: testIntent("set_kill_switch", { active: false }), axis: "policy", result: { killSwitchActive: false, reason: null }, awaitingDispatch: false }),
      dispatch: false,
      events: ["kill_switch.released", "job.completed"],
      verdict: { decision: "allow", axis: "policy", result: { killSwitchActive: false, reason: null } },
    },
    {
      name: "kill switch change denied",
      r: record({ intent: testIntent("set_kill_switch", { active: true }), axis: "policy", decision: "deny", reason: "not_partner_writable", awaitingDispatch: false }),
      dispatch: false,
      events: ["ads.write.denied", "job.failed"],
      verdict: { decision: "deny", reason: "not_partner_writable", axis: "policy" },
    },
    {
      name: "policy change applied (never dispatched, even if flagged)",
      r: record({ intent: testIntent("update_defaults", { authority: { tactical: "auto" } }), axis: "policy", result: { authority: {} }, awaitingDispatch: true }),
      dispatch: false,
      events: ["job.completed"],
      verdict: { decision: "allow", axis: "policy", result: { authority: {} } },
    },
    { name: "nobody waiting", r: record({ replyTo: null }), dispatch: true, events: [], verdict: null },
  ];

  it.each(cases)("$name", ({ r, dispatch, events, verdict }) => {
    const e = effectsOf(r, names);
    expect(e.dispatch !== null).toBe(dispatch);
    expect(e.events.map((x) => x.body.type)).toEqual(events);
    for (const ev of e.events) {
      expect(eventSchema.parse(ev.body)).toEqual(ev.body);
      expect(ev.msgID).toBe(ev.body.id);
      expect(ev.subject).toBe(`lay.event.${ev.body.type}`);
      expect(ev.body.createdAt).toBe("2026-11-22T10:00:01.000Z");
      expect(ev.body.data).toMatchObject({ organizationId: "org_0000000000000000000000000a", intentId: r.intent.intentId, verdictId: VERDICT });
      // The job's ending event carries what the job itself stores.
      if (ev.body.type.startsWith("job.")) {
        expect(jobEndedDataSchema.parse(ev.body.data)).toMatchObject({ jobId: r.intent.jobId, status: r.decision === "deny" ? "failed" : "completed" });
        expect(ev.body.id).toBe(deterministicEventId(r.intent.intentId, ev.body.type));
      }
    }
    if (verdict === null) expect(e.verdict).toBeNull();
    else {
      expect(e.verdict!.subject).toBe("lay.verdict.gw1");
      expect(verdictSchema.parse(e.verdict!.body)).toEqual({ intentId: r.intent.intentId, jobId: r.intent.jobId, verdictId: VERDICT, ...verdict });
    }
  });

  it("the dispatch carries the intent, verdict, layer currency and ad account under the intent id", () => {
    const { dispatch } = effectsOf(record({ pendingActionId: PA }), names);
    expect(dispatch!.subject).toBe("lay.dispatch.meta");
    expect(dispatch!.msgID).toBe("int_0000000000000000000000000a");
    expect(dispatchSchema.parse(dispatch!.body)).toEqual({
      intentId: "int_0000000000000000000000000a",
      jobId: "job_0000000000000000000000000a",
      verdictId: VERDICT,
      organizationId: "org_0000000000000000000000000a",
      projectId: "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b",
      layerId: "lyr_0b8f7c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e",
      platform: "meta",
      operation: "update_budget",
      entityKey: "campaign:cmp_0000000000000000000000000a",
      entitySeq: 3,
      params: { campaignId: CMP, dailyBudgetCents: 7_500 },
      currency: "EUR",
      adAccountId: ACC,
      pendingActionId: PA,
      requestId: "req-1",
    });
  });

  it("a write whose ad account is unknown is dispatched without one (the dispatcher takes the full path)", () => {
    const { dispatch } = effectsOf(record({ adAccountId: null }), names);
    expect(dispatchSchema.parse(dispatch!.body)).not.toHaveProperty("adAccountId");
  });

  it("repeats identically (same event ids) and ids differ per event type and intent", () => {
    const r = record({ decision: "deny", reason: "budget_cap_exceeded" });
    const a = effectsOf(r, names);
    expect(effectsOf(r, names)).toEqual(a);
    expect(new Set(a.events.map((e) => e.body.id)).size).toBe(3);
    const other = effectsOf(record({ decision: "deny", reason: "budget_cap_exceeded", intent: testIntent("update_budget", { campaignId: CMP }, { intentId: "int_0000000000000000000000000b" }) }), names);
    expect(other.events[0]!.body.id).not.toBe(a.events[0]!.body.id);
  });

  it("the cap event names the requested budget and the campaign", () => {
    const e = effectsOf(record({ decision: "deny", reason: "budget_cap_exceeded" }), names);
    expect(e.events[1]!.body.data).toMatchObject({ campaignId: CMP, dailyBudgetCents: 7_500, reason: "budget_cap_exceeded", operation: "update_budget" });
  });
});
