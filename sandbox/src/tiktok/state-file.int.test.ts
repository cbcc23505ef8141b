import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../app.ts";
import { createSandboxClient } from "../sandbox-client.ts";
import { tiktokAs } from "../test-support/tiktok-call.ts";

const dirs: string[] = [];
const running: RunningSandbox[] = [];

afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(stateFile: string): Promise<RunningSandbox> {
  const s = await startSandbox({ port: 0, stateFile });
  running.push(s);
  return s;
}

describe("tiktok state file", () => {
  it("keeps seeded ad groups and ads across a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-tiktok-state-"));
    dirs.push(dir);
    const file = join(dir, "state.json");
    const first = await start(file);
    const adv = await createSandboxClient(first.url).createTiktokAdvertiser({
      campaigns: [{ campaign_name: "c", adgroups: [{ adgroup_name: "g", budget_mode: "BUDGET_MODE_DAY", budget: 25, ads: [{ ad_name: "a" }] }] }],
    });
    const t1 = tiktokAs(first.url, adv.advertiserId, adv.accessToken);
    const groups = (await t1.get("/adgroup/get/")).body.data.list;
    const ads = (await t1.get("/ad/get/")).body.data.list;
    expect(groups.map((g: { adgroup_id: string }) => g.adgroup_id)).toEqual([adv.campaigns[0]?.adgroups[0]?.adgroup_id]);
    expect(ads.map((a: { ad_id: string }) => a.ad_id)).toEqual([adv.campaigns[0]?.adgroups[0]?.ads[0]?.ad_id]);
    await first.stop();
    running.splice(0);

    const t2 = tiktokAs((await start(file)).url, adv.advertiserId, adv.accessToken);
    expect((await t2.get("/adgroup/get/")).body.data.list).toEqual(groups);
    expect((await t2.get("/ad/get/")).body.data.list).toEqual(ads);
  });

  it("keeps advertisers, campaigns, request_ids and the ledger across a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-tiktok-state-"));
    dirs.push(dir);
    const file = join(dir, "state.json");
    const first = await start(file);
    const adv = await createSandboxClient(first.url).createTiktokAdvertiser({ currency: "EUR" });
    const t1 = tiktokAs(first.url, adv.advertiserId, adv.accessToken);
    const body = { campaign_name: "kept", objective_type: "TRAFFIC", budget_mode: "BUDGET_MODE_DAY", budget: 12.5, request_id: "31" };
    const created = (await t1.post("/campaign/create/", body)).body.data;
    await first.stop();
    running.splice(0);

    const second = await start(file);
    const t2 = tiktokAs(second.url, adv.advertiserId, adv.accessToken);
    expect((await t2.get("/campaign/get/")).body.data.list).toEqual([created]);
    const again = await t2.post("/campaign/create/", body);
    expect(again.body.data.campaign_id).toBe(created.campaign_id);
    const ledger = await createSandboxClient(second.url).ledger({ platform: "tiktok", account: adv.advertiserId });
    expect(ledger.map((e) => [e.op, e.objectId])).toEqual([["create", created.campaign_id]]);
  });
});
