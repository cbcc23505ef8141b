import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NEW_LAYER_CEILING, NEW_LAYER_DEFAULTS, newId, newLayerId } from "@layers/contracts";
import { json } from "@layers/db";
import { createTestEnv, type TestEnv } from "@layers/testkit";
import { claimSyncTick, failRun, failStaleRuns, insertRun, markRunning, openRunOf, readOverrides, readRuns, setCreativeOverride, type NewRun } from "./index.ts";

let env: TestEnv;
let org: string;
let project: string;
let layer: string;
beforeAll(async () => {
  env = await createTestEnv();
  org = newId("organization");
  project = randomUUID();
  layer = newLayerId();
  await env.db.insertInto("organizations").values({ id: org, name: "Partner" }).execute();
  await env.db.insertInto("projects").values({ id: project, organization_id: org, name: "Customer" }).execute();
  await env.db.insertInto("layers").values({ id: layer, project_id: project, platform: "meta", currency: "USD", defaults: json(NEW_LAYER_DEFAULTS), ceiling: json(NEW_LAYER_CEILING) }).execute();
});
afterAll(async () => env.cleanup());

/** A job row for the run to name (the lifecycle's own tests cover how jobs move). */
async function job(): Promise<string> {
  const id = newId("job");
  await env.db.insertInto("jobs").values({ id, organization_id: org, project_id: project, kind: "ads.optimizer.run", status: "queued" }).execute();
  return id;
}
const run = async (over: Partial<NewRun> = {}): Promise<NewRun> => ({
  id: newId("optimizerRun"), organizationId: org, projectId: project, layerId: layer, platform: "meta", trigger: "api", dryRun: false, tick: null,
  window: { since: "2026-11-01", until: "2026-11-30" }, requestId: null, jobId: await job(), ...over,
});

describe("optimizer runs", () => {
  it("one open run per layer: a second insert stores nothing and the open run is named; a surrounding transaction stays usable", async () => {
    const first = await run();
    expect(await insertRun(env.db, first)).toBe(true);
    const second = await run();
    await env.db.transaction().execute(async (trx) => {
      expect(await insertRun(trx, second)).toBe(false);
      // No aborted transaction: the caller can still read (and roll back its job) in it.
      expect(await openRunOf(trx, layer)).toBe(first.id);
    });
    const [view] = await readRuns(env.db, project, { runId: first.id, limit: 1 });
    expect(view).toMatchObject({ id: first.id, jobId: first.jobId, status: "queued", platform: "meta_ads", window: { since: "2026-11-01", until: "2026-11-30" }, proposals: [] });
    expect(await markRunning(env.db, first.id)).toBe(true);
    expect(await markRunning(env.db, first.id)).toBe(false);
    expect(await failRun(env.db, first.id, { code: "RUN_FAILED", message: "x" })).toEqual({ failed: true, jobId: first.jobId });
    expect(await failRun(env.db, first.id, { code: "RUN_FAILED", message: "x" })).toEqual({ failed: false, jobId: null });
    expect(await openRunOf(env.db, layer)).toBeNull();
  });

  it("one run per (layer, tick), and stale open runs are failed with their job ids", async () => {
    const ticked = await run({ trigger: "schedule", tick: 7 });
    expect(await insertRun(env.db, ticked)).toBe(true);
    await failRun(env.db, ticked.id, { code: "RUN_FAILED", message: "x" });
    expect(await insertRun(env.db, await run({ trigger: "schedule", tick: 7 }))).toBe(false);
    const open = await run();
    expect(await insertRun(env.db, open)).toBe(true);
    expect(await failStaleRuns(env.db, 60_000)).toEqual({ runIds: [], jobIds: [] });
    await env.db.updateTable("optimizer_runs").set({ created_at: new Date(Date.now() - 120_000) }).where("id", "=", open.id).execute();
    expect(await failStaleRuns(env.db, 60_000)).toEqual({ runIds: [open.id], jobIds: [open.jobId] });
  });
});

describe("scheduled metrics syncs", () => {
  it("each (layer, tick) is claimed once, whichever instance asks first; an older tick never again", async () => {
    expect(await Promise.all([claimSyncTick(env.db, layer, 10), claimSyncTick(env.db, layer, 10)])).toEqual(expect.arrayContaining([true, false]));
    expect(await claimSyncTick(env.db, layer, 10)).toBe(false);
    expect(await claimSyncTick(env.db, layer, 9)).toBe(false);
    expect(await claimSyncTick(env.db, layer, 11)).toBe(true);
  });
});

describe("creative overrides", () => {
  it("set, replace and clear", async () => {
    await setCreativeOverride(env.db, project, "crv_a", "exclude");
    await setCreativeOverride(env.db, project, "crv_b", "include");
    await setCreativeOverride(env.db, project, "crv_a", "include");
    expect([...(await readOverrides(env.db, project))].sort()).toEqual([["crv_a", "include"], ["crv_b", "include"]]);
    await setCreativeOverride(env.db, project, "crv_b", null);
    expect([...(await readOverrides(env.db, project))]).toEqual([["crv_a", "include"]]);
  });
});
