import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startSandbox } from "../app.ts";
import { createSandboxClient } from "../sandbox-client.ts";
import { useTestSandbox } from "../test-support/start-test-sandbox.ts";
import { adGroupBody, appleAs, appleCall, campaignBody } from "./test-client.ts";

const sandbox = useTestSandbox();

async function org() {
  const o = await sandbox.control.createAppleOrg({ campaigns: [{ name: "Pre-existing" }] });
  return { o, a: appleAs(sandbox.url, o.accessToken, o.orgId), account: String(o.orgId) };
}

describe("apple ledger", () => {
  it("records each applied mutation once with platform apple and the org id; never seeds, reads or refusals", async () => {
    const { a, account } = await org();
    const cid = (await a.post("/campaigns", campaignBody("L"))).body.data.id;
    await a.post("/campaigns", campaignBody("L"));
    await a.get(`/campaigns/${cid}`);
    await a.put(`/campaigns/${cid}`, { campaign: { dailyBudgetAmount: { amount: "20.50", currency: "USD" } } });
    const gid = (await a.post(`/campaigns/${cid}/adgroups`, adGroupBody("G"))).body.data.id;
    const kws = (await a.post(`/campaigns/${cid}/adgroups/${gid}/targetingkeywords/bulk`, [{ text: "a", matchType: "EXACT" }, { text: "b", matchType: "BROAD" }])).body.data;
    await a.del(`/campaigns/${cid}`);
    const entries = await sandbox.control.ledger({ platform: "apple", account });
    expect(entries.map((e) => [e.op, e.objectId])).toEqual([
      ["create", String(cid)],
      ["update", String(cid)],
      ["create", String(gid)],
      ["create", String(kws[0].id)],
      ["create", String(kws[1].id)],
      ["delete", String(cid)],
    ]);
    expect(entries[0]).toMatchObject({
      platform: "apple", account, method: "POST", path: "/api/v5/campaigns",
      fields: { name: "L", status: "PAUSED", dailyBudgetAmount: { amount: "100", currency: "USD" }, adamId: 1_234_567_890 },
    });
    expect(entries[1]).toMatchObject({ method: "PUT", path: `/api/v5/campaigns/${cid}`, fields: { dailyBudgetAmount: { amount: "20.5", currency: "USD" } } });
    expect(Object.keys(entries[1]?.fields ?? {})).toEqual(["dailyBudgetAmount"]);
    expect(entries[5]).toMatchObject({ method: "DELETE", fields: { deleted: true } });
  });
});

describe("apple faults", () => {
  it("delays requests to the faulty org only", async () => {
    const { o, a } = await org();
    const other = await org();
    await sandbox.control.setAppleFaults({ orgId: o.orgId, latencyMs: 300 });
    const t0 = performance.now();
    expect((await a.get("/campaigns")).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    const t1 = performance.now();
    expect((await other.a.get("/campaigns")).status).toBe(200);
    expect(performance.now() - t1).toBeLessThan(250);
  });

  it("answers plain 429s with Retry-After for throttles, then recovers; nothing is applied", async () => {
    const { o, a, account } = await org();
    await sandbox.control.setAppleFaults({ orgId: o.orgId, throttle: 2, throttleRegainMinutes: 1 });
    for (let i = 0; i < 2; i++) {
      const res = await a.post("/campaigns", campaignBody("T"));
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("60");
      expect(res.body).toMatchObject({ data: null, pagination: null, error: { errors: [{ messageCode: "REQUEST_LIMIT_EXCEEDED" }] } });
    }
    expect(await sandbox.control.ledger({ platform: "apple", account })).toEqual([]);
    expect((await a.post("/campaigns", campaignBody("T"))).status).toBe(200);
  });

  it("fails the next N requests (reads too) with 500 without applying them", async () => {
    const { o, a, account } = await org();
    await sandbox.control.setAppleFaults({ orgId: o.orgId, fail5xx: 2 });
    expect((await a.get("/campaigns")).status).toBe(500);
    const w = await a.post("/campaigns", campaignBody("F"));
    expect(w.status).toBe(500);
    expect(w.body.error.errors[0].messageCode).toBe("INTERNAL_ERROR");
    expect(await sandbox.control.ledger({ platform: "apple", account })).toEqual([]);
    expect((await sandbox.control.faults()).find((f) => f.platform === "apple" && f.account === account)?.fail5xx).toBe(0);
    expect((await a.get("/campaigns")).status).toBe(200);
  });

  it("answers 401 for an expired token until cleared, consuming nothing", async () => {
    const { o, a } = await org();
    await sandbox.control.setAppleFaults({ orgId: o.orgId, expiredToken: true, fail5xx: 1 });
    expect((await a.get("/campaigns")).status).toBe(401);
    expect((await a.get("/campaigns")).body.error.errors[0].messageCode).toBe("UNAUTHORIZED");
    await sandbox.control.setAppleFaults({ orgId: o.orgId, fail5xx: 1 });
    expect((await a.get("/campaigns")).status).toBe(500);
    await sandbox.control.clearAppleFaults(o.orgId);
    expect((await a.get("/campaigns")).status).toBe(200);
  });

  it("applies and ledgers the write but loses the answer with failAfterApply", async () => {
    const { o, a, account } = await org();
    await sandbox.control.setAppleFaults({ orgId: o.orgId, failAfterApply: 1 });
    const lost = await a.post("/campaigns", campaignBody("Lost"));
    expect(lost.status).toBe(500);
    const entries = await sandbox.control.ledger({ platform: "apple", account });
    expect(entries).toHaveLength(1);
    const list = await a.get("/campaigns");
    expect(list.body.data.map((c: { id: number; name: string }) => [String(c.id), c.name])).toContainEqual([entries[0]?.objectId, "Lost"]);
    // A retry of the create is refused by the unique name: the lost write is visible.
    expect((await a.post("/campaigns", campaignBody("Lost"))).body.error.errors[0].messageCode).toBe("DUPLICATE_NAME");
  });

  it("refuses faults for an unknown org", async () => {
    const res = await fetch(`${sandbox.url}/_sandbox/apple/faults`, {
      method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ orgId: 1, fail5xx: 1 }),
    });
    expect(res.status).toBe(404);
  });

  it("treats an empty JSON body on DELETE as no body", async () => {
    const { o, a } = await org();
    const cid = (await a.post("/campaigns", campaignBody("D"))).body.data.id;
    const res = await fetch(`${sandbox.url}/api/v5/campaigns/${cid}`, {
      method: "DELETE", headers: { authorization: `Bearer ${o.accessToken}`, "x-ap-context": `orgId=${o.orgId}`, "content-type": "application/json" },
    });
    expect(res.status).toBe(200);
    expect((await appleCall(sandbox.url, "GET", `/campaigns/${cid}`, undefined, { token: o.accessToken, context: `orgId=${o.orgId}` })).body.data.deleted).toBe(true);
  });
});

describe("apple state file", () => {
  it("keeps orgs, campaigns and Apple ledger entries across a restart", async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), "sandbox-apple-")), "state.json");
    const first = await startSandbox({ port: 0, stateFile });
    const o = await createSandboxClient(first.url).createAppleOrg();
    const cid = (await appleAs(first.url, o.accessToken, o.orgId).post("/campaigns", campaignBody("Kept"))).body.data.id;
    await first.stop();
    expect(JSON.parse(readFileSync(stateFile, "utf8")).apple.campaigns).toHaveLength(1);
    const second = await startSandbox({ port: 0, stateFile });
    try {
      const read = await appleAs(second.url, o.accessToken, o.orgId).get(`/campaigns/${cid}`);
      expect(read.body.data.name).toBe("Kept");
      expect(await createSandboxClient(second.url).ledger({ platform: "apple" })).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});
