import { describe, expect, it } from "vitest";
import { newId, newLayerId } from "./ids.ts";
import { dispatchSchema, OPERATION_PARAMS, paramsIssue, paramsOf, writeIntentSchema } from "./messages.ts";

const intent = (operation: string, params: Record<string, unknown>) => ({
  intentId: newId("intent"),
  jobId: newId("job"),
  organizationId: newId("organization"),
  projectId: "5b0e2f1c-8a3b-4a7e-9d1e-2f3a4b5c6d7e",
  layerId: newLayerId(),
  platform: "meta",
  operation,
  entityKey: "campaign:x",
  entitySeq: 1,
  params,
  actor: { type: "partner", organizationId: newId("organization") },
  source: "api",
  requestId: "req-1",
  acceptedAt: new Date().toISOString(),
});
const campaignId = newId("campaign");

describe("messages carry params checked against their operation", () => {
  it("every operation has a params schema", () => {
    expect(Object.keys(OPERATION_PARAMS).sort()).toContain("update_budget");
    expect(Object.keys(OPERATION_PARAMS)).toContain("set_kill_switch");
  });

  it.each([
    ["update_budget", { campaignId, dailyBudgetCents: 500 }, true],
    ["update_budget", { campaignId, dailyBudgetCents: -1 }, false],
    ["update_budget", { campaignId, dailyBudgetCents: 500, rationale: "CPA is 2x the layer's" }, true],
    ["update_budget", { campaignId, dailyBudgetCents: 500, rationale: 42 }, false],
    ["pause_campaign", { campaignId, surprise: true }, false],
    ["set_kill_switch", { active: true }, true],
    ["set_kill_switch", { campaignId }, false],
  ] as const)("%s %j → valid %s", (operation, params, ok) => {
    expect(writeIntentSchema.safeParse(intent(operation, params)).success).toBe(ok);
    expect(paramsIssue(operation, params) === undefined).toBe(ok);
  });

  it("a dispatch is checked the same way, and the issue names the field", () => {
    const base = { ...intent("create_campaign", {}), verdictId: "0d9b2c4e-7f1a-4b8e-9c3d-5e6f7a8b9c0d", currency: "USD" };
    const { acceptedAt: _a, actor: _b, source: _c, ...d } = base;
    const bad = dispatchSchema.safeParse({ ...d, params: { campaignId, adAccountId: newId("adAccount"), name: "", outcome: "traffic" } });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toMatch(/params do not match create_campaign: name/);
  });

  it("paramsOf types a parsed message's params without parsing again, and refuses the wrong operation", () => {
    const parsed = writeIntentSchema.parse(intent("update_budget", { campaignId, dailyBudgetCents: 700 }));
    expect(paramsOf(parsed, "update_budget").dailyBudgetCents).toBe(700);
    expect(() => paramsOf(parsed, "pause_campaign")).toThrow(/not pause_campaign/);
  });
});
