import { describe, expect, it } from "vitest";
import { deterministicEventId, newId, type Dispatch } from "@layers/contracts";
import { outcomeEvents, supersededEvents, tokenExpiredEvent } from "./events.ts";

const d: Dispatch = {
  intentId: newId("intent"),
  jobId: newId("job"),
  verdictId: "3f1c6a8e-5a4b-4c1e-9a57-0f0f7d1b2c3d",
  organizationId: newId("organization"),
  projectId: "0b5e8c58-6d43-4c09-9b1e-2f5b8f3c1a77",
  layerId: "lyr_6a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b",
  platform: "meta",
  operation: "update_budget",
  entityKey: "campaign:cmp_x",
  entitySeq: 2,
  params: { campaignId: "cmp_x", dailyBudgetCents: 100 },
  currency: "USD",
  requestId: "req-1",
};
const at = new Date("2026-11-22T10:00:00.000Z");

describe("outcome events", () => {
  it("a landed write is ads.write.executed with the ids partners correlate on, and a stable event id", () => {
    const [e, job, ...rest] = outcomeEvents(d, "cmp_x", { kind: "landed", platformId: "42", reconciled: false, created: false, row: {} }, at);
    expect(rest).toEqual([]);
    expect(job).toMatchObject({ id: deterministicEventId(d.intentId, "job.completed"), type: "job.completed", data: { jobId: d.jobId, intentId: d.intentId, status: "completed", error: null } });
    expect(e).toMatchObject({ id: deterministicEventId(d.intentId, "ads.write.executed"), type: "ads.write.executed", createdAt: at.toISOString() });
    expect(e!.data).toMatchObject({ organizationId: d.organizationId, campaignId: "cmp_x", platformCampaignId: "42", jobId: d.jobId, verdictId: d.verdictId, operation: "update_budget" });
  });

  it.each([
    [{ kind: "landed", platformId: "42", reconciled: true, created: false, row: {} }, ["ads.write.executed", "approval.dispatched", "job.completed"]],
    [{ kind: "failed", code: "platform_rejected", message: "no" }, ["approval.dispatch_failed", "job.failed"]],
    [{ kind: "dead", code: "attempts_exhausted", message: "gave up" }, ["approval.dispatch_failed", "job.failed"]],
  ] as const)("an approval re-run %j emits %j", (outcome, types) => {
    const events = outcomeEvents({ ...d, pendingActionId: newId("pendingAction") }, "cmp_x", outcome, at);
    expect(events.map((e) => e.type)).toEqual(types);
    expect(events.filter((e) => !e.type.startsWith("job.")).every((e) => e.data.pendingActionId !== undefined)).toBe(true);
  });

  it("a failed write without an approval emits only job.failed, with the error its job stores", () => {
    const events = outcomeEvents(d, "cmp_x", { kind: "failed", code: "x", message: "y" }, at);
    expect(events.map((e) => [e.type, e.id])).toEqual([["job.failed", deterministicEventId(d.intentId, "job.failed")]]);
    expect(events[0]!.data).toMatchObject({ status: "failed", error: { code: "PLATFORM_ERROR", message: "y", reason: "x" } });
  });

  it("a superseded write is ads.write.superseded naming the write that replaces it, then job.completed, with stable event ids", () => {
    const by = { intentId: newId("intent"), jobId: newId("job") };
    const [e, ...rest] = supersededEvents(d, "cmp_x", by, at, { kind: "adset", id: "adset_1" });
    expect(rest.map((r) => [r.type, r.id])).toEqual([["job.completed", deterministicEventId(d.intentId, "job.completed")]]);
    expect(rest[0]!.data).toMatchObject({ jobId: d.jobId, status: "completed", error: null });
    expect(e).toMatchObject({ id: deterministicEventId(d.intentId, "ads.write.superseded"), type: "ads.write.superseded" });
    expect(e!.data).toMatchObject({ jobId: d.jobId, intentId: d.intentId, entityKind: "adset", entityId: "adset_1", supersededByJobId: by.jobId, supersededByIntentId: by.intentId });
  });

  it("token_expired is keyed by the account's connection, not by the write", () => {
    const a = { organizationId: d.organizationId, projectId: d.projectId, layerId: d.layerId, platform: "meta" as const, adAccountId: "aa_1", connectedAt: at };
    expect(tokenExpiredEvent(a, new Date()).id).toBe(tokenExpiredEvent(a, new Date(0)).id);
    expect(tokenExpiredEvent({ ...a, connectedAt: new Date(1) }, at).id).not.toBe(tokenExpiredEvent(a, at).id);
  });
});
