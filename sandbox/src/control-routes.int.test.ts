import { describe, expect, it } from "vitest";
import { graphAs } from "./test-support/graph-call.ts";
import { useTestSandbox } from "./test-support/start-test-sandbox.ts";

const sandbox = useTestSandbox();

// Control answers are asserted field by field; a loose type keeps the tests readable.
async function raw(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sandbox.url}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
}

describe("control api - health and accounts", () => {
  it("reports health", async () => {
    expect(await raw("GET", "/_sandbox/health")).toEqual({ status: 200, body: { ok: true } });
  });

  it("creates an ad account with its own token, USD by default, and seeded campaigns", async () => {
    const res = await raw("POST", "/_sandbox/meta/ad-accounts", {
      campaigns: [{ name: "Existing", objective: "OUTCOME_AWARENESS", status: "PAUSED", daily_budget: 3000 }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      platformAccountId: expect.stringMatching(/^\d+$/),
      accessToken: expect.stringMatching(/^EAA/),
      currency: "USD",
      campaigns: [{ id: expect.stringMatching(/^\d+$/), name: "Existing" }],
    });
    expect(res.body.accountId).toBe(`act_${res.body.platformAccountId}`);
    const other = await sandbox.control.createMetaAdAccount({ currency: "GBP" });
    expect(other.accessToken).not.toBe(res.body.accessToken);
    expect(other.currency).toBe("GBP");
    const listed = (await raw("GET", "/_sandbox/meta/ad-accounts")).body.adAccounts.map((a: { accountId: string }) => a.accountId);
    expect(listed).toEqual(expect.arrayContaining([res.body.accountId, other.accountId]));
  });

  it("refuses invalid account bodies with 400 and the issues", async () => {
    const res = await raw("POST", "/_sandbox/meta/ad-accounts", { currency: "usd", campaigns: [{ name: "x", objective: "SELL" }] });
    expect(res.status).toBe(400);
    expect([...new Set(res.body.error.issues.map((i: { path: string }) => i.path))]).toEqual(["currency", "campaigns.0.objective"]);
    const both = await raw("POST", "/_sandbox/meta/ad-accounts", {
      campaigns: [{ name: "x", objective: "OUTCOME_SALES", status: "ACTIVE", daily_budget: 1, lifetime_budget: 2 }],
    });
    expect(both.status).toBe(400);
  });
});

describe("control api - ledger", () => {
  it("keeps each account's entries apart and filters by object and sequence", async () => {
    const a = await sandbox.control.createMetaAdAccount();
    const b = await sandbox.control.createMetaAdAccount();
    const create = { name: "n", objective: "OUTCOME_SALES", special_ad_categories: [] };
    const ca = await graphAs(sandbox.url, a.accessToken).post(`/${a.accountId}/campaigns`, create);
    await graphAs(sandbox.url, b.accessToken).post(`/${b.accountId}/campaigns`, create);
    await graphAs(sandbox.url, a.accessToken).post(`/${ca.body.id}`, { name: "m" });

    const entriesA = (await raw("GET", `/_sandbox/ledger?platform=meta&account=${a.accountId}`)).body.entries;
    expect(entriesA.map((e: { op: string }) => e.op)).toEqual(["create", "update"]);
    expect(entriesA[0]).toEqual({
      seq: expect.any(Number),
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      platform: "meta",
      account: a.accountId,
      method: "POST",
      path: `/v24.0/${a.accountId}/campaigns`,
      op: "create",
      objectId: ca.body.id,
      fields: { name: "n", objective: "OUTCOME_SALES", status: "ACTIVE", special_ad_categories: [], buying_type: "AUCTION" },
    });
    expect(entriesA[1].seq).toBeGreaterThan(entriesA[0].seq);
    // A bare account number names the same account.
    expect(await sandbox.control.ledger({ account: a.platformAccountId })).toEqual(entriesA);
    expect(await sandbox.control.ledger({ account: a.accountId, afterSeq: entriesA[0].seq })).toEqual([entriesA[1]]);
    expect((await sandbox.control.ledger({ objectId: ca.body.id })).length).toBe(2);
    expect((await raw("GET", "/_sandbox/ledger?platform=google")).status).toBe(400);
  });
});

describe("control api - faults", () => {
  it("sets, lists and clears faults per account", async () => {
    const a = await sandbox.control.createMetaAdAccount();
    const b = await sandbox.control.createMetaAdAccount();
    const set = await raw("PUT", "/_sandbox/faults", { platform: "meta", account: a.accountId, fail5xx: 3, latencyMs: 5 });
    expect(set).toEqual({
      status: 200,
      body: {
        platform: "meta", account: a.accountId, latencyMs: 5, fail5xx: 3, throttle: 0, throttleRegainMinutes: 0,
        throttleCode: 80004, expiredToken: false, failAfterApply: 0,
      },
    });
    await sandbox.control.setFaults({ platform: "meta", account: b.accountId, throttle: 1 });
    const listed = (await sandbox.control.faults()).map((f) => f.account);
    expect(listed).toEqual(expect.arrayContaining([a.accountId, b.accountId]));

    expect(await raw("DELETE", `/_sandbox/faults?account=${a.accountId}`)).toEqual({ status: 200, body: { cleared: 1 } });
    const after = (await sandbox.control.faults()).map((f) => f.account);
    expect(after).not.toContain(a.accountId);
    expect(after).toContain(b.accountId);
    await sandbox.control.clearFaults();
    expect(await sandbox.control.faults()).toEqual([]);
  });

  it("refuses faults for unknown accounts, unknown keys and bad values", async () => {
    expect((await raw("PUT", "/_sandbox/faults", { platform: "meta", account: "act_1", fail5xx: 1 })).status).toBe(404);
    const a = await sandbox.control.createMetaAdAccount();
    expect((await raw("PUT", "/_sandbox/faults", { platform: "meta", account: a.accountId, explode: true })).status).toBe(400);
    expect((await raw("PUT", "/_sandbox/faults", { platform: "meta", account: a.accountId, fail5xx: -1 })).status).toBe(400);
    expect((await raw("PUT", "/_sandbox/faults", { platform: "meta", account: a.accountId, throttleCode: 4 })).status).toBe(400);
  });
});
