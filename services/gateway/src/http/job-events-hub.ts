import { FINISHED_JOB_STATUSES } from "@layers/contracts";
import type { Db, JobStatus } from "@layers/db";
import type { Logger } from "@layers/runtime";
import { listenForCacheInvalidations, type CacheInvalidation } from "./cache-invalidation.ts";
import { jobEventsAfter, type JobEventRow } from "../repositories/jobs.repository.ts";

/** The channel the jobs trigger NOTIFYs on (migration job_cancel_and_events); payload `<job id>:<seq>`. */
export const JOB_EVENTS_CHANNEL = "layers_job_events";

/** One open event stream: it is handed each status change of its job after `lastSeq`, in order, once. */
export interface JobStreamSink {
  lastSeq: number;
  deliver(event: JobEventRow): void;
  /** The gateway is shutting down: end the stream. */
  end(): void;
}

export interface JobEventsHub {
  /** Starts handing `sink` the job's changes after `sink.lastSeq` (those already stored first); returns the unsubscribe. */
  subscribe(jobId: string, sink: JobStreamSink): () => void;
  /** Ends every open stream and stops listening. */
  close(): Promise<void>;
}

/**
 * One LISTEN connection per gateway for every job event stream it serves. A notification names a
 * job; if some stream follows that job, one query reads its new `job_events` rows and every stream
 * of the job gets the ones it has not had. Nothing polls: a stream costs a query only when its job
 * changed (or when it subscribes, for the backlog). After the listening connection was lost (and
 * on its first connect) every followed job is read again, so a notification missed meanwhile
 * delays an event, never loses it.
 */
export async function startJobEventsHub(opts: { db: Db; databaseUrl: string; log: Logger; heartbeatMs?: number }): Promise<JobEventsHub> {
  const log = opts.log.child({ component: "job-events" });
  const subs = new Map<string, Set<JobStreamSink>>();
  // One read at a time per job; a change noticed during a read runs one more read after it.
  const reading = new Map<string, { again: boolean }>();

  const pump = (jobId: string): void => {
    const running = reading.get(jobId);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: false };
    reading.set(jobId, state);
    void (async () => {
      try {
        do {
          state.again = false;
          const sinks = subs.get(jobId);
          if (!sinks || sinks.size === 0) break;
          const after = Math.min(...[...sinks].map((s) => s.lastSeq));
          deliverNew(await jobEventsAfter(opts.db, jobId, after), subs.get(jobId) ?? []);
        } while (state.again);
      } catch (err) {
        // The next notification or resync of this job reads again from each stream's last id.
        log.warn({ err, jobId }, "reading job events failed");
      } finally {
        reading.delete(jobId);
      }
    })();
  };

  const listener: CacheInvalidation = await listenForCacheInvalidations({
    connectionString: opts.databaseUrl,
    log,
    channel: JOB_EVENTS_CHANNEL,
    handlers: {
      onMessage: (payload) => {
        const jobId = payload.split(":")[0] ?? "";
        if (subs.has(jobId)) pump(jobId);
      },
      onResync: () => {
        for (const jobId of subs.keys()) pump(jobId);
      },
    },
    ...(opts.heartbeatMs ? { heartbeatMs: opts.heartbeatMs } : {}),
  });

  return {
    subscribe(jobId, sink) {
      let set = subs.get(jobId);
      if (!set) subs.set(jobId, (set = new Set()));
      set.add(sink);
      pump(jobId);
      return () => {
        const s = subs.get(jobId);
        s?.delete(sink);
        if (s?.size === 0) subs.delete(jobId);
      };
    },
    async close() {
      for (const set of subs.values()) for (const sink of set) sink.end();
      subs.clear();
      await listener.close();
    },
  };
}

/**
 * Hands each stream the rows (in sequence order) it has not had yet, once: a row at or below a
 * stream's `lastSeq` (its resume point, or a row an earlier read delivered) is skipped.
 */
export function deliverNew(rows: readonly JobEventRow[], sinks: Iterable<JobStreamSink>): void {
  const list = [...sinks];
  for (const row of rows) {
    for (const sink of list) {
      if (row.seq <= sink.lastSeq) continue;
      sink.lastSeq = row.seq;
      sink.deliver(row);
    }
  }
}

/** Statuses after which a job's stream ends (a redrive of a failed job is followed by a new stream). */
export function endsStream(status: JobStatus): boolean {
  return FINISHED_JOB_STATUSES.includes(status);
}
