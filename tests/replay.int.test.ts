import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, ledger, waitForJob } from "./support/api.ts";
import { startStack, type E2EStack } from "./support/stack.ts";
import { autoTenant, createCampaigns } from "./support/tenant.ts";

const cli = fileURLToPath(new URL("../tools/ops/src/cli.ts", import.meta.url));
const run = promisify(execFile);

/** Ops replays JetStream subjects after an incident: landed work is skipped and reported, none applied twice. */
describe("ops replay", () => {
  let stack: E2EStack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => stack?.stop());

  const ops = async (...args: string[]) => {
    const { stdout } = await run(process.execPath, [cli, ...args], { env: { ...process.env, ...stack.childEnv() } });
    return JSON.parse(stdout);
  };

  it("replaying the dispatch and intent streams re-runs nothing that already landed", async () => {
    const t = await autoTenant(stack);
    const [c] = await createCampaigns(t, 1, "Replay");
    for (const cents of [1500, 1600, 1700]) {
      const res = await t.partner.patch(`${t.campaignsPath}/${c!.id}/budget`, { dailyBudgetCents: cents });
      expect((await waitForJob(t.partner, res.body.jobId)).status).toBe("completed");
    }
    const before = await ledger(stack.sandboxUrl, t.account);
    const auditBefore = await stack.env.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();

    const dispatch = await ops("replay", "--stream", "dispatch", "--platform", "meta", "--from-seq", "1");
    expect(dispatch.scanned).toBe(4);
    expect(dispatch.republished).toBe(4);
    expect(dispatch.alreadyLanded.map((x: any) => x.state)).toEqual(["dispatched", "dispatched", "dispatched", "dispatched"]);
    expect(dispatch.requeued).toEqual([]);

    const intents = await ops("replay", "--stream", "intents", "--since", new Date(Date.now() - 60_000).toISOString());
    expect(intents.scanned).toBeGreaterThanOrEqual(5);
    expect(intents.requeued).toEqual([]);

    // Wait until the gate and the dispatcher have worked (and acked) every replayed message.
    const drained = async (stream: string, durable: string) => {
      const i = await stack.env.nats.jsm.consumers.info(stream, durable);
      return i.num_pending === 0 && i.num_ack_pending === 0;
    };
    await eventually(
      async () =>
        (await drained(stack.env.names.streams.dispatch, stack.env.names.consumers.dispatcher("meta"))) &&
        (await drained(stack.env.names.streams.intents, stack.env.names.consumers.gate))
          ? true
          : undefined,
      "replayed messages to be worked",
    );
    expect(await ledger(stack.sandboxUrl, t.account)).toEqual(before);
    const auditAfter = await stack.env.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n));
  });

  it("a dry run reports without republishing, and bad arguments are usage errors", async () => {
    const info = await stack.env.nats.jsm.streams.info(stack.env.names.streams.dispatch);
    const dry = await ops("replay", "--stream", "dispatch", "--from-seq", "1", "--dry-run");
    expect(dry.republished).toBe(0);
    expect(dry.scanned).toBeGreaterThan(0);
    expect((await stack.env.nats.jsm.streams.info(stack.env.names.streams.dispatch)).state.last_seq).toBe(info.state.last_seq);
    await expect(ops("replay", "--stream", "nope", "--from-seq", "1")).rejects.toMatchObject({ code: 2 });
    await expect(ops("replay", "--stream", "dispatch")).rejects.toMatchObject({ code: 2 });
  });
});
