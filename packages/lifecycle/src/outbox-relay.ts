import type { JetStreamClient } from "@nats-io/jetstream";
import pg from "pg";
import type { NatsNames } from "@layers/contracts";
import type { Db } from "@layers/db";
import { hopHeaders, type Logger } from "@layers/runtime";
import { lockUnpublishedEvents, markEventsPublished, sweepPublishedEvents } from "./outbox.ts";

/** The channel the `event_outbox` insert trigger notifies at commit. */
export const OUTBOX_CHANNEL = "layers_event_outbox";

export interface OutboxRelayDeps {
  db: Db;
  /** A dedicated connection LISTENs for new rows; the pool's clients come and go. */
  databaseUrl: string;
  js: JetStreamClient;
  names: NatsNames;
  log: Logger;
  /** A pass at least this often even without a notification (a lost connection, a missed notify). */
  intervalMs: number;
  batchSize: number;
  /** Published rows are deleted after this long (JetStream and the `events` table keep the events). */
  retainMs: number;
}

export interface OutboxRelay {
  /** A pass now (or the one under way); resolves to the events published. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The one publisher of events. Every transition stores its events in `event_outbox` in its own
 * statement; this relay publishes them (msg id = event id, so a copy JetStream already has is
 * dropped) and marks them. It is woken by the insert trigger's NOTIFY, so an event leaves within
 * milliseconds of its commit, and polls every `intervalMs` as a backstop. Rows stay locked while
 * they are published, so several relays (one per gate process) never publish one event at once.
 */
export function startOutboxRelay(deps: OutboxRelayDeps): OutboxRelay {
  let current: Promise<number> | null = null;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let listener: pg.Client | null = null;
  let lastSweep = 0;

  const pass = (): Promise<number> =>
    deps.db.transaction().execute(async (trx) => {
      const due = await lockUnpublishedEvents(trx, { afterMs: 0, limit: deps.batchSize });
      const results = await Promise.allSettled(
        due.map((row) =>
          deps.js.publish(deps.names.subjects.event(row.subject_type), JSON.stringify(row.payload), {
            msgID: row.id,
            headers: hopHeaders({ requestId: row.request_id ?? row.id, traceparent: row.traceparent ?? "" }),
          }),
        ),
      );
      const published = due.filter((_, i) => results[i]!.status === "fulfilled").map((row) => row.id);
      await markEventsPublished(trx, published);
      const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed) deps.log.warn({ err: failed.reason, unpublished: due.length - published.length }, "some events could not be published; next pass retries");
      // A full batch means more are waiting: go again at once.
      if (!failed && due.length === deps.batchSize) again = true;
      return published.length;
    });

  const runOnce = (): Promise<number> => {
    if (current) {
      again = true;
      return current;
    }
    current = pass()
      .then(async (n) => {
        if (Date.now() - lastSweep > 60_000) {
          lastSweep = Date.now();
          await sweepPublishedEvents(deps.db, deps.retainMs, 5_000);
        }
        return n;
      })
      .finally(() => {
        current = null;
        if (again && !stopped) {
          again = false;
          void runOnce().catch((err: unknown) => deps.log.warn({ err }, "outbox pass failed; next pass retries"));
        }
      });
    return current;
  };

  const wake = () => void runOnce().catch((err: unknown) => deps.log.warn({ err }, "outbox pass failed; next pass retries"));

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      wake();
      schedule();
    }, deps.intervalMs);
  };

  const listen = async (): Promise<void> => {
    if (stopped) return;
    const client = new pg.Client({ connectionString: deps.databaseUrl, application_name: "outbox-relay" });
    client.on("error", () => undefined);
    client.on("end", () => {
      if (listener === client) listener = null;
      // Postgres went away: the interval keeps passes going, and the listener comes back with it.
      if (!stopped) setTimeout(() => void listen(), 1_000);
    });
    client.on("notification", wake);
    try {
      await client.connect();
      await client.query(`listen ${OUTBOX_CHANNEL}`);
      listener = client;
      wake(); // whatever was stored while we were not listening
    } catch (err) {
      deps.log.warn({ err }, "outbox relay could not listen; polling until it can");
      await client.end().catch(() => undefined);
    }
  };

  void listen();
  schedule();

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const l = listener;
      listener = null;
      await l?.end().catch(() => undefined);
      await current?.catch(() => undefined);
    },
  };
}
