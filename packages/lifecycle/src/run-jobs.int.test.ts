import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "@layers/contracts";
import { createTestEnv, type TestEnv } from "@layers/testkit";
import { completeRunJob, createRunJob, failRunJobs, startRunJob } from "./index.ts";

let env: TestEnv;
let org: string;
let project: string;
beforeAll(async () => {
  env = await createTestEnv();
  org = newId("organization");
  project = randomUUID();
  await env.db.insertInto("organizations").values({ id: org, name: "Partner" }).execute();
  await env.db.insertInto("projects").values({ id: project, organization_id: org, name: "Customer" }).execute();
});
afterAll(async () => env.cleanup());

const job = (id: string) => env.db.selectFrom("jobs").select(["kind", "status", "result", "error", "completed_at"]).where("id", "=", id).executeTakeFirstOrThrow();

describe("optimizer run jobs", () => {
  it("queued with the run's id, running, then completed with the run's counts", async () => {
    const runId = newId("optimizerRun");
    const id = await createRunJob(env.db, { organizationId: org, projectId: project, runId, dryRun: true });
    expect(await job(id)).toMatchObject({ kind: "ads.optimizer.run", status: "queued", result: { runId, dryRun: true }, completed_at: null });
    expect(await startRunJob(env.db, id)).toBe(true);
    expect(await startRunJob(env.db, id)).toBe(false);
    await completeRunJob(env.db, id, { runId, dryRun: true, proposals: 2, allowed: 1, queued: 1, denied: 0 });
    const done = await job(id);
    expect(done).toMatchObject({ status: "completed", result: { runId, proposals: 2, allowed: 1, queued: 1, denied: 0 } });
    expect(done.completed_at).not.toBeNull();
  });

  it("fail moves only open jobs: a completed job keeps its result", async () => {
    const open = await createRunJob(env.db, { organizationId: org, projectId: project, runId: newId("optimizerRun"), dryRun: false });
    const finished = await createRunJob(env.db, { organizationId: org, projectId: project, runId: newId("optimizerRun"), dryRun: false });
    await completeRunJob(env.db, finished, { runId: newId("optimizerRun"), dryRun: false, proposals: 0 });
    await failRunJobs(env.db, [open, finished], { code: "INTERRUPTED", message: "stopped" });
    expect(await job(open)).toMatchObject({ status: "failed", error: { code: "INTERRUPTED", message: "stopped" } });
    expect(await job(finished)).toMatchObject({ status: "completed", error: null });
    // A failed job is not completed afterwards.
    await completeRunJob(env.db, open, { runId: newId("optimizerRun"), dryRun: false });
    expect((await job(open)).status).toBe("failed");
  });
});
