import { describe, expect, it } from "vitest";
import { graph, graphAs } from "../test-support/graph-call.ts";
import { useTestSandbox } from "../test-support/start-test-sandbox.ts";

const sandbox = useTestSandbox();

const create = { name: "Spring sale", objective: "OUTCOME_SALES", status: "PAUSED", special_ad_categories: [] } as const;

describe("meta campaigns - create, read, update, delete", () => {
  it("creates a campaign from a form-encoded body and reads it back with Graph types", async () => {
    const acc = await sandbox.control.createMetaAdAccount({ currency: "EUR" });
    const g = graphAs(sandbox.url, acc.accessToken);

    const created = await g.post(`/${acc.accountId}/campaigns`, { ...create, daily_budget: 2000, bid_strategy: "COST_CAP" });
    expect(created.status).toBe(200);
    expect(Object.keys(created.body)).toEqual(["id"]);
    expect(created.body.id).toMatch(/^\d{18}$/);

    const read = await g.get(`/${created.body.id}`, {
      fields: "id,name,account_id,objective,status,effective_status,special_ad_categories,daily_budget,bid_strategy,buying_type,created_time,updated_time",
    });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: created.body.id,
      name: "Spring sale",
      account_id: acc.platformAccountId,
      objective: "OUTCOME_SALES",
      status: "PAUSED",
      effective_status: "PAUSED",
      special_ad_categories: [],
      daily_budget: "2000",
      bid_strategy: "COST_CAP",
      buying_type: "AUCTION",
    });
    expect(read.body.created_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/);
    expect(read.body.lifetime_budget).toBeUndefined();
  });

  it("answers id and name when no fields are asked for", async () => {
    const acc = await sandbox.control.createMetaAdAccount();
    const g = graphAs(sandbox.url, acc.accessToken);
    const { body } = await g.post(`/${acc.accountId}/campaigns`, create);
    expect((await g.get(`/${body.id}`)).body).toEqual({ id: body.id, name: "Spring sale" });
  });

  it("accepts JSON and multipart bodies like form bodies", async () => {
    const acc = await sandbox.control.createMetaAdAccount();
    const json = await fetch(`${sandbox.url}/v24.0/${acc.accountId}/campaigns?access_token=${acc.accessToken}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...create, name: "json", daily_budget: 700, special_ad_categories: ["NONE"] }),
    });
    expect(json.status).toBe(200);
    const fd = new FormData();
    for (const [k, v] of Object.entries({ ...create, name: "multipart", special_ad_categories: "[]", access_token: acc.accessToken })) fd.set(k, v as string);
    const multi = await fetch(`${sandbox.url}/v25/${acc.accountId}/campaigns`, { method: "POST", body: fd });
    expect(multi.status).toBe(200);
    const entries = await sandbox.control.ledger({ account: acc.accountId });
    expect(entries.map((e) => e.fields.name)).toEqual(["json", "multipart"]);
    expect(entries[0]?.fields).toMatchObject({ daily_budget: 700, special_ad_categories: ["NONE"] });
  });

  it("updates through POST /{id} and deletes through DELETE /{id}, one ledger entry each", async () => {
    const acc = await sandbox.control.createMetaAdAccount();
    const g = graphAs(sandbox.url, acc.accessToken);
    const { body } = await g.post(`/${acc.accountId}/campaigns`, { ...create, daily_budget: 1000 });

    const upd = await g.post(`/${body.id}`, { name: "Summer sale", daily_budget: 4500, status: "ACTIVE" });
    expect(upd).toMatchObject({ status: 200, body: { success: true } });
    expect((await g.get(`/${body.id}`, { fields: "name,daily_budget,status" })).body).toEqual({
      id: body.id, name: "Summer sale", daily_budget: "4500", status: "ACTIVE",
    });

    expect(await g.del(`/${body.id}`)).toMatchObject({ status: 200, body: { success: true } });
    // Deleted objects stay readable by id…
    expect((await g.get(`/${body.id}`, { fields: "status,effective_status" })).body).toMatchObject({ status: "DELETED", effective_status: "DELETED" });
    // …but leave the edge.
    const list = await g.get(`/${acc.accountId}/campaigns`);
    expect(list.body).toEqual({ data: [] });

    const ledger = await sandbox.control.ledger({ account: acc.accountId });
    expect(ledger.map((e) => [e.op, e.method, e.objectId])).toEqual([
      ["create", "POST", body.id],
      ["update", "POST", body.id],
      ["delete", "DELETE", body.id],
    ]);
    expect(ledger[1]).toMatchObject({ platform: "meta", account: acc.accountId, path: `/v24.0/${body.id}`, fields: { name: "Summer sale", daily_budget: 4500, status: "ACTIVE" } });
    expect(ledger[2]?.fields).toEqual({ status: "DELETED" });
  });

  it("returns read-after-write fields when a create names them", async () => {
    const acc = await sandbox.control.createMetaAdAccount();
    const g = graphAs(sandbox.url, acc.accessToken);
    const res = await g.post(`/${acc.accountId}/campaigns`, { ...create, fields: "status,objective" });
    expect(res.body).toEqual({ id: res.body.id, status: "PAUSED", objective: "OUTCOME_SALES" });
  });
});

describe("meta campaigns - adlabels as the idempotency marker", () => {
  it("reads labels back by id and on the campaigns edge, reusing a label name", async () => {
    const acc = await sandbox.control.createMetaAdAccount();
    const g = graphAs(sandbox.url, acc.accessToken);
    const a = await g.post(`/${acc.accountId}/campaigns`, { ...create, adlabels: [{ name: "layers:cmp_A" }] });
    const b = await g.post(`/${acc.accountId}/campaigns`, { ...create, adlabels: [{ name: "layers:cmp_A" }, { name: "team:x" }] });

    const readA = await g.get(`/${a.body.id}`, { fields: "adlabels" });
    expect(readA.body.adlabels).toHaveLength(1);
    expect(readA.body.adlabels[0]).toMatchObject({ id: expect.stringMatching(/^\d+$/), name: "layers:cmp_A" });

    const list = await g.get(`/${acc.accountId}/campaigns`, { fields: "name,adlabels{name}" });
    const byId = new Map(list.body.data.map((c: { id: string; adlabels: unknown }) => [c.id, c.adlabels]));
    expect(byId.get(b.body.id)).toEqual([
      { id: readA.body.adlabels[0].id, name: "layers:cmp_A" },
      { id: expect.any(String), name: "team:x" },
    ]);
  });

  it("replaces labels on update and accepts labels by id", async () => {
    const acc = await sandbox.control.createMetaAdAccount();
    const g = graphAs(sandbox.url, acc.accessToken);
    const a = await g.post(`/${acc.accountId}/campaigns`, { ...create, adlabels: [{ name: "one" }] });
    const labelId = (await g.get(`/${a.body.id}`, { fields: "adlabels" })).body.adlabels[0].id;
    const b = await g.post(`/${acc.accountId}/campaigns`, create);
    expect((await g.post(`/${b.body.id}`, { adlabels: [{ id: labelId }, { name: "two" }] })).status).toBe(200);
    const names = (await g.get(`/${b.body.id}`, { fields: "adlabels{name}" })).body.adlabels.map((l: { name: string }) => l.name);
    expect(names).toEqual(["one", "two"]);
    const bad = await g.post(`/${b.body.id}`, { adlabels: [{ id: "999" }] });
    expect(bad.body.error).toMatchObject({ code: 100, error_data: { blame_field_specs: [["adlabels"]] } });
  });
});

describe("meta campaigns - validate_only", () => {
  it("validates a create without creating anything", async () => {
    const acc = await sandbox.control.createMetaAdAccount();
    const g = graphAs(sandbox.url, acc.accessToken);
    const ok = await g.post(`/${acc.accountId}/campaigns`, { ...create, adlabels: [{ name: "dry" }], execution_options: ["validate_only"] });
    expect(ok).toMatchObject({ status: 200, body: { success: true } });
    const bad = await g.post(`/${acc.accountId}/campaigns`, { ...create, daily_budget: 5, execution_options: ["validate_only"] });
    expect(bad.body.error).toMatchObject({ code: 100, error_user_title: "Budget Is Too Low" });
    expect((await g.get(`/${acc.accountId}/campaigns`)).body.data).toEqual([]);
    expect(await sandbox.control.ledger({ account: acc.accountId })).toEqual([]);
  });

  it("validates an update without applying it", async () => {
    const acc = await sandbox.control.createMetaAdAccount();
    const g = graphAs(sandbox.url, acc.accessToken);
    const { body } = await g.post(`/${acc.accountId}/campaigns`, create);
    const ok = await g.post(`/${body.id}`, { name: "would be", execution_options: "[\"validate_only\"]" });
    expect(ok.body).toEqual({ success: true });
    expect((await g.get(`/${body.id}`)).body.name).toBe("Spring sale");
    expect((await sandbox.control.ledger({ account: acc.accountId })).map((e) => e.op)).toEqual(["create"]);
  });
});

describe("meta campaigns - archived and deleted state machine", () => {
  it("lets an archived campaign only be renamed or deleted", async () => {
    const acc = await sandbox.control.createMetaAdAccount();
    const g = graphAs(sandbox.url, acc.accessToken);
    const { body } = await g.post(`/${acc.accountId}/campaigns`, { ...create, daily_budget: 1000 });
    expect((await g.post(`/${body.id}`, { status: "ARCHIVED" })).body).toEqual({ success: true });

    const budget = await g.post(`/${body.id}`, { daily_budget: 2000 });
    expect(budget.status).toBe(400);
    expect(budget.body.error).toMatchObject({ code: 100, type: "OAuthException", error_data: { blame_field_specs: [["daily_budget"]] } });
    const revive = await g.post(`/${body.id}`, { status: "ACTIVE" });
    expect(revive.body.error).toMatchObject({ code: 100, error_data: { blame_field_specs: [["status"]] } });

    expect((await g.post(`/${body.id}`, { name: "Archived, renamed" })).body).toEqual({ success: true });
    expect((await g.post(`/${body.id}`, { status: "DELETED" })).body).toEqual({ success: true });

    const afterDelete = await g.post(`/${body.id}`, { name: "again" });
    expect(afterDelete.status).toBe(400);
    expect(afterDelete.body.error.code).toBe(100);
    expect((await g.del(`/${body.id}`)).status).toBe(400);
    expect((await g.get(`/${body.id}`, { fields: "name,status" })).body).toEqual({ id: body.id, name: "Archived, renamed", status: "DELETED" });

    const ops = (await sandbox.control.ledger({ account: acc.accountId })).map((e) => `${e.op}:${JSON.stringify(e.fields)}`);
    expect(ops).toEqual([
      expect.stringMatching(/^create:/),
      'update:{"status":"ARCHIVED"}',
      'update:{"name":"Archived, renamed"}',
      'update:{"status":"DELETED"}',
    ]);
  });

  it("hides archived campaigns from the edge unless filtered for, and refuses a DELETED filter", async () => {
    const acc = await sandbox.control.createMetaAdAccount({
      campaigns: [
        { name: "live", objective: "OUTCOME_TRAFFIC", status: "ACTIVE" },
        { name: "shelved", objective: "OUTCOME_TRAFFIC", status: "ARCHIVED" },
        { name: "gone", objective: "OUTCOME_TRAFFIC", status: "DELETED" },
      ],
    });
    const g = graphAs(sandbox.url, acc.accessToken);
    const names = async (params: Record<string, string>) =>
      (await g.get(`/${acc.accountId}/campaigns`, { fields: "name", ...params })).body.data.map((c: { name: string }) => c.name);
    expect(await names({})).toEqual(["live"]);
    expect(await names({ effective_status: '["ARCHIVED"]' })).toEqual(["shelved"]);
    expect(await names({ effective_status: '["ACTIVE","ARCHIVED"]' })).toEqual(["shelved", "live"]);
    const deleted = await g.get(`/${acc.accountId}/campaigns`, { effective_status: '["DELETED"]' });
    expect(deleted.status).toBe(400);
    expect(deleted.body.error.code).toBe(100);
    const gone = acc.campaigns.find((c) => c.name === "gone");
    expect((await g.get(`/${gone?.id}`, { fields: "status" })).body.status).toBe("DELETED");
  });
});

describe("meta campaigns - listing and paging", () => {
  it("lists seeded and created campaigns newest first and pages with cursors until no next", async () => {
    const acc = await sandbox.control.createMetaAdAccount({
      campaigns: [
        { name: "seed-1", objective: "OUTCOME_SALES", status: "ACTIVE", daily_budget: 5000 },
        { name: "seed-2", objective: "LINK_CLICKS", status: "PAUSED", lifetime_budget: 90000 },
      ],
    });
    const g = graphAs(sandbox.url, acc.accessToken);
    for (const n of [1, 2, 3]) await g.post(`/${acc.accountId}/campaigns`, { ...create, name: `new-${n}` });

    const seen: string[] = [];
    let res = await g.get(`/${acc.accountId}/campaigns`, { fields: "name", limit: 2 });
    for (let pages = 1; ; pages++) {
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.data.map((c: { name: string }) => c.name));
      expect(res.body.paging.cursors).toEqual({ before: expect.any(String), after: expect.any(String) });
      if (res.body.paging.next === undefined) break;
      expect(res.body.paging.next).toContain(`${sandbox.url}/v24.0/${acc.accountId}/campaigns?`);
      const next = await fetch(res.body.paging.next);
      res = { status: next.status, body: await next.json(), headers: next.headers };
      expect(pages).toBeLessThan(5);
    }
    expect(seen).toEqual(["new-3", "new-2", "new-1", "seed-2", "seed-1"]);

    // Seeds were there before Layers: nothing about them is in the ledger.
    const ledger = await sandbox.control.ledger({ account: acc.accountId });
    expect(ledger.map((e) => e.fields.name)).toEqual(["new-1", "new-2", "new-3"]);

    const seeded = await g.get(`/${acc.campaigns[1]?.id}`, { fields: "objective,lifetime_budget,status" });
    expect(seeded.body).toMatchObject({ objective: "LINK_CLICKS", lifetime_budget: "90000", status: "PAUSED" });
  });

  it("answers summary counts and pages backwards with previous", async () => {
    const acc = await sandbox.control.createMetaAdAccount({
      campaigns: ["a", "b", "c"].map((name) => ({ name, objective: "OUTCOME_LEADS" as const, status: "ACTIVE" as const })),
    });
    const g = graphAs(sandbox.url, acc.accessToken);
    const first = await g.get(`/${acc.accountId}/campaigns`, { fields: "name", limit: 1, summary: "true" });
    expect(first.body.summary).toEqual({ total_count: 3 });
    const second = await g.get(`/${acc.accountId}/campaigns`, { fields: "name", limit: 1, after: first.body.paging.cursors.after });
    expect(second.body.data).toEqual([{ id: acc.campaigns[1]?.id, name: "b" }]);
    const back = await fetch(second.body.paging.previous);
    expect(((await back.json()) as { data: unknown }).data).toEqual([{ id: acc.campaigns[2]?.id, name: "c" }]);
  });

  it("reads the ad account node", async () => {
    const acc = await sandbox.control.createMetaAdAccount({ name: "Yen shop", currency: "JPY" });
    const res = await graph(sandbox.url, "GET", `/${acc.accountId}`, { fields: "name,currency,account_status" }, { token: acc.accessToken });
    expect(res.body).toEqual({ id: acc.accountId, name: "Yen shop", currency: "JPY", account_status: 1 });
  });
});
