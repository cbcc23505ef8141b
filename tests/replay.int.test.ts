import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordDeadLetter } from "@layers/db";
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
  /** The JSON report (stdout) and the progress written to stderr. */
  const opsWithProgress = async (...args: string[]) => {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { env: { ...process.env, ...stack.childEnv() } });
    return { report: JSON.parse(stdout), stderr };
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
    const { report: dry, stderr } = await opsWithProgress("replay", "--stream", "dispatch", "--from-seq", "1", "--dry-run");
    expect(dry.dryRun).toBe(true);
    expect(dry.republished).toBe(0);
    expect(dry.scanned).toBeGreaterThan(0);
    // Counted before anything else; progress as plain lines (stderr is not a terminal here), ending complete.
    expect(dry.count).toBe(dry.scanned);
    expect(dry.requeued).toEqual([]);
    expect(Array.isArray(dry.wouldRequeue)).toBe(true);
    const lines = stderr.trim().split("\n");
    expect(lines[0]).toBe(`replay: ${dry.count} message(s) in range (dry run: nothing will be published)`);
    expect(lines.at(-1)).toBe(`replay (dry run): ${dry.count}/${dry.count}`);
    expect((await stack.env.nats.jsm.streams.info(stack.env.names.streams.dispatch)).state.last_seq).toBe(info.state.last_seq);
    await expect(ops("replay", "--stream", "nope", "--from-seq", "1")).rejects.toMatchObject({ code: 2 });
    await expect(ops("replay", "--stream", "dispatch")).rejects.toMatchObject({ code: 2 });
  });

  it("a dry run lists the intents a real run would requeue, apart from the landed ones", async () => {
    const t = await autoTenant(stack);
    const [c] = await createCampaigns(t, 1, "DryRequeue");
    const res = await t.partner.patch(`${t.campaignsPath}/${c!.id}/budget`, { dailyBudgetCents: 2100 });
    expect((await waitForJob(t.partner, res.body.jobId)).status).toBe("completed");
    const intent = await stack.env.db.selectFrom("write_intents").select(["id"]).where("job_id", "=", res.body.jobId).executeTakeFirstOrThrow();
    // As if its dispatch had been lost: the intent is allowed again (not landed).
    await stack.env.db.updateTable("write_intents").set({ state: "allowed" }).where("id", "=", intent.id).execute();
    const info = await stack.env.nats.jsm.streams.info(stack.env.names.streams.dispatch);
    const dry = await ops("replay", "--stream", "dispatch", "--from-seq", "1", "--dry-run");
    expect(dry.wouldRequeue.map((x: any) => x.intentId)).toContain(intent.id);
    expect(dry.alreadyLanded.map((x: any) => x.intentId)).not.toContain(intent.id);
    expect(dry.requeued).toEqual([]);
    expect((await stack.env.nats.jsm.streams.info(stack.env.names.streams.dispatch)).state.last_seq).toBe(info.state.last_seq);
    await stack.env.db.updateTable("write_intents").set({ state: "dispatched" }).where("id", "=", intent.id).execute();
  });

  it("dlq inspect shows one dead letter in full; an unknown id is a usage error", async () => {
    await recordDeadLetter(stack.env.db, {
      stream: stack.env.names.streams.dispatch,
      consumer: "dispatcher-meta",
      streamSeq: 999_001,
      subject: `${stack.env.names.prefix}.dispatch.meta`,
      reason: "does not match contract: poison",
      payload: JSON.stringify({ intentId: "int_missing", hello: "poison" }),
    });
    const row = await stack.env.db.selectFrom("dead_letters").select("id").where("stream_seq", "=", 999_001).executeTakeFirstOrThrow();
    const dl = await ops("dlq", "inspect", "--id", String(row.id));
    expect(dl).toMatchObject({ id: row.id, stream_seq: 999_001, reason: "does not match contract: poison", message: { intentId: "int_missing", hello: "poison" }, intent: null, job: null });
    await expect(ops("dlq", "inspect", "--id", "987654321")).rejects.toMatchObject({ code: 2 });
  });
});
