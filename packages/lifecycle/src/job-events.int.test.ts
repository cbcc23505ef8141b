import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { newId } from "@layers/contracts";
import { pruneJobEvents } from "./index.ts";
import { useLifecycleFixture } from "./test-support/lifecycle-fixture.ts";

const f = useLifecycleFixture();

/** A job moved through `statuses` (the jobs trigger writes one history row per change), ended `agoMs` ago when it ended. */
async function job(statuses: ReadonlyArray<"running" | "completed" | "failed" | "canceled">, agoMs: number): Promise<string> {
  const id = newId("job");
  await f.env.db.insertInto("jobs").values({ id, organization_id: f.org, project_id: f.project, kind: "ads.pause_campaign", status: "queued" }).execute();
  for (const status of statuses) {
    const ended = status !== "running";
    await f.env.db
      .updateTable("jobs")
      .set({ status, updated_at: sql<Date>`now() - ${agoMs}::int * interval '1 millisecond'`, ...(ended ? { completed_at: sql<Date>`now() - ${agoMs}::int * interval '1 millisecond'` } : {}) })
      .where("id", "=", id)
      .execute();
  }
  return id;
}

const history = async (jobId: string) => (await f.env.db.selectFrom("job_events").select("seq").where("job_id", "=", jobId).orderBy("seq").execute()).map((r) => r.seq);

describe("job event histories are pruned once their job ended long enough ago", () => {
  it("an old ended job loses its history; a recent one and an unfinished old one keep theirs; the job rows stay", async () => {
    const day = 86_400_000;
    const oldDone = await job(["running", "completed"], 8 * day);
    const oldCanceled = await job(["canceled"], 8 * day);
    const recentDone = await job(["running", "completed"], day);
    const stillRunning = await job(["running"], 8 * day);
    expect(await history(oldDone)).toEqual([1, 2, 3]);

    const deleted = await pruneJobEvents(f.env.db, 7 * day, 1_000);
    expect(deleted).toBe(3 + 2);
    expect(await history(oldDone)).toEqual([]);
    expect(await history(oldCanceled)).toEqual([]);
    expect(await history(recentDone)).toEqual([1, 2, 3]);
    expect(await history(stillRunning)).toEqual([1, 2]);
    const jobs = await f.env.db.selectFrom("jobs").select("id").where("id", "in", [oldDone, oldCanceled]).execute();
    expect(jobs).toHaveLength(2);
    // Nothing left to prune: a second pass deletes nothing.
    expect(await pruneJobEvents(f.env.db, 7 * day, 1_000)).toBe(0);
  });

  it("a pass deletes at most `limit` rows (the pruner loops in batches)", async () => {
    const day = 86_400_000;
    const ids = [await job(["running", "completed"], 9 * day), await job(["running", "completed"], 9 * day)];
    expect(await pruneJobEvents(f.env.db, 7 * day, 4)).toBe(4);
    expect(await pruneJobEvents(f.env.db, 7 * day, 4)).toBe(2);
    for (const id of ids) expect(await history(id)).toEqual([]);
  });
});
