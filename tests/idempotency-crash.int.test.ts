import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemSchema, writeAcceptedSchema } from "@layers/contracts";
import { eventually, ledger, waitForJob } from "./support/api.ts";
import { expectContract } from "./support/contract.ts";
import { startStack, type E2EStack } from "./support/stack.ts";
import { autoTenant, createCampaigns } from "./support/tenant.ts";

const gatewayMain = fileURLToPath(new URL("../services/gateway/src/main.ts", import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

describe("idempotency: a gateway killed after storing a write", () => {
  let stack: E2EStack;
  let child: ChildProcess | null = null;

  beforeAll(async () => {
    stack = await startStack({ verdictTimeoutMs: 1500 });
  });
  afterAll(async () => {
    child?.kill("SIGKILL");
    await stack?.stop();
  });

  it("the retry replays 202 accepted for the stored job: one job, one intent, one platform mutation", async () => {
    const t = await autoTenant(stack);
    const [campaign] = await createCampaigns(t, 1, "Crash");
    const url = `${t.campaignsPath}/${campaign!.id}/budget`;
    const body = { dailyBudgetCents: 4321 };
    const idem = { "idempotency-key": "crash-after-accept-1" };
    const keyRow = () => stack.env.db.selectFrom("idempotency_keys").selectAll().where("idem_key", "=", idem["idempotency-key"]).executeTakeFirst();

    // The gate is down, so the child gateway stores the write and then waits for a verdict — and dies there.
    await stack.stopGate();
    const port = await freePort();
    child = spawn(process.execPath, [gatewayMain], {
      env: { ...process.env, ...stack.childEnv({ PORT: String(port), HOST: "127.0.0.1", VERDICT_TIMEOUT_MS: "30000" }) },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const childUrl = `http://127.0.0.1:${port}`;
    await eventually(async () => ((await fetch(`${childUrl}/healthz`).catch(() => null))?.ok ? true : undefined), "the child gateway to listen");
    void fetch(childUrl + url, {
      method: "PATCH",
      headers: { authorization: `Bearer ${t.seed.apiKey}`, "content-type": "application/json", ...idem },
      body: JSON.stringify(body),
    }).catch(() => undefined);
    await eventually(async () => ((await keyRow())?.status_code ? true : undefined), "the write and its held answer to commit");
    child.kill("SIGKILL");
    await once(child, "exit");
    child = null;
    const intents = await stack.env.db.selectFrom("write_intents").select(["id", "job_id"]).where("entity_key", "=", `campaign:${campaign!.id}`).where("operation", "=", "update_budget").execute();
    expect(intents).toHaveLength(1);

    // Within the lease the key is still in flight; once it ran out the held answer is replayed.
    const early = await t.partner.patch(url, body, idem);
    expect(early.status).toBe(409);
    expect(expectContract(problemSchema, early.body).code).toBe("IDEMPOTENCY_CONFLICT");
    await stack.env.db.updateTable("idempotency_keys").set({ created_at: new Date(Date.now() - 3 * 60_000) }).where("idem_key", "=", idem["idempotency-key"]).execute();
    await stack.startGate();
    const retry = await t.partner.patch(url, body, idem);
    expect(retry.status).toBe(202);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(expectContract(writeAcceptedSchema, retry.body)).toEqual({ status: "accepted", jobId: intents[0]!.job_id, campaignId: campaign!.id });
    expect(retry.headers.get("location")).toBe(`/v1/jobs/${intents[0]!.job_id}`);

    expect((await waitForJob(t.partner, intents[0]!.job_id, 30_000)).status).toBe("completed");
    const again = await t.partner.patch(url, body, idem);
    expect(again.body).toEqual(retry.body);
    const updates = (await ledger(stack.sandboxUrl, t.account)).filter((e) => e.objectId === campaign!.platformId && e.op === "update");
    expect(updates.map((e) => e.fields.daily_budget)).toEqual([4321]);
    expect(await stack.env.db.selectFrom("write_intents").select("id").where("entity_key", "=", `campaign:${campaign!.id}`).where("operation", "=", "update_budget").execute()).toHaveLength(1);
    expect(await stack.env.db.selectFrom("jobs").select("id").where("intent_id", "=", intents[0]!.id).execute()).toHaveLength(1);
  }, 90_000);
});
