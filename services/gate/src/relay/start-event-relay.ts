import type { JetStreamClient } from "@nats-io/jetstream";
import type { NatsNames } from "@layers/contracts";
import { lockUnpublishedEvents, markEventsPublished, type Db } from "@layers/db";
import { hopHeaders, type Logger } from "@layers/runtime";
import { startRelayLoop, type RelayLoop } from "./relay-loop.ts";

export interface EventRelayDeps {
  db: Db;
  js: JetStreamClient;
  names: NatsNames;
  log: Logger;
  /** Time between passes. */
  intervalMs: number;
  /** An event is relayed once it has been unpublished this long (its publisher's own attempt had its chance). */
  afterMs: number;
  batchSize: number;
}

/**
 * The event outbox relay: publishes events another service stored with its state change but could
 * not publish (NATS hiccup, crash), then marks them. The rows stay locked while they are published,
 * so several gate instances never relay the same event at once; msg id = event id, so a copy that
 * did land (or a publish repeated after a crash before the mark) is dropped by JetStream.
 */
export function startEventRelay(deps: EventRelayDeps): RelayLoop {
  const pass = (): Promise<number> =>
    deps.db.transaction().execute(async (trx) => {
      const due = await lockUnpublishedEvents(trx, { afterMs: deps.afterMs, limit: deps.batchSize });
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
      if (failed) deps.log.warn({ err: failed.reason, unpublished: due.length - published.length }, "some events could not be relayed; next pass retries");
      if (published.length > 0) deps.log.info({ relayed: published.length }, "relayed outbox events");
      return published.length;
    });
  return startRelayLoop(pass, deps.intervalMs, deps.log);
}
