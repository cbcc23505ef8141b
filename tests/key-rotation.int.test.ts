import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentKeyId, DEV_TOKEN_KEY, sealedKeyId } from "@layers/runtime";
import { waitForJob } from "./support/api.ts";
import { spawnService, type ChildService } from "./support/child-service.ts";
import { startStack, type E2EStack } from "./support/stack.ts";
import { autoTenant, type AutoTenant } from "./support/tenant.ts";

const cli = fileURLToPath(new URL("../tools/ops/src/cli.ts", import.meta.url));
const run = promisify(execFile);
const OLD = DEV_TOKEN_KEY;
const NEW = Buffer.alloc(32, 42).toString("base64");

/**
 * `ops rotate-token-key` beside a running dispatcher (its own process, as in production): the
 * dispatcher first gets the ring `NEW,OLD`, the CLI re-seals every stored token under NEW while it
 * runs, writes keep landing, and after a restart with NEW alone they still do.
 */
describe("sealing key rotation with no downtime", () => {
  let stack: E2EStack;
  let t: AutoTenant;
  let dispatcher: ChildService | undefined;
  const fast = { RETRY_LADDER_MS: "50,100,200", FENCE_DELAY_MS: "25" };

  beforeAll(async () => {
    stack = await startStack({ dispatcher: false });
    t = await autoTenant(stack);
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await stack?.stop();
  });

  const budgetLands = async (cents: number) => {
    // The first page syncs the account through the dispatcher; on a loaded machine that sync may
    // still be running when the page answers, so ask again until the campaign made outside Layers is listed.
    let cid: string | undefined;
    for (let i = 0; i < 60 && cid === undefined; i++) {
      const campaigns = (await t.partner.get(t.campaignsPath)).body.data as Array<{ id: string; name: string }>;
      cid = campaigns.find((c) => c.name === "Evergreen prospecting")?.id;
      if (cid === undefined) await new Promise((r) => setTimeout(r, 250));
    }
    expect(cid, "the seeded campaign is listed").toBeDefined();
    const res = await t.partner.patch(`${t.campaignsPath}/${cid}/budget`, { dailyBudgetCents: cents });
    expect(res.status).toBe(202);
    return (await waitForJob(t.partner, res.body.jobId, 30_000)).status;
  };
  const ops = async (ring: string, ...args: string[]) => {
    const { stdout } = await run(process.execPath, [cli, ...args], { env: { ...process.env, ...stack.childEnv({ TOKEN_ENCRYPTION_KEY: ring }) } });
    return JSON.parse(stdout);
  };
  const storedKeyIds = async () =>
    (await stack.env.db.selectFrom("ad_accounts").select("access_token_enc").where("project_id", "=", t.seed.projectId).execute()).map((r) => sealedKeyId(r.access_token_enc));

  it("re-seals under the new key while the dispatcher runs; writes land before, after, and once the old key is gone", async () => {
    dispatcher = spawnService("dispatcher", stack.childEnv({ ...fast, TOKEN_ENCRYPTION_KEY: `${NEW},${OLD}` }));
    await dispatcher.ready;
    expect(await budgetLands(2600)).toBe("completed");
    expect(new Set(await storedKeyIds())).toEqual(new Set([currentKeyId(OLD)]));

    const dry = await ops(`${NEW},${OLD}`, "rotate-token-key", "--dry-run");
    expect(dry.resealed["ad_accounts.access_token_enc"]).toBeGreaterThanOrEqual(3);
    expect(new Set(await storedKeyIds())).toEqual(new Set([currentKeyId(OLD)]));
    const done = await ops(`${NEW},${OLD}`, "rotate-token-key");
    expect(done.keyId).toBe(currentKeyId(NEW));
    expect(done.unreadable).toEqual([]);
    expect(new Set(await storedKeyIds())).toEqual(new Set([currentKeyId(NEW)]));
    expect(await budgetLands(2700)).toBe("completed");

    await dispatcher.stop();
    dispatcher = spawnService("dispatcher", stack.childEnv({ ...fast, TOKEN_ENCRYPTION_KEY: NEW }));
    await dispatcher.ready;
    expect(await budgetLands(2800)).toBe("completed");
    expect((await ops(NEW, "rotate-token-key")).resealed["ad_accounts.access_token_enc"]).toBe(0);
  });
});
