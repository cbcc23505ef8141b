import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeySchema, apiKeyWithSecretSchema } from "@layers/contracts";
import { createHarness, expectProblem, type Harness } from "./test-support/harness.ts";
import { createChild, mintChildKey, seedParent, type Family } from "./test-support/family.ts";

/** The rotation grace window, short so the expiry is observed (production: 24 h, KEY_ROTATION_GRACE_SECONDS). */
const GRACE_MS = 1500;

describe("child API keys", () => {
  let h: Harness;
  let other: FastifyInstance;
  let f: Family;
  let child: string;

  beforeAll(async () => {
    h = await createHarness({ keyRotationGraceMs: GRACE_MS });
    other = await h.another();
    f = await seedParent(h);
    child = (await createChild(h, f.admin, "Keys")).id;
  });
  afterAll(async () => h?.close());

  const whoami = (secret: string, app: FastifyInstance = h.app) => app.inject({ method: "GET", url: "/v1/whoami", headers: { authorization: `Bearer ${secret}` } });
  const keysUrl = () => `/v1/organizations/${child}/api-keys`;

  it("mint: the secret is shown once; the key authenticates as the child, and lists never show a secret", async () => {
    const res = await h.send("POST", keysUrl(), { auth: f.admin, body: { name: "ci", scopes: ["ads:read", "projects:*"] } });
    expect(res.statusCode, res.body).toBe(201);
    const body = apiKeyWithSecretSchema.parse(res.json());
    expect(body).toMatchObject({ organizationId: child, name: "ci", scopes: ["ads:read", "projects:*"], tier: "standard", status: "active", previousSecretExpiresAt: null });
    expect(body.id).toMatch(/^key_[0-9a-z]{26}$/);
    // The parent's key is a test key: so is the child's.
    expect(body.secret).toMatch(/^lak_test_/);
    expect(body.last4).toBe(body.secret.slice(-4));
    const me = (await whoami(body.secret)).json();
    expect(me).toMatchObject({ organizationId: child, parentOrganizationId: f.parent, actor: { apiKeyId: body.id }, scopes: ["ads:read", "projects:*"] });
    const listed = await h.send("GET", keysUrl(), { auth: f.admin });
    expect(listed.statusCode, listed.body).toBe(200);
    const row = listed.json().data.find((k: { id: string }) => k.id === body.id);
    expect(apiKeySchema.strict().parse(row)).toEqual(row);
    expect(listed.body).not.toContain(body.secret);
    // The child key can do what its scopes say, and nothing more.
    expect((await h.send("POST", "/v1/projects", { auth: body.secret, body: { name: "ok" } })).statusCode).toBe(201);
    expectProblem(await h.send("POST", "/v1/webhooks/endpoints", { auth: body.secret, body: { url: "https://hooks.partner.example/x" } }), 403, "INSUFFICIENT_SCOPE");
  });

  it("scopes must be a subset of the minting key's, wildcards expanded; org:admin is never delegable", async () => {
    const narrow = await h.mintKey(f.parent, ["ads:read", "projects:*", "org:admin"]);
    const mint = (scopes: string[], auth = narrow.secret, extra: object = {}) => h.send("POST", keysUrl(), { auth, body: { name: "k", scopes, ...extra } });
    const before = (await h.env.db.selectFrom("api_keys").select("id").where("organization_id", "=", child).execute()).length;
    expect((await mint(["ads:read"])).statusCode).toBe(201);
    expect((await mint(["projects:write", "projects:read"])).statusCode).toBe(201);
    expect((await mint(["projects:*"])).statusCode).toBe(201);
    expectProblem(await mint(["ads:write:campaigns"]), 403, "INSUFFICIENT_SCOPE");
    expectProblem(await mint(["ads:*"]), 403, "INSUFFICIENT_SCOPE");
    expectProblem(await mint(["*"]), 403, "INSUFFICIENT_SCOPE");
    expectProblem(await mint(["ads:write"]), 403, "INSUFFICIENT_SCOPE");
    const admin = expectProblem(await mint(["org:admin"]), 422, "VALIDATION");
    expect(admin.errors[0].pointer).toBe("/scopes");
    expectProblem(await mint(["org:admin"], f.admin), 422, "VALIDATION");
    expectProblem(await mint(["no:such"]), 422, "VALIDATION");
    expectProblem(await mint([]), 422, "VALIDATION");
    expect((await h.env.db.selectFrom("api_keys").select("id").where("organization_id", "=", child).execute()).length).toBe(before + 3);
    // A `*` parent may hand down `*`: it never covers org:admin, so the child key cannot reach the control plane.
    const wide = await mintChildKey(h, f.admin, child, ["*"]);
    expectProblem(await h.send("GET", "/v1/organizations", { auth: wide.secret }), 403, "INSUFFICIENT_SCOPE");
    expectProblem(await h.send("POST", "/v1/organizations", { auth: wide.secret, body: { name: "grandchild" } }), 403, "INSUFFICIENT_SCOPE");
  });

  it("tier: the minting key's by default, never above it, never internal", async () => {
    const scale = await h.mintKey(f.parent, ["*", "org:admin"]);
    await h.env.db.updateTable("api_keys").set({ rate_tier: "scale" }).where("id", "=", scale.id).execute();
    const mint = (tier?: string) => h.send("POST", keysUrl(), { auth: scale.secret, body: { name: "k", scopes: ["ads:read"], ...(tier ? { tier } : {}) } });
    expect((await mint()).json().tier).toBe("scale");
    expect((await mint("standard")).json().tier).toBe("standard");
    expectProblem(await mint("enterprise"), 422, "VALIDATION");
    expectProblem(await mint("internal"), 422, "VALIDATION");
    expectProblem(await mint("gold"), 422, "VALIDATION");
  });

  it("rotation: both secrets work during the grace window, on every gateway; then only the new one", async () => {
    const key = await mintChildKey(h, f.admin, child, ["ads:read"]);
    // Both gateways cache the old secret first.
    expect((await whoami(key.secret)).statusCode).toBe(200);
    expect((await whoami(key.secret, other)).statusCode).toBe(200);
    const res = await h.send("POST", `${keysUrl()}/${key.id}/rotate`, { auth: f.admin });
    expect(res.statusCode, res.body).toBe(200);
    const rotated = apiKeyWithSecretSchema.parse(res.json());
    expect(rotated.id).toBe(key.id);
    expect(rotated.secret).not.toBe(key.secret);
    expect(Date.parse(rotated.previousSecretExpiresAt!)).toBeGreaterThan(Date.now());
    for (const app of [h.app, other]) {
      expect((await whoami(rotated.secret, app)).json().actor.apiKeyId).toBe(key.id);
      expect((await whoami(key.secret, app)).json().actor.apiKeyId).toBe(key.id);
    }
    await new Promise((r) => setTimeout(r, Date.parse(rotated.previousSecretExpiresAt!) - Date.now() + 50));
    for (const app of [h.app, other]) {
      expectProblem(await whoamiProblem(key.secret, app), 401, "UNAUTHENTICATED");
      expect((await whoami(rotated.secret, app)).statusCode).toBe(200);
    }
    expect((await h.send("GET", keysUrl(), { auth: f.admin })).json().data.find((k: { id: string }) => k.id === key.id).previousSecretExpiresAt).toBeNull();
  });

  it("rotating twice: the first old secret stops at once, the second old one keeps its grace", async () => {
    const key = await mintChildKey(h, f.admin, child, ["ads:read"]);
    const first = (await h.send("POST", `${keysUrl()}/${key.id}/rotate`, { auth: f.admin })).json();
    expect((await whoami(key.secret, other)).statusCode).toBe(200);
    const second = (await h.send("POST", `${keysUrl()}/${key.id}/rotate`, { auth: f.admin })).json();
    await eventually(async () => (await whoami(key.secret, other)).statusCode === 401);
    expectProblem(await whoamiProblem(key.secret), 401, "UNAUTHENTICATED");
    expect((await whoami(first.secret)).statusCode).toBe(200);
    expect((await whoami(second.secret)).statusCode).toBe(200);
  });

  it("revoke: the key and its rotated-out secret stop on every gateway within a second", async () => {
    const key = await mintChildKey(h, f.admin, child, ["ads:read"]);
    const rotated = (await h.send("POST", `${keysUrl()}/${key.id}/rotate`, { auth: f.admin })).json();
    for (const s of [key.secret, rotated.secret]) expect((await whoami(s, other)).statusCode).toBe(200);
    const res = await h.send("DELETE", `${keysUrl()}/${key.id}`, { auth: f.admin });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "revoked", previousSecretExpiresAt: null });
    for (const s of [key.secret, rotated.secret]) expectProblem(await whoamiProblem(s), 401, "UNAUTHENTICATED");
    await eventually(async () => (await whoami(key.secret, other)).statusCode === 401 && (await whoami(rotated.secret, other)).statusCode === 401);
    expectProblem(await h.send("POST", `${keysUrl()}/${key.id}/rotate`, { auth: f.admin }), 409, "CONFLICT");
  });

  it("key routes are scoped to the child: another child's key id under this child is 404", async () => {
    const sibling = (await createChild(h, f.admin, "Sibling")).id;
    const siblingKey = await mintChildKey(h, f.admin, sibling, ["ads:read"]);
    expectProblem(await h.send("POST", `${keysUrl()}/${siblingKey.id}/rotate`, { auth: f.admin }), 404, "NOT_FOUND");
    expectProblem(await h.send("DELETE", `${keysUrl()}/${siblingKey.id}`, { auth: f.admin }), 404, "NOT_FOUND");
    expectProblem(await h.send("DELETE", `${keysUrl()}/${f.adminKeyId}`, { auth: f.admin }), 404, "NOT_FOUND");
    expect((await whoami(siblingKey.secret)).statusCode).toBe(200);
    expect((await whoami(f.admin)).statusCode).toBe(200);
  });

  it("list pages with a signed cursor", async () => {
    const fresh = (await createChild(h, f.admin, "Paged")).id;
    const made = [];
    for (let i = 0; i < 3; i++) made.push((await mintChildKey(h, f.admin, fresh, ["ads:read"])).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await h.send("GET", `/v1/organizations/${fresh}/api-keys?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { auth: f.admin });
      seen.push(...res.json().data.map((k: { id: string }) => k.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
  });

  function whoamiProblem(secret: string, app: FastifyInstance = h.app) {
    return whoami(secret, app);
  }
});

async function eventually(check: () => Promise<boolean>, withinMs = 1000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(await check()).toBe(true);
}
