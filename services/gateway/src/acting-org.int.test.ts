import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creativeIdOf, newId, whoamiSchema, type PathParamKind, type Platform } from "@layers/contracts";
import { createHarness, expectProblem, type Harness } from "./test-support/harness.ts";
import { acting, createChild, mintChildKey, seedParent, type Family } from "./test-support/family.ts";
import { fakeResolve, seedDelivery, seedEvent } from "./test-support/webhooks.ts";

/**
 * Issue 15 §2 and the BOLA matrix: a parent (P) with two children (C, the owner of every id
 * below, and its sibling S), and a stranger org (X) with its own child (XC). Every id route of the
 * gateway is called with C's ids by every other party, with and without `X-Layers-Organization`.
 */
describe("acting on behalf of a child, and the BOLA matrix", () => {
  let h: Harness;
  let p: Family;
  let x: Family;
  let C: string;
  let S: string;
  let XC: string;
  let childKey: { id: string; secret: string };
  let siblingKey: { id: string; secret: string };
  const ids: Partial<Record<PathParamKind, Record<Platform, string> | string>> = {};

  async function seedWorld(orgId: string, secret: string) {
    const project = await h.createProject(secret, "child project");
    const db = h.env.db;
    const campaigns = {} as Record<Platform, string>;
    for (const pf of ["meta", "tiktok", "apple"] as const) campaigns[pf] = await h.seedCampaign(project.id, { platform: pf });
    const entity = async (kind: "adset" | "adgroup" | "ad" | "keyword", platform: Platform, parentId: string | null) => {
      const c = await db.selectFrom("campaigns").selectAll().where("id", "=", campaigns[platform]).executeTakeFirstOrThrow();
      const id = newId(kind === "adset" ? "adSet" : kind === "adgroup" ? "adGroup" : kind);
      await db
        .insertInto("ad_entities")
        .values({ id, kind, project_id: project.id, layer_id: c.layer_id, ad_account_id: c.ad_account_id, platform, campaign_id: c.id, parent_id: parentId, platform_entity_id: null, name: "seeded", status: "active", targeting: null, creative: null, origin: "layers" })
        .execute();
      return id;
    };
    const adSet = await entity("adset", "meta", null);
    const tiktokGroup = await entity("adgroup", "tiktok", null);
    const appleGroup = await entity("adgroup", "apple", null);
    const metaAd = await entity("ad", "meta", adSet);
    const keyword = await entity("keyword", "apple", appleGroup);
    const pending = await h.seedPending(orgId, project.id, campaigns.meta);
    const ep = await h.send("POST", "/v1/webhooks/endpoints", { auth: secret, body: { url: "https://hooks.partner.example/in" } });
    expect(ep.statusCode, ep.body).toBe(201);
    const eventId = await seedEvent(db, orgId, "ads.write.executed", new Date());
    const deliveryId = await seedDelivery(db, { id: ep.json().id, organizationId: orgId }, eventId, "ads.write.executed");
    // The connect flow's account of the meta campaign, an optimizer run on its layer and the creative an ad shows.
    const metaCampaign = await db.selectFrom("campaigns").selectAll().where("id", "=", campaigns.meta).executeTakeFirstOrThrow();
    const runId = newId("optimizerRun");
    await db
      .insertInto("optimizer_runs")
      .values({ id: runId, organization_id: orgId, project_id: project.id, layer_id: metaCampaign.layer_id, platform: "meta", status: "completed", trigger: "api", dry_run: true, window_since: "2026-11-01", window_until: "2026-11-30" })
      .execute();
    const creative = { primaryText: "Run further", linkUrl: "https://shoes.example/run", pageId: "1000001" };
    await db.updateTable("ad_entities").set({ creative: JSON.stringify(creative) }).where("id", "=", metaAd).execute();
    return { projectId: project.id, campaigns, adSet, tiktokGroup, appleGroup, metaAd, keyword, pending, endpointId: ep.json().id as string, deliveryId, adAccountId: metaCampaign.ad_account_id, runId, creativeId: creativeIdOf(creative) };
  }
  let world: Awaited<ReturnType<typeof seedWorld>>;
  let siblingCustomer: string;

  beforeAll(async () => {
    h = await createHarness({ webhooks: { allowedHosts: [], resolveHost: fakeResolve } });
    p = await seedParent(h);
    x = await seedParent(h);
    C = (await createChild(h, p.admin, "C")).id;
    S = (await createChild(h, p.admin, "S")).id;
    XC = (await createChild(h, x.admin, "XC")).id;
    childKey = await mintChildKey(h, p.admin, C, ["*"]);
    siblingKey = await mintChildKey(h, p.admin, S, ["*"]);
    world = await seedWorld(C, childKey.secret);
    siblingCustomer = h.customerToken(S, (await h.createProject(siblingKey.secret, "sibling project")).id);
    void ids;
  });
  afterAll(async () => h?.close());

  /** Every id route of the gateway, filled with C's ids (the platform each entity lives on). */
  function idRoutes(): Array<{ method: string; url: string; org: boolean; customerOnly: boolean }> {
    return h.app.routeTable
      // The OAuth callback is a public browser page keyed by its one-time state, not by tenancy.
      .filter((r) => r.url.includes(":") && r.method !== "HEAD" && !r.url.startsWith("/v1/oauth/callback"))
      .map((r) => {
        const platform: Platform = r.url.includes("/keywords") ? "apple" : r.url.includes("/adgroups") ? "tiktok" : "meta";
        const url = r.url
          .replace(":projectId", world.projectId)
          .replace(":platform", platform)
          .replace(":campaignId", world.campaigns[platform])
          .replace("adsets/:id", `adsets/${world.adSet}`)
          .replace("adgroups/:id", `adgroups/${platform === "apple" ? world.appleGroup : world.tiktokGroup}`)
          .replace("ad-accounts/:id", `ad-accounts/${world.adAccountId}`)
          .replace("ads-content/:id", `ads-content/${world.creativeId}`)
          .replace(":runId", world.runId)
          .replace("ads/:id", `ads/${world.metaAd}`)
          .replace(":keywordId", world.keyword)
          .replace(":pendingActionId", world.pending.pendingActionId)
          .replace(":jobId", world.pending.jobId)
          .replace(":endpointId", world.endpointId)
          .replace(":deliveryId", world.deliveryId)
          .replace(":orgId", C)
          .replace(":keyId", childKey.id);
        expect(url, r.url).not.toContain(":");
        // Reading the policy is the customer's alone: every partner key is refused before any lookup (the same for any id).
        const customerOnly = r.method === "GET" && r.url.endsWith("/policy");
        return { method: r.method, url, org: r.url.startsWith("/v1/organizations"), customerOnly };
      });
  }

  const fingerprint = async () => {
    const db = h.env.db;
    const n = async (t: "write_intents" | "jobs" | "projects" | "campaigns" | "ad_entities" | "api_keys" | "organizations" | "webhook_endpoints" | "webhook_deliveries" | "pending_actions" | "layers") =>
      Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);
    const orgs = await db.selectFrom("organizations").select(["id", "status", "name"]).orderBy("id").execute();
    const keys = await db.selectFrom("api_keys").select(["id", "status", "secret_hash"]).orderBy("id").execute();
    const projects = await db.selectFrom("projects").select(["id", "name", "status"]).orderBy("id").execute();
    const eps = await db.selectFrom("webhook_endpoints").select(["id", "secret_enc", "deleted_at"]).orderBy("id").execute();
    const tables = ["write_intents", "jobs", "campaigns", "ad_entities", "webhook_deliveries", "pending_actions", "layers"] as const;
    return { counts: await Promise.all(tables.map(n)), orgs, keys, projects, eps };
  };

  const send = (method: string, url: string, auth: string, headers: Record<string, string> = {}) =>
    h.send(method as "GET", url, { auth, headers, ...(method === "GET" || method === "DELETE" ? {} : { body: {} }) });

  it("foreign parties get exactly 404 on every id route of C, with and without the header, and nothing changes", async () => {
    const before = await fingerprint();
    const routes = idRoutes();
    expect(routes.length).toBeGreaterThan(60);
    for (const r of routes) {
      if (r.customerOnly) {
        for (const key of [x.admin, p.admin, siblingKey.secret, childKey.secret]) expectProblem(await send(r.method, r.url, key), 403, "CUSTOMER_ONLY");
        expectProblem(await send(r.method, r.url, p.admin, acting(C)), 403, "CUSTOMER_ONLY");
        expectProblem(await send(r.method, r.url, siblingCustomer), 404, "NOT_FOUND");
        continue;
      }
      // The stranger, as itself, acting in its own child, and naming C (not its child).
      expectProblem(await send(r.method, r.url, x.admin), 404, "NOT_FOUND");
      if (!r.org) {
        expectProblem(await send(r.method, r.url, x.admin, acting(XC)), 404, "NOT_FOUND");
        expectProblem(await send(r.method, r.url, x.admin, acting(C)), 404, "NOT_FOUND");
        // The parent, without the header, acts in its own org; naming the sibling, in the sibling.
        expectProblem(await send(r.method, r.url, p.admin), 404, "NOT_FOUND");
        expectProblem(await send(r.method, r.url, p.admin, acting(S)), 404, "NOT_FOUND");
        // The sibling's own key, and the sibling's customer.
        expectProblem(await send(r.method, r.url, siblingKey.secret), 404, "NOT_FOUND");
        if (!r.url.startsWith("/v1/webhooks")) expectProblem(await send(r.method, r.url, siblingCustomer), 404, "NOT_FOUND");
      } else {
        // Org routes never take the header, and child keys never hold org:admin: the same answer for every id.
        expectProblem(await send(r.method, r.url, x.admin, acting(XC)), 403, "INSUFFICIENT_SCOPE");
        expectProblem(await send(r.method, r.url, siblingKey.secret), 403, "INSUFFICIENT_SCOPE");
        expectProblem(await send(r.method, r.url, childKey.secret), 403, "INSUFFICIENT_SCOPE");
      }
      // A child key sending the header, and the header naming nothing real.
      expectProblem(await send(r.method, r.url, siblingKey.secret, acting(C)), 403, "INSUFFICIENT_SCOPE");
      expectProblem(await send(r.method, r.url, childKey.secret, acting(C)), 403, "INSUFFICIENT_SCOPE");
      if (!r.org) {
        expectProblem(await send(r.method, r.url, p.admin, acting("org_0000000000000000000000000a")), 404, "NOT_FOUND");
        expectProblem(await send(r.method, r.url, p.admin, acting("not-an-org")), 404, "NOT_FOUND");
        expectProblem(await send(r.method, r.url, p.admin, acting(p.parent)), 404, "NOT_FOUND");
        // A `*` key of the parent without org:admin cannot act at all.
        expectProblem(await send(r.method, r.url, p.plain, acting(C)), 403, "INSUFFICIENT_SCOPE");
      }
    }
    expect(await fingerprint()).toEqual(before);
  }, 120_000);

  it("the owners see every read of C: C's own key, and the parent through the header", async () => {
    for (const r of idRoutes().filter((r) => r.method === "GET" && !r.customerOnly)) {
      if (r.org) {
        const res = await send("GET", r.url, p.admin);
        expect(res.statusCode, `${r.url} ${res.body}`).toBe(200);
        continue;
      }
      for (const [who, res] of [
        ["child key", await send("GET", r.url, childKey.secret)],
        ["parent acting", await send("GET", r.url, p.admin, acting(C))],
      ] as const) {
        expect(res.statusCode, `${who} GET ${r.url} ${res.body}`).toBe(200);
      }
    }
  });

  it("the parent acting in C writes into C: a project made with the header belongs to C, and C's lists show it", async () => {
    const res = await h.send("POST", "/v1/projects", { auth: p.admin, headers: acting(C), body: { name: "made by the parent" } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().organizationId).toBe(C);
    const listed = (await h.send("GET", "/v1/projects?limit=100", { auth: childKey.secret })).json().data.map((x: { id: string }) => x.id);
    expect(listed).toContain(res.json().id);
    const parentOwn = (await h.send("GET", "/v1/projects?limit=100", { auth: p.admin })).json().data.map((x: { id: string }) => x.id);
    expect(parentOwn).not.toContain(res.json().id);
    const sibling = (await h.send("GET", "/v1/projects?limit=100", { auth: siblingKey.secret })).json().data.map((x: { id: string }) => x.id);
    expect(sibling).not.toContain(res.json().id);
  });

  it("whoami - parentOrganizationId (null at the top) and the key_ id; with the header, the child it acts inside", async () => {
    const top = (await h.send("GET", "/v1/whoami", { auth: p.admin })).json();
    expect(whoamiSchema.parse(top)).toEqual(top);
    expect(top).toMatchObject({ organizationId: p.parent, parentOrganizationId: null, actor: { type: "partner", apiKeyId: p.adminKeyId } });
    expect(top.actor.apiKeyId).toMatch(/^key_[0-9a-z]{26}$/);
    const child = (await h.send("GET", "/v1/whoami", { auth: childKey.secret })).json();
    expect(child).toMatchObject({ organizationId: C, parentOrganizationId: p.parent, actor: { apiKeyId: childKey.id } });
    const onBehalf = (await h.send("GET", "/v1/whoami", { auth: p.admin, headers: acting(C) })).json();
    expect(whoamiSchema.parse(onBehalf)).toEqual(onBehalf);
    expect(onBehalf).toMatchObject({ organizationId: C, parentOrganizationId: p.parent, actor: { apiKeyId: p.adminKeyId, onBehalfOf: C } });
    const projectId = world.projectId;
    const customer = (await h.send("GET", "/v1/whoami", { auth: h.customerToken(C, projectId) })).json();
    expect(customer).toMatchObject({ organizationId: C, parentOrganizationId: p.parent, projectId });
    expectProblem(await h.send("GET", "/v1/whoami", { auth: h.customerToken(C, projectId), headers: acting(C) }), 403, "INSUFFICIENT_SCOPE");
  });
});
