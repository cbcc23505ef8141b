import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "./support/api.ts";
import { startStack, type E2EStack } from "./support/stack.ts";

const cli = fileURLToPath(new URL("../tools/ops/src/cli.ts", import.meta.url));
const run = promisify(execFile);

describe("ops CLI", () => {
  let stack: E2EStack;
  beforeAll(async () => {
    stack = await startStack({ dispatcher: false });
  });
  afterAll(async () => stack?.stop());

  const ops = async (...args: string[]) => {
    const { stdout } = await run(process.execPath, [cli, ...args], { env: { ...process.env, ...stack.childEnv({ API_BASE_URL: stack.apiUrl, SANDBOX_URL: stack.sandboxUrl }) } });
    return JSON.parse(stdout);
  };

  it("creates an org, mints a scoped key that works at once, and revokes it", async () => {
    const { orgId } = await ops("create-org", "--name", "Acme Partner");
    expect(orgId).toMatch(/^org_/);
    const key = await ops("mint-key", "--org", orgId, "--scopes", "projects:read,ads:write");
    expect(key.secret).toMatch(/^lak_live_/);
    expect(key.apiKeyId).toMatch(/^key_/);
    const stored = await stack.env.db.selectFrom("api_keys").selectAll().where("id", "=", key.apiKeyId).executeTakeFirstOrThrow();
    expect(stored.secret_hash).not.toContain(key.secret);
    expect(JSON.stringify(stored)).not.toContain(key.secret);

    const partner = apiClient(stack.apiUrl, key.secret);
    const who = await partner.get("/v1/whoami");
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ organizationId: orgId, scopes: ["projects:read", "ads:write"] });
    expect((await partner.post("/v1/projects", { name: "no scope" })).status).toBe(403);

    expect(await ops("revoke-key", "--key", key.apiKeyId)).toEqual({ apiKeyId: key.apiKeyId, revoked: true });
    expect((await partner.get("/v1/whoami")).status).toBe(401);
    // Revoking it again changes nothing and says so.
    const again = await ops("revoke-key", "--key", key.apiKeyId);
    expect(again).toEqual({ apiKeyId: key.apiKeyId, revoked: false, note: "already revoked", revokedAt: expect.any(String) });
    const row = await stack.env.db.selectFrom("api_keys").select("revoked_at").where("id", "=", key.apiKeyId).executeTakeFirstOrThrow();
    expect(again.revokedAt).toBe(new Date(row.revoked_at!).toISOString());
  });

  it("takes scopes as plain arguments too", async () => {
    const { orgId } = await ops("create-org", "--name", "Positional");
    const key = await ops("mint-key", "--org", orgId, "ads:read", "ads:write:budgets", "--scopes", "audit:read");
    expect(key.scopes.sort()).toEqual(["ads:read", "ads:write:budgets", "audit:read"]);
    const who = await apiClient(stack.apiUrl, key.secret).get("/v1/whoami");
    expect(who.body.scopes.sort()).toEqual(["ads:read", "ads:write:budgets", "audit:read"]);
  });

  it("refuses unknown scopes, unknown orgs and missing flags with exit code 2 and writes nothing", async () => {
    const { orgId } = await ops("create-org", "--name", "Strict");
    const before = await stack.env.db.selectFrom("api_keys").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    await expect(ops("mint-key", "--org", orgId, "--scopes", "ads:write:kill_switch")).rejects.toMatchObject({ code: 2 });
    await expect(ops("mint-key", "--org", "org_00000000000000000000000000", "--scopes", "ads:read")).rejects.toMatchObject({ code: 2 });
    await expect(ops("mint-key", "--org", orgId)).rejects.toMatchObject({ code: 2 });
    await expect(ops("revoke-key", "--key", "key_nope")).rejects.toMatchObject({ code: 2 });
    await expect(ops("no-such-command")).rejects.toMatchObject({ code: 2 });
    await expect(ops("revoke-key", "--kee", "key_x")).rejects.toMatchObject({ code: 2 });
    const after = await stack.env.db.selectFrom("api_keys").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("seed-dev makes a fresh, independent tenant each call and prints one JSON object", async () => {
    const a = await ops("seed-dev");
    const b = await ops("seed-dev");
    expect(Object.keys(a).sort()).toEqual(["apiBaseUrl", "apiKey", "customerToken", "layers", "orgId", "projectId", "sandboxBaseUrl"]);
    expect(a.orgId).not.toBe(b.orgId);
    for (const platform of ["meta", "tiktok", "apple"] as const) {
      expect(a.layers[platform].layerId).toMatch(/^lyr_/);
      expect(a.layers[platform].adAccountId).toMatch(/^aa_/);
    }
    const partner = apiClient(stack.apiUrl, a.apiKey);
    const layers = await partner.get(`/v1/projects/${a.projectId}/layers`);
    for (const l of layers.body.data) expect(l.partnerWritesEnabled).toBe(true);
    // Partners may create Apple campaigns on the dev tenant: its Apple layer is END_TO_END.
    expect(layers.body.data.find((l: any) => l.platform === "apple").writerPreset).toBe("END_TO_END");
    expect((await apiClient(stack.apiUrl, b.apiKey).get(`/v1/projects/${a.projectId}`)).status).toBe(404);
    const customer = apiClient(stack.apiUrl, a.customerToken);
    expect((await customer.get("/v1/whoami")).body).toMatchObject({ actor: { type: "customer" }, projectId: a.projectId });
  });

  it("mint-key --tier sets the key's rate tier; api-kill-switch stops and releases a key's writes on the running gateway", async () => {
    const { orgId } = await ops("create-org", "--name", "Switch Partner");
    const key = await ops("mint-key", "--org", orgId, "--tier", "scale", "projects:read", "projects:write");
    expect(key.rateTier).toBe("scale");
    const partner = apiClient(stack.apiUrl, key.secret);
    expect((await partner.get("/v1/projects")).headers.get("ratelimit-policy")).toBe('"read";q=6000;w=60');
    await expect(ops("mint-key", "--org", orgId, "--tier", "gold", "projects:read")).rejects.toMatchObject({ code: 2 });

    expect(await ops("api-kill-switch", "--scope", "key", "--target", key.apiKeyId, "--on", "--reason", "runaway script")).toEqual({
      scope: "key",
      target: key.apiKeyId,
      active: true,
      reason: "runaway script",
    });
    await new Promise((r) => setTimeout(r, 1000));
    const stopped = await partner.post("/v1/projects", { name: "blocked" });
    expect(stopped.status).toBe(403);
    expect(stopped.body).toMatchObject({ code: "KILL_SWITCH" });
    expect((await partner.get("/v1/projects")).status).toBe(200);

    expect((await ops("api-kill-switch", "--scope", "key", "--target", key.apiKeyId, "--off")).active).toBe(false);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await partner.post("/v1/projects", { name: "allowed again" })).status).toBe(201);

    await expect(ops("api-kill-switch", "--scope", "org", "--target", "org_00000000000000000000000000", "--on")).rejects.toMatchObject({ code: 2 });
    await expect(ops("api-kill-switch", "--scope", "global", "--on", "--off")).rejects.toMatchObject({ code: 2 });
    await expect(ops("api-kill-switch", "--scope", "planet", "--on")).rejects.toMatchObject({ code: 2 });
  });
  it("a failing command prints one line naming what was wrong (not the usage), with a non-zero exit code", async () => {
    const failures: Array<[string[], number, RegExp]> = [
      [["revoke-key"], 2, /--key is required/],
      [["revoke-key", "--key", "key_nope"], 2, /no API key key_nope/],
      [["mint-key", "--org", "org_00000000000000000000000000", "--scopes", "ads:read"], 2, /no organization org_0+/],
      [["frobnicate"], 2, /unknown command frobnicate/],
      [["revoke-key", "--kee", "x"], 2, /--kee/],
      [["mint-customer-token", "--project", "cmp_123"], 2, /--project takes a project id/],
      [["mint-customer-token", "--project", "7c9e6679-7425-40de-944b-e07fc1f90ae7", "--ttl", "forever"], 2, /--ttl must look like/],
    ];
    for (const [args, code, what] of failures) {
      const err = (await ops(...args).then(
        () => undefined,
        (e: unknown) => e,
      )) as { code: number; stderr: string; stdout: string } | undefined;
      expect(err, args.join(" ")).toBeDefined();
      expect(err!.code, args.join(" ")).toBe(code);
      const lines = err!.stderr.split("\n").filter((l) => l.trim() !== "");
      expect(lines, args.join(" ")).toHaveLength(1);
      expect(lines[0]).toMatch(/^error: /);
      expect(lines[0]).toMatch(what);
      expect(err!.stdout).toBe("");
    }
  });

  it("mint-customer-token mints a customer JWT for a project (a child organization's too) that the gateway takes", async () => {
    const seed = await ops("seed-dev");
    const minted = await ops("mint-customer-token", "--project", seed.projectId, "--ttl", "15m", "--sub", "usr_ops");
    expect(minted).toEqual({ token: expect.any(String), projectId: seed.projectId, organizationId: seed.orgId, sub: "usr_ops", expiresAt: expect.any(String) });
    const claims = JSON.parse(Buffer.from(minted.token.split(".")[1], "base64url").toString("utf8"));
    expect(claims).toEqual({ typ: "customer", sub: "usr_ops", org: seed.orgId, project: seed.projectId, iat: expect.any(Number), exp: expect.any(Number) });
    expect(claims.exp - claims.iat).toBe(15 * 60);
    expect(new Date(minted.expiresAt).getTime()).toBe(claims.exp * 1000);
    const customer = apiClient(stack.apiUrl, minted.token);
    expect((await customer.get("/v1/whoami")).body).toMatchObject({ organizationId: seed.orgId, actor: { type: "customer", userId: "usr_ops" }, projectId: seed.projectId });
    // Customer-only controls answer to it.
    expect((await customer.get(`/v1/projects/${seed.projectId}/ads/meta/policy`)).status).toBe(200);
    // Default lifetime: one hour.
    const plain = await ops("mint-customer-token", "--project", seed.projectId);
    const plainClaims = JSON.parse(Buffer.from(plain.token.split(".")[1], "base64url").toString("utf8"));
    expect(plainClaims.exp - plainClaims.iat).toBe(3600);
    expect(plain.sub).toMatch(/^usr_/);

    // A child organization's project: the token speaks for the child.
    const { orgId: parent } = await ops("create-org", "--name", "Parent Partner");
    const admin = apiClient(stack.apiUrl, (await ops("mint-key", "--org", parent, "--scopes", "*,org:admin")).secret);
    const child = await admin.post("/v1/organizations", { name: "Acme Coffee" });
    expect(child.status, JSON.stringify(child.body)).toBe(201);
    const project = await admin.post("/v1/projects", { name: "Acme app" }, { "x-layers-organization": child.body.id });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    const childToken = await ops("mint-customer-token", "--project", project.body.id);
    expect(childToken.organizationId).toBe(child.body.id);
    const childCustomer = apiClient(stack.apiUrl, childToken.token);
    expect((await childCustomer.get("/v1/whoami")).body).toMatchObject({ organizationId: child.body.id, parentOrganizationId: parent, projectId: project.body.id });
    expect((await childCustomer.get(`/v1/projects/${project.body.id}/ads/meta/policy`)).status).toBe(200);
    // Bound to its project: the seed's project is another org's.
    expect((await childCustomer.get(`/v1/projects/${seed.projectId}`)).status).toBe(404);
  });
});
