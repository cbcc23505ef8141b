import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startSandbox } from "../app.ts";
import { createSandboxClient } from "../sandbox-client.ts";
import { useTestSandbox } from "../test-support/start-test-sandbox.ts";
import { appleAs } from "./test-client.ts";

const sandbox = useTestSandbox();

async function seedRaw(body: unknown) {
  const res = await fetch(`${sandbox.url}/_sandbox/apple/orgs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { error: { issues: Array<{ path: string }> } } };
}

async function orgCount() {
  const res = await fetch(`${sandbox.url}/_sandbox/apple/orgs`);
  return ((await res.json()) as { orgs: unknown[] }).orgs.length;
}

describe("apple org seed with ad groups and keywords", () => {
  it("seeds ad groups and keywords under a campaign, answers their ids, lists them and ledgers nothing", async () => {
    const o = await sandbox.control.createAppleOrg({
      currency: "GBP",
      campaigns: [
        {
          name: "Seeded",
          dailyBudgetAmount: "50",
          adGroups: [
            { name: "Live", defaultBidAmount: "1.25", keywords: [{ text: "puzzle game", matchType: "EXACT", bidAmount: "0.9" }, { text: "puzzle", status: "PAUSED" }] },
            { name: "Paused", status: "PAUSED" },
            { name: "Gone", deleted: true, defaultBidAmount: "80" },
          ],
        },
        { name: "Bare" },
      ],
    });
    const [seeded, bare] = o.campaigns;
    expect(bare).toEqual({ id: expect.any(Number), name: "Bare", adGroups: [] });
    expect(seeded?.adGroups.map((g) => [g.name, g.keywords.map((k) => k.text)])).toEqual([
      ["Live", ["puzzle game", "puzzle"]],
      ["Paused", []],
      ["Gone", []],
    ]);
    const cid = seeded!.id;
    const live = seeded!.adGroups[0]!;
    const a = appleAs(sandbox.url, o.accessToken, o.orgId);

    const groups = await a.get(`/campaigns/${cid}/adgroups`);
    expect(groups.status).toBe(200);
    expect(groups.body.data.map((g: Record<string, unknown>) => [g.id, g.name, g.status, g.deleted, g.defaultBidAmount, g.campaignId, g.orgId])).toEqual([
      [live.id, "Live", "ENABLED", false, { amount: "1.25", currency: "GBP" }, cid, o.orgId],
      [seeded!.adGroups[1]!.id, "Paused", "PAUSED", false, { amount: "1", currency: "GBP" }, cid, o.orgId],
      [seeded!.adGroups[2]!.id, "Gone", "ENABLED", true, { amount: "80", currency: "GBP" }, cid, o.orgId],
    ]);
    expect(groups.body.data[2]).toMatchObject({ displayStatus: "DELETED", pricingModel: "CPC" });

    const kws = await a.get(`/campaigns/${cid}/adgroups/${live.id}/targetingkeywords`);
    expect(kws.body.data.map((k: Record<string, unknown>) => [k.id, k.text, k.matchType, k.status, k.bidAmount, k.adGroupId])).toEqual([
      [live.keywords[0]!.id, "puzzle game", "EXACT", "ACTIVE", { amount: "0.9", currency: "GBP" }, live.id],
      [live.keywords[1]!.id, "puzzle", "BROAD", "PAUSED", null, live.id],
    ]);

    // Seeded objects behave like made ones: they change through the API, and only that is ledgered.
    const upd = await a.put(`/campaigns/${cid}/adgroups/${live.id}`, { name: "Renamed" });
    expect(upd.body.data).toMatchObject({ name: "Renamed" });
    expect((await sandbox.control.ledger({ platform: "apple", account: String(o.orgId) })).map((e) => [e.op, e.objectId])).toEqual([["update", String(live.id)]]);
  });

  it("refuses seeds the API could not have made, naming the seed's path, and creates no org", async () => {
    const before = await orgCount();
    const cases: Array<[unknown, string]> = [
      [[{ name: "c", dailyBudgetAmount: "10", adGroups: [{ name: "g", defaultBidAmount: "10.01" }] }], "campaigns.0.adGroups.0.defaultBidAmount"],
      [[{ name: "c", adGroups: [{ name: "g", defaultBidAmount: "0" }] }], "campaigns.0.adGroups.0.defaultBidAmount"],
      [[{ name: "c" }, { name: "d", adGroups: [{ name: "g", defaultBidAmount: "1.234" }] }], "campaigns.1.adGroups.0.defaultBidAmount.amount"],
      [[{ name: "c", adGroups: [{ name: "g", keywords: [{ text: "Run", matchType: "EXACT" }, { text: "run", matchType: "EXACT" }] }] }], "campaigns.0.adGroups.0.keywords.1.text"],
      [[{ name: "c", adGroups: [{ name: "g", keywords: [{ text: "run", bidAmount: "-1" }] }] }], "campaigns.0.adGroups.0.keywords.0.bidAmount.amount"],
      [[{ name: "c", adGroups: [{ name: "g", keywords: [{ text: "run", status: "ENABLED" }] }] }], "campaigns.0.adGroups.0.keywords.0.status"],
      [[{ name: "c", adGroups: [{ name: "" }] }], "campaigns.0.adGroups.0.name"],
    ];
    for (const [campaigns, path] of cases) {
      const res = await seedRaw({ campaigns });
      expect(res.status, path).toBe(400);
      expect(res.body.error.issues.map((i) => i.path), path).toContain(path);
    }
    expect(await orgCount()).toBe(before);
  });

  it("keeps seeded ad groups and keywords across a restart", async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), "sandbox-apple-seed-")), "state.json");
    const first = await startSandbox({ port: 0, stateFile });
    const o = await createSandboxClient(first.url).createAppleOrg({ campaigns: [{ name: "c", adGroups: [{ name: "g", keywords: [{ text: "kept" }] }] }] });
    await first.stop();
    const second = await startSandbox({ port: 0, stateFile });
    try {
      const [c] = o.campaigns;
      const g = c!.adGroups[0]!;
      const a = appleAs(second.url, o.accessToken, o.orgId);
      expect((await a.get(`/campaigns/${c!.id}/adgroups/${g.id}`)).body.data).toMatchObject({ name: "g", deleted: false });
      expect((await a.get(`/campaigns/${c!.id}/adgroups/${g.id}/targetingkeywords`)).body.data).toEqual([expect.objectContaining({ id: g.keywords[0]!.id, text: "kept" })]);
    } finally {
      await second.stop();
    }
  });
});
