import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import type { Db, JobStatus } from "@layers/db";
import type { Logger } from "@layers/runtime";

/** A job's final statuses: its event history is complete once it reaches one (a redrive of a failed job starts a new chapter, numbered on). */
const ENDED_JOB_STATUSES: readonly JobStatus[] = ["completed", "failed", "canceled"];
const ENDED = sql.raw(`(${ENDED_JOB_STATUSES.map((s) => `'${s}'`).join(",")})`);

/**
 * Deletes the event history (`job_events`, written by the jobs trigger) of jobs that ended more
 * than `olderThanMs` ago, at most `limit` rows: a stream of such a job can no longer be resumed
 * from an old `Last-Event-ID`, while `GET /v1/jobs/:jobId` keeps answering from the job itself.
 * Unfinished jobs keep all of theirs. Returns the rows deleted.
 */
export async function pruneJobEvents(db: Db, olderThanMs: number, limit: number): Promise<number> {
  const r = await sql`
    delete from job_events e using (
      select e2.job_id, e2.seq from job_events e2 join jobs j on j.id = e2.job_id
      where j.status in ${ENDED} and coalesce(j.completed_at, j.updated_at) < now() - ${Math.max(0, Math.round(olderThanMs))}::bigint * interval '1 millisecond'
      limit ${limit}::int
    ) old
    where e.job_id = old.job_id and e.seq = old.seq`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export interface JobEventsPruner {
  stop(): Promise<void>;
}

/**
 * Prunes old job event histories every `everyMs`, a batch at a time until nothing is left (so one
 * pass never holds a long transaction). Hosted by each gate process; passes of two gates only
 * delete the same rows once.
 */
export function startJobEventsPruner(deps: { db: Db; log: Logger; retainMs: number; everyMs: number; batch?: number }): JobEventsPruner {
  const batch = deps.batch ?? 5_000;
  let stopped = false;
  const wake = new AbortController();
  const loop = (async () => {
    while (!stopped) {
      try {
        let n: number;
        do n = await pruneJobEvents(deps.db, deps.retainMs, batch);
        while (n === batch && !stopped);
      } catch (err) {
        deps.log.warn({ err }, "could not prune job event histories; the next pass retries");
      }
      await sleep(deps.everyMs, undefined, { signal: wake.signal }).catch(() => undefined);
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake.abort();
      await loop;
    },
  };
}
