import { describe, expect, it } from "vitest";
import { createLogger } from "@layers/runtime";
import { landWrite, type QuickRetry } from "./land-write.ts";
import type { MetaWrite } from "./map-campaign.ts";
import { MetaRequestError, MetaThrottledError, MetaTransientError, type MetaCampaign, type MetaClient } from "./meta/index.ts";

const log = createLogger({ service: "test", level: "silent" });
const quick: QuickRetry = { retries: 2, minMs: 1, maxMs: 20 };
const auth = { accessToken: "t" };
const create: MetaWrite = { kind: "create", campaignId: "cmp_1", adAccountId: "aa_1", marker: "layers:cmp_1", fields: { name: "x" }, row: {} };
const budget: MetaWrite = { kind: "update", campaignId: "cmp_1", fields: { daily_budget: 7500 }, row: { dailyBudgetCents: 7500 } };

/** A scripted Meta: each call takes the next planned answer for its method and is recorded. */
function scriptedMeta(plan: { create?: Array<Error | string>; update?: Array<Error | true>; list?: MetaCampaign[][]; get?: MetaCampaign[] }) {
  const calls: string[] = [];
  const next = <T>(list: T[] | undefined, name: string): T => {
    const v = list?.shift();
    if (v === undefined) throw new Error(`unexpected ${name}`);
    return v;
  };
  const client: MetaClient = {
    async createCampaign() {
      calls.push("create");
      const v = next(plan.create, "create");
      if (v instanceof Error) throw v;
      return { id: v };
    },
    async updateCampaign() {
      calls.push("update");
      const v = next(plan.update, "update");
      if (v instanceof Error) throw v;
    },
    async getCampaign() {
      calls.push("get");
      return next(plan.get, "get");
    },
    async listCampaigns() {
      calls.push("list");
      return next(plan.list, "list");
    },
    async deleteCampaign() {
      throw new Error("unused");
    },
  };
  return { client, calls };
}

const transient = () => new MetaTransientError("boom", { httpStatus: 500 });
const throttle = (retryAfterMs?: number) => new MetaThrottledError("slow down", { code: 17 }, retryAfterMs === undefined ? {} : { retryAfterMs });

describe("landWrite", () => {
  it("a first attempt calls Meta straight away", async () => {
    const m = scriptedMeta({ create: ["111"] });
    expect(await landWrite(m.client, quick, log, { plan: create, auth, platformAccountId: "1", mayHaveLanded: false })).toEqual({ platformId: "111", reconciled: false });
    expect(m.calls).toEqual(["create"]);
  });

  it("after a lost answer, the retry finds the create by its marker instead of creating again", async () => {
    const m = scriptedMeta({ create: [transient()], list: [[{ id: "9" }, { id: "111", adlabels: [{ name: "layers:cmp_1" }] }]] });
    expect(await landWrite(m.client, quick, log, { plan: create, auth, platformAccountId: "1", mayHaveLanded: false })).toEqual({ platformId: "111", reconciled: true });
    expect(m.calls).toEqual(["create", "list"]);
  });

  it("after a lost answer that did not apply, the retry creates", async () => {
    const m = scriptedMeta({ create: [transient(), "222"], list: [[{ id: "9", adlabels: [{ name: "layers:cmp_other" }] }]] });
    expect(await landWrite(m.client, quick, log, { plan: create, auth, platformAccountId: "1", mayHaveLanded: false })).toEqual({ platformId: "222", reconciled: false });
    expect(m.calls).toEqual(["create", "list", "create"]);
  });

  it("a takeover (earlier claim) reconciles an update before calling, and skips it when Meta holds the value", async () => {
    const held = scriptedMeta({ get: [{ id: "5", daily_budget: "7500" }] });
    expect(await landWrite(held.client, quick, log, { plan: budget, auth, platformAccountId: "1", platformCampaignId: "5", mayHaveLanded: true })).toEqual({ platformId: "5", reconciled: true });
    expect(held.calls).toEqual(["get"]);
    const notHeld = scriptedMeta({ get: [{ id: "5", daily_budget: "5000" }], update: [true] });
    expect(await landWrite(notHeld.client, quick, log, { plan: budget, auth, platformAccountId: "1", platformCampaignId: "5", mayHaveLanded: true })).toEqual({ platformId: "5", reconciled: false });
    expect(notHeld.calls).toEqual(["get", "update"]);
  });

  it("a throttle refused the call, so the retry does not reconcile", async () => {
    const m = scriptedMeta({ update: [throttle(), throttle(5), true] });
    await landWrite(m.client, quick, log, { plan: budget, auth, platformAccountId: "1", platformCampaignId: "5", mayHaveLanded: false });
    expect(m.calls).toEqual(["update", "update", "update"]);
  });

  it("a throttle that asks for longer than the handler may wait goes back to the caller at once", async () => {
    const m = scriptedMeta({ update: [throttle(60_000)] });
    const err = await landWrite(m.client, quick, log, { plan: budget, auth, platformAccountId: "1", platformCampaignId: "5", mayHaveLanded: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MetaThrottledError);
    expect((err as MetaThrottledError).retryAfterMs).toBe(60_000);
    expect(m.calls).toEqual(["update"]);
  });

  it("refusals are not retried; transient failures stop after the quick budget", async () => {
    const refused = scriptedMeta({ update: [new MetaRequestError("(#100) nope", { code: 100 })] });
    await expect(landWrite(refused.client, quick, log, { plan: budget, auth, platformAccountId: "1", platformCampaignId: "5", mayHaveLanded: false })).rejects.toBeInstanceOf(MetaRequestError);
    expect(refused.calls).toEqual(["update"]);
    // Meta stays down and never applies: each retry reconciles first (get), finds nothing, calls again.
    const down = scriptedMeta({ update: [transient(), transient(), transient()], get: [{ id: "5" }, { id: "5" }] });
    await expect(landWrite(down.client, quick, log, { plan: budget, auth, platformAccountId: "1", platformCampaignId: "5", mayHaveLanded: false })).rejects.toBeInstanceOf(MetaTransientError);
    expect(down.calls).toEqual(["update", "get", "update", "get", "update"]);
  });
});
