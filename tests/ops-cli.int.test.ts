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
    expect(await ops("revoke-key", "--key", key.apiKeyId)).toEqual({ apiKeyId: key.apiKeyId, revoked: false });
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
});
