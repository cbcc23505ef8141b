import { describe, expect, it } from "vitest";
import { authorityFromModes, evaluateRequestSchema, type EvaluateRequest, type Operation } from "@layers/contracts";
import { gateInputOf } from "../domain/gate-input.ts";
import { readIntentParams } from "../domain/intent-params.ts";
import { testIntent } from "../testing/test-intent.ts";
import { evaluateInputOf } from "./evaluate-input.ts";

const campaignId = "cmp_0000000000000000000000000a";
const base = (operation: Operation, params: EvaluateRequest["params"], over: Partial<EvaluateRequest> = {}): EvaluateRequest =>
  evaluateRequestSchema.parse({
    organizationId: "org_0000000000000000000000000a",
    projectId: "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b",
    layerId: "lyr_0b8f7c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e",
    platform: "meta",
    operation,
    actor: { type: "partner", organizationId: "org_0000000000000000000000000a", apiKeyId: "key_0000000000000000000000000a" },
    params,
    requestId: "req-1",
    ...over,
  });

/** The dry run must feed `decide()` what the real intent would: same inputs as `gateInputOf`. */
describe("evaluateInputOf matches gateInputOf for the equivalent intent", () => {
  const create = {
    campaignId,
    adAccountId: "aa_0000000000000000000000000a",
    name: "x",
    outcome: "traffic",
    dailyBudgetCents: 5000,
    authority: authorityFromModes("autopilot", "draft"),
    status: "PAUSED",
    specialAdCategories: [],
  };
  it.each([
    ["create_campaign (modes)", base("create_campaign", { dailyBudgetCents: 5000, campaignManagementMode: "autopilot", creativeMode: "draft" }), testIntent("create_campaign", create)],
    ["update_budget", base("update_budget", { dailyBudgetCents: 7000 }, { campaignId }), testIntent("update_budget", { campaignId, dailyBudgetCents: 7000 })],
    ["update_authority", base("update_authority", { authority: { tactical: "auto" } }, { campaignId }), testIntent("update_authority", { campaignId, authority: { tactical: "auto" } })],
    ["update_defaults", base("update_defaults", { authority: { creative: "off" } }), testIntent("update_defaults", { authority: { creative: "off" } })],
    ["pause_campaign", base("pause_campaign", {}, { campaignId }), testIntent("pause_campaign", { campaignId })],
    ["customer set_kill_switch", base("set_kill_switch", {}, { actor: { type: "customer", organizationId: "org_0000000000000000000000000a", userId: "usr_1" } }), testIntent("set_kill_switch", { active: true }, { actor: { type: "customer", organizationId: "org_0000000000000000000000000a", userId: "usr_1" } })],
  ])("%s", (_name, request, intent) => {
    const params = readIntentParams(intent.operation, intent.params);
    if (!params.ok) throw new Error(params.error);
    expect(evaluateInputOf(request)).toEqual(gateInputOf(intent, params.params, false));
  });

  it("a create may name an explicit block instead of the modes", () => {
    expect(evaluateInputOf(base("create_campaign", { authority: { structural: "auto" } })).requestedAuthority).toEqual({ structural: "auto" });
  });

  it("authority given to a non-policy operation is not a request for authority", () => {
    expect(evaluateInputOf(base("update_budget", { authority: { tactical: "auto" } }, { campaignId })).requestedAuthority).toBeUndefined();
  });
});
