import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookEndpointWithSecretSchema } from "@layers/contracts";
import { createHarness, expectProblem, type Harness } from "./test-support/harness.ts";
import { acting, createChild, mintChildKey, seedParent, type Family } from "./test-support/family.ts";
import { fakeResolve, seedEvent } from "./test-support/webhooks.ts";

/** Issue 15 §4 at the gateway: who may register the firehose, and what its replay covers. */
describe("webhook endpoints: scope own | all_children", () => {
  let h: Harness;
  let f: Family;
  let child: string;
  const URL_OK = "https://hooks.partner.example/in";

  beforeAll(async () => {
    h = await createHarness({ webhooks: { allowedHosts: [], resolveHost: fakeResolve } });
    f = await seedParent(h);
    child = (await createChild(h, f.admin, "Firehose child")).id;
  });
  afterAll(async () => h?.close());

  const create = (auth: string, body: object, headers: Record<string, string> = {}) => h.send("POST", "/v1/webhooks/endpoints", { auth, headers, body: { url: URL_OK, ...body } });
  const endpoints = async () => (await h.env.db.selectFrom("webhook_endpoints").select("id").execute()).length;

  it("scope defaults to own; all_children needs org:admin (403 otherwise) and a top-level org acting as itself (422)", async () => {
    const own = await create(f.plain, {});
    expect(own.statusCode, own.body).toBe(201);
    expect(webhookEndpointWithSecretSchema.parse(own.json()).scope).toBe("own");
    const before = await endpoints();
    expectProblem(await create(f.plain, { scope: "all_children" }), 403, "INSUFFICIENT_SCOPE");
    const childKey = await mintChildKey(h, f.admin, child, ["*"]);
    expectProblem(await create(childKey.secret, { scope: "all_children" }), 403, "INSUFFICIENT_SCOPE");
    const viaHeader = expectProblem(await create(f.admin, { scope: "all_children" }, acting(child)), 422, "VALIDATION");
    expect(viaHeader.errors[0].pointer).toBe("/scope");
    expectProblem(await create(f.admin, { scope: "everything" }), 422, "VALIDATION");
    expect(await endpoints()).toBe(before);
    const firehose = await create(f.admin, { scope: "all_children" });
    expect(firehose.statusCode, firehose.body).toBe(201);
    expect(firehose.json().scope).toBe("all_children");
    const read = await h.send("GET", `/v1/webhooks/endpoints/${firehose.json().id}`, { auth: f.plain });
    expect(read.json().scope).toBe("all_children");
    // A child's endpoint made by the parent through the header belongs to the child, scope own.
    const forChild = await create(f.admin, {}, acting(child));
    expect(forChild.statusCode, forChild.body).toBe(201);
    expect((await h.send("GET", `/v1/webhooks/endpoints/${forChild.json().id}`, { auth: childKey.secret })).statusCode).toBe(200);
    expectProblem(await h.send("GET", `/v1/webhooks/endpoints/${forChild.json().id}`, { auth: f.admin }), 404, "NOT_FOUND");
  });

  it("replay: the firehose replays the children's events too, an own endpoint only the org's, and never another parent's children", async () => {
    const stranger = await seedParent(h);
    const strangerChild = (await createChild(h, stranger.admin, "Not yours")).id;
    const at = new Date(Date.now() - 60_000);
    await seedEvent(h.env.db, f.parent, "ads.write.executed", at);
    await seedEvent(h.env.db, child, "ads.write.executed", at);
    await seedEvent(h.env.db, child, "ads.write.denied", at);
    await seedEvent(h.env.db, strangerChild, "ads.write.executed", at);
    const firehose = (await create(f.admin, { scope: "all_children" })).json();
    const own = (await create(f.admin, {})).json();
    const replay = (id: string) => h.send("POST", `/v1/webhooks/endpoints/${id}/replay`, { auth: f.admin, body: { since: new Date(at.getTime() - 1000).toISOString() } });
    const a = await replay(firehose.id);
    expect(a.statusCode, a.body).toBe(202);
    expect(a.json().deliveries).toBe(3);
    expect((await replay(own.id)).json().deliveries).toBe(1);
    const rows = await h.env.db.selectFrom("webhook_deliveries").selectAll().where("endpoint_id", "=", firehose.id).execute();
    expect(rows.every((r) => r.organization_id === f.parent)).toBe(true);
    const listed = await h.send("GET", `/v1/webhooks/endpoints/${firehose.id}/deliveries`, { auth: f.admin });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().data).toHaveLength(3);
  });
});
