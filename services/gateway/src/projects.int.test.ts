import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultsViewSchema, layerListSchema, layerSchema, pageSchema, projectSchema, projectWithLayersSchema } from "@layers/contracts";
import { expectContract } from "./test-support/contract.ts";
import { createHarness, expectProblem, type Harness } from "./test-support/harness.ts";

describe("projects and layers", () => {
  let h: Harness;
  let org: string;
  let key: string;

  beforeAll(async () => {
    h = await createHarness();
    org = await h.seedOrg();
    key = (await h.mintKey(org, ["projects:read", "projects:write", "ads:read"])).secret;
  });
  afterAll(async () => h?.close());

  it("projects - create makes the project and three conservative layers", async () => {
    const res = await h.send("POST", "/v1/projects", { auth: key, body: { name: "  Acme  ", customerExternalId: "cust-1", timezone: "Europe/Paris" } });
    expect(res.statusCode).toBe(201);
    const p = expectContract(projectWithLayersSchema, res.json());
    expect(res.headers.location).toBe(`/v1/projects/${p.id}`);
    expect(p).toMatchObject({ organizationId: org, name: "Acme", customerExternalId: "cust-1", timezone: "Europe/Paris", primaryLanguage: null, status: "active" });
    expect(p.id).toMatch(/^[0-9a-f-]{36}$/);
    const { layers: _layers, ...bare } = p;
    expect(projectSchema.strict().parse(bare)).toEqual(bare);
    expect(p.layers.map((l: { platform: string }) => l.platform)).toEqual(["meta", "tiktok", "apple"]);
    for (const l of p.layers) {
      expect(layerSchema.strict().parse(l)).toEqual(l);
      expect(l.id).toMatch(/^lyr_[0-9a-f-]{36}$/);
      expect(l).toMatchObject({
        projectId: p.id,
        currency: "USD",
        defaults: { creative: "draft", tactical: "draft", structural: "draft" },
        ceiling: { creative: "auto", tactical: "auto", structural: "auto" },
        killSwitchActive: false,
        partnerWritesEnabled: false,
        maxDailyBudgetCents: null,
        writerPreset: l.platform === "apple" ? "ADGROUP_GRAIN" : null,
      });
    }
    const layers = await h.send("GET", `/v1/projects/${p.id}/layers`, { auth: key });
    expect(expectContract(layerListSchema, layers.json()).data).toEqual(p.layers);
    const defaults = await h.send("GET", `/v1/projects/${p.id}/ads/tiktok/defaults`, { auth: key });
    expect(expectContract(defaultsViewSchema, defaults.json())).toEqual({ layerId: p.layers[1]!.id, platform: "tiktok", authority: { creative: "draft", tactical: "draft", structural: "draft" }, kill_switch_active: false });
  });

  it("projects - get and patch; null clears the external id; archived projects refuse changes", async () => {
    const { id } = await h.createProject(key, "Patchable");
    const got = await h.send("GET", `/v1/projects/${id}`, { auth: key });
    expect(got.json()).toMatchObject({ id, name: "Patchable", status: "active" });
    const patched = await h.send("PATCH", `/v1/projects/${id}`, { auth: key, body: { name: "Renamed", customerExternalId: null, primaryLanguage: "fr" } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ name: "Renamed", customerExternalId: null, primaryLanguage: "fr" });
    expect(Date.parse(patched.json().updatedAt)).toBeGreaterThanOrEqual(Date.parse(got.json().updatedAt));
    const archived = await h.send("POST", `/v1/projects/${id}/archive`, { auth: key });
    expect(archived.statusCode).toBe(200);
    expect(archived.json().status).toBe("archived");
    const twice = await h.send("POST", `/v1/projects/${id}/archive`, { auth: key });
    expect(twice.json()).toEqual(archived.json());
    expectProblem(await h.send("PATCH", `/v1/projects/${id}`, { auth: key, body: { name: "Nope" } }), 409, "CONFLICT");
    expect((await h.send("GET", `/v1/projects/${id}`, { auth: key })).json().name).toBe("Renamed");
  });

  it("projects - cursor pagination walks every project once, newest first, and filters by status", async () => {
    const org2 = await h.seedOrg();
    const k2 = (await h.mintKey(org2, ["projects:read", "projects:write"])).secret;
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await h.createProject(k2, `P${i}`)).id);
    await h.send("POST", `/v1/projects/${created[0]}/archive`, { auth: k2 });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await h.send("GET", `/v1/projects?limit=2${cursor ? `&cursor=${cursor}` : ""}`, { auth: k2 });
      expect(res.statusCode).toBe(200);
      const page = expectContract(pageSchema(projectSchema), res.json());
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((p: { id: string }) => p.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...created].reverse());
    const active = await h.send("GET", "/v1/projects?status=archived", { auth: k2 });
    expect(active.json().data.map((p: { id: string }) => p.id)).toEqual([created[0]]);
  });
});
